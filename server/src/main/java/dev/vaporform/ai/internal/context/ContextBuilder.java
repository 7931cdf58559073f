package dev.vaporform.ai.internal.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.vaporform.ai.internal.AiProblems;
import dev.vaporform.ai.internal.provider.ModelRequest;
import dev.vaporform.files.FileContent;
import dev.vaporform.files.FileEntry;
import dev.vaporform.files.ProjectFiles;
import dev.vaporform.files.SearchHit;
import dev.vaporform.files.SearchQuery;
import dev.vaporform.platform.InvalidParameter;

/**
 * Puts a request together within the token budget, most valuable first: the prompt and the
 * selection (both indispensable: if they do not fit, the request is refused), the open file
 * (a window around the selection when it is long), the conversation so far (newest first),
 * snippets around search hits for the prompt's terms and the open code's identifiers, and last
 * a map of the tree. Secret files contribute nothing, not even their names; which files are
 * secret is judged on disk for each request ({@link ProjectSecrets}), since links and hard links
 * give a secret any name.
 */
public final class ContextBuilder {

    private static final int PROMPT_TERMS = 6;
    private static final int CODE_IDENTIFIERS = 4;
    private static final int HITS_PER_TERM = 20;
    private static final int SNIPPET_FILES = 8;
    private static final int HITS_PER_FILE = 3;

    private final ProjectFiles files;
    private final SecretFiles names;
    private final int budget;
    private final int snippetLines;

    public ContextBuilder(ProjectFiles files, SecretFiles names, int budget, int snippetLines) {
        this.files = files;
        this.names = names;
        this.budget = budget;
        this.snippetLines = snippetLines;
    }

    public BuiltContext build(ContextRequest ask, String system, int maxTokens) {
        int left = budget - Tokens.estimate(system);
        String request = "<request>\n" + ask.prompt() + "\n</request>";
        left -= Tokens.estimate(request);
        if (left < 0) throw new AiProblems.PromptTooLarge("The prompt is longer than the context budget of " + budget + " tokens.", budget);

        ProjectSecrets secrets = new ProjectSecrets(files, names, ask.projectId());
        String openText = ask.path() == null ? null : openFileText(ask, secrets);
        boolean withheld = ask.path() != null && openText == null;
        String selectionBlock = "";
        if (openText != null && ask.selection() != null) {
            selectionBlock = "<selection path=\"" + ask.path() + "\">\n" + slice(openText, ask.selection()) + "\n</selection>\n";
            left -= Tokens.estimate(selectionBlock);
            if (left < 0) throw new AiProblems.PromptTooLarge("The prompt and the selection are longer than the context budget of " + budget + " tokens.", budget);
        }

        String openBlock = "";
        if (withheld) {
            openBlock = "<open_file path=\"" + ask.path() + "\">(withheld: this file may hold secrets and is never sent)</open_file>\n";
        } else if (openText != null) {
            String shown = window(openText, ask.selection(), left);
            openBlock = "<open_file path=\"" + ask.path() + "\"" + (shown.length() < openText.length() ? " excerpt=\"true\"" : "") + ">\n" + shown + "\n</open_file>\n";
        }
        left -= Tokens.estimate(openBlock);

        List<ModelRequest.Turn> history = new ArrayList<>();
        for (int i = ask.history().size() - 1; i >= 1; i -= 2) {
            var answer = ask.history().get(i);
            var question = ask.history().get(i - 1);
            int cost = Tokens.estimate(answer.text()) + Tokens.estimate(question.text());
            if (cost > left) break;
            left -= cost;
            history.addFirst(answer);
            history.addFirst(question);
        }

        var snippets = snippets(ask, openText, Math.max(0, left), secrets);
        left -= Tokens.estimate(snippets.text());
        String tree = tree(ask.projectId(), Math.max(0, left));

        String user = tree + snippets.text() + openBlock + selectionBlock + request;
        history.add(new ModelRequest.Turn(ModelRequest.Role.user, user));
        var model = new ModelRequest(system, history, maxTokens);
        int estimate = Tokens.estimate(system) + history.stream().mapToInt(t -> Tokens.estimate(t.text())).sum();
        return new BuiltContext(model, withheld, snippets.paths(), estimate);
    }

    /** @return the open file's text, or null when it is secret (or was swapped while it was read) */
    private String openFileText(ContextRequest ask, ProjectSecrets secrets) {
        String text = readUnlessSecret(ask.projectId(), ask.path(), secrets);
        if (text == null) return null;
        if (ask.selection() != null) {
            int length = text.codePointCount(0, text.length());
            var s = ask.selection();
            if (s.from() < 0 || s.to() < s.from() || s.to() > length) {
                throw new InvalidParameter("selection", "must be a range within the file's " + length + " code points (from <= to)");
            }
        }
        return text;
    }

    private static String slice(String text, ContextRequest.Selection s) {
        int from = text.offsetByCodePoints(0, s.from());
        int to = text.offsetByCodePoints(from, s.to() - s.from());
        return text.substring(from, to);
    }

    /** The whole text when it fits; otherwise the lines around the selection (or the first lines). */
    private static String window(String text, ContextRequest.Selection selection, int tokens) {
        if (Tokens.estimate(text) <= tokens) return text;
        if (tokens <= 0) return "";
        int center = selection == null ? 0 : text.offsetByCodePoints(0, selection.from());
        int chars = tokens * 4;
        int start = Math.max(0, center - chars / 2);
        start = start == 0 ? 0 : text.indexOf('\n', start) + 1;
        return Tokens.cut(text.substring(Math.max(0, start)), tokens);
    }

    private record Snippets(String text, List<String> paths) {}

    /**
     * Reads through the files module, which follows links inside the project: so the path is
     * judged before the read, and judged again after it, in case the workspace swapped it.
     *
     * @return the text, or null when it is secret
     */
    private String readUnlessSecret(UUID projectId, String path, ProjectSecrets secrets) {
        ProjectSecrets.Identity before = secrets.identify(path);
        if (before.secret()) return null;
        FileContent file = files.read(projectId, path);
        return secrets.identify(path).equals(before) ? file.text() : null;
    }

    private Snippets snippets(ContextRequest ask, String openText, int tokens, ProjectSecrets secrets) {
        if (tokens < 16) return new Snippets("", List.of());
        Map<String, Integer> score = new LinkedHashMap<>();
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        for (String term : SearchTerms.ofPrompt(ask.prompt(), PROMPT_TERMS)) collect(ask, term, false, 2, score, lines, secrets);
        if (openText != null) {
            String code = ask.selection() != null ? slice(openText, ask.selection()) : openText;
            for (String id : SearchTerms.identifiers(code, CODE_IDENTIFIERS)) collect(ask, id, true, 1, score, lines, secrets);
        }
        var ranked = score.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(SNIPPET_FILES).map(Map.Entry::getKey).toList();
        StringBuilder out = new StringBuilder();
        List<String> used = new ArrayList<>();
        for (String path : ranked) {
            String snippet = snippet(ask.projectId(), path, lines.get(path), secrets);
            if (snippet == null) continue;
            if (Tokens.estimate(out) + Tokens.estimate(snippet) > tokens) break;
            out.append(snippet);
            used.add(path);
        }
        return new Snippets(out.isEmpty() ? "" : "<snippets>\n" + out + "</snippets>\n", used);
    }

    private void collect(ContextRequest ask, String term, boolean caseSensitive, int weight,
                         Map<String, Integer> score, Map<String, List<Integer>> lines, ProjectSecrets secrets) {
        List<SearchHit> hits;
        try {
            hits = files.search(ask.projectId(), new SearchQuery(term, caseSensitive, false, HITS_PER_TERM)).hits();
        } catch (RuntimeException unsearchable) {
            return; // a term the index refuses adds nothing; the request goes on without it
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SearchHit hit : hits) {
            if (hit.path().equals(ask.path()) || secrets.isSecret(hit.path())) continue;
            if (seen.add(hit.path())) score.merge(hit.path(), weight, Integer::sum);
            var fileLines = lines.computeIfAbsent(hit.path(), p -> new ArrayList<>());
            if (fileLines.size() < HITS_PER_FILE && !fileLines.contains(hit.line())) fileLines.add(hit.line());
        }
    }

    /** The hit lines with {@code snippetLines} around each, overlapping windows merged, numbered. */
    private String snippet(UUID projectId, String path, List<Integer> hitLines, ProjectSecrets secrets) {
        String[] text;
        try {
            String content = readUnlessSecret(projectId, path, secrets);
            if (content == null) return null;
            text = content.split("\n", -1);
        } catch (RuntimeException gone) {
            return null;
        }
        TreeMap<Integer, Integer> ranges = new TreeMap<>();
        for (int line : hitLines.stream().sorted().toList()) {
            int from = Math.max(1, line - snippetLines), to = Math.min(text.length, line + snippetLines);
            var last = ranges.lastEntry();
            if (last != null && from <= last.getValue() + 1) ranges.put(last.getKey(), Math.max(last.getValue(), to));
            else ranges.put(from, to);
        }
        StringBuilder out = new StringBuilder();
        ranges.forEach((from, to) -> {
            out.append("<snippet path=\"").append(path).append("\" lines=\"").append(from).append('-').append(to).append("\">\n");
            for (int i = from; i <= to; i++) out.append(text[i - 1]).append('\n');
            out.append("</snippet>\n");
        });
        return out.toString();
    }

    /** Directories with the names of their files, one line each, cut to the budget. */
    private String tree(UUID projectId, int tokens) {
        if (tokens < 16) return "";
        Map<String, List<String>> byDir = new TreeMap<>();
        for (FileEntry entry : files.tree(projectId)) {
            if (!"file".equals(entry.type()) || names.isSecret(entry.path())) continue;
            int slash = entry.path().lastIndexOf('/');
            byDir.computeIfAbsent(slash < 0 ? "" : entry.path().substring(0, slash + 1), d -> new ArrayList<>())
                    .add(entry.path().substring(slash + 1));
        }
        StringBuilder out = new StringBuilder();
        for (var dir : byDir.entrySet()) {
            String line = (dir.getKey().isEmpty() ? "./" : dir.getKey()) + ": " + String.join(", ", dir.getValue()) + "\n";
            if (Tokens.estimate(out) + Tokens.estimate(line) + 10 > tokens) {
                out.append("…\n");
                break;
            }
            out.append(line);
        }
        return out.isEmpty() ? "" : "<project_tree>\n" + out + "</project_tree>\n";
    }
}
