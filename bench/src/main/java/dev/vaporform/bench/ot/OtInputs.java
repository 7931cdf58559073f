package dev.vaporform.bench.ot;

import dev.vaporform.ot.Document;
import dev.vaporform.ot.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark inputs that {@code bench/ot/node/make-inputs.js} wrote, so JMH and the JS reference run the
 * very same documents and ops. One record per line, tab-separated: {@code doc\t<name>\t<op that creates it>},
 * {@code edit\t<doc name>\t<op>} or {@code pair\t<a>\t<b>\t<c>} where {@code a}, {@code b} are concurrent
 * and {@code c} follows {@code a}. A document is stored as the op that creates it from nothing, so one JSON
 * parser (ours) reads the whole file.
 */
public record OtInputs(List<NamedDocument> documents, List<Op[]> pairs) {

    /** A document and the single-edit ops to apply to it. */
    public record NamedDocument(String name, Document document, List<Op> edits) {
    }

    /** Reads the file named by the system property {@code ot.bench.inputs} (default {@code bench/out/ot-inputs.tsv}). */
    public static OtInputs load() {
        return load(Path.of(System.getProperty("ot.bench.inputs", "bench/out/ot-inputs.tsv")));
    }

    static OtInputs load(Path file) {
        List<NamedDocument> documents = new ArrayList<>();
        List<Op[]> pairs = new ArrayList<>();
        for (String line : lines(file)) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "doc" -> documents.add(new NamedDocument(f[1], Document.empty().apply(Op.fromJson(f[2])),
                        new ArrayList<>()));
                case "edit" -> find(documents, f[1]).edits().add(Op.fromJson(f[2]));
                case "pair" -> pairs.add(new Op[] {Op.fromJson(f[1]), Op.fromJson(f[2]), Op.fromJson(f[3])});
                default -> throw new IllegalArgumentException("unknown input line: " + f[0]);
            }
        }
        return new OtInputs(documents, pairs);
    }

    public NamedDocument document(String name) {
        return find(documents, name);
    }

    private static NamedDocument find(List<NamedDocument> documents, String name) {
        return documents.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no document " + name + " in the inputs"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark inputs " + file.toAbsolutePath()
                    + "; bench/ot/run.sh writes them", e);
        }
    }
}
