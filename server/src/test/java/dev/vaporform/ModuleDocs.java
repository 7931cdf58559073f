package dev.vaporform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts Spring Modulith's generated module documentation in a stable order. The documenter lists
 * relations and event listeners in hash order, so every test run rewrote the committed files with
 * the same content shuffled; sorted, they change only when the modules do.
 */
final class ModuleDocs {

    private ModuleDocs() {
    }

    static void sortListings(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc")).toList()) {
                Files.write(file, sortRuns(Files.readAllLines(file)));
            }
        }
    }

    /** Sorts each run of relation lines ({@code Rel(…}) and of bullets in a table cell ({@code |* …}, {@code * …}). */
    static List<String> sortRuns(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            if (kind == null) {
                sorted.add(lines.get(i++));
                continue;
            }
            boolean cellStart = lines.get(i).startsWith("|* ");
            List<String> run = new ArrayList<>();
            run.add(cellStart ? lines.get(i).substring(1) : lines.get(i));
            i++;
            while (i < lines.size() && kind.equals(kind(lines.get(i))) && !lines.get(i).startsWith("|")) run.add(lines.get(i++));
            run.sort(null);
            if (cellStart) run.set(0, "|" + run.getFirst());
            sorted.addAll(run);
        }
        return sorted;
    }

    private static String kind(String line) {
        if (line.startsWith("Rel(")) return "relation";
        if (line.startsWith("* `") || line.startsWith("|* `")) return "bullet";
        return null;
    }
}
