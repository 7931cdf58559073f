package dev.vaporform.ai.internal.edits;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the edits out of an answer. The system prompt asks for blocks in the format many coding
 * assistants use:
 *
 * <pre>
 * path/to/file.ext
 * &lt;&lt;&lt;&lt;&lt;&lt;&lt; SEARCH
 * exact lines to find
 * =======
 * lines to put instead
 * &gt;&gt;&gt;&gt;&gt;&gt;&gt; REPLACE
 * </pre>
 *
 * The path is the last non-blank line before the block (code-fence backticks and markdown
 * emphasis stripped). A block that is not closed is not an edit: half an edit is never applied.
 */
public final class EditParser {

    static final String SEARCH = "<<<<<<< SEARCH";
    static final String DIVIDER = "=======";
    static final String REPLACE = ">>>>>>> REPLACE";

    /** Letters, digits and the punctuation of file names, with at least one letter or digit. */
    private static final java.util.regex.Pattern PATH =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.@+~/\\\\-]*[\\p{L}\\p{N}][\\p{L}\\p{N}_.@+~/\\\\-]*");

    private EditParser() {}

    public static List<ProposedEdit> parse(String answer) {
        String[] lines = answer.split("\n", -1);
        List<ProposedEdit> edits = new ArrayList<>();
        String lastPath = null;
        for (int i = 0; i < lines.length; i++) {
            String line = stripCr(lines[i]);
            if (!line.strip().equals(SEARCH)) {
                String candidate = pathLike(line);
                if (candidate != null) lastPath = candidate;
                continue;
            }
            int divider = find(lines, i + 1, DIVIDER);
            int end = divider < 0 ? -1 : find(lines, divider + 1, REPLACE);
            if (end < 0) break;
            if (lastPath != null) {
                edits.add(new ProposedEdit(lastPath, join(lines, i + 1, divider), join(lines, divider + 1, end)));
            }
            i = end;
        }
        return edits;
    }

    private static int find(String[] lines, int from, String marker) {
        for (int i = from; i < lines.length; i++) if (stripCr(lines[i]).strip().equals(marker)) return i;
        return -1;
    }

    private static String join(String[] lines, int from, int to) {
        if (from >= to) return "";
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) out.append(stripCr(lines[i])).append('\n');
        return out.toString();
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** @return the line as a path when it could name a file: letters, digits and file-name punctuation only (a validated path later decides) */
    private static String pathLike(String line) {
        String s = line.strip();
        if (s.startsWith("```")) return null;
        s = s.replaceAll("^[*_`#>\\s]+|[*_`:\\s]+$", "");
        return s.length() <= 4096 && PATH.matcher(s).matches() ? s : null;
    }
}
