package dev.vaporform.bench.ot;

import dev.vaporform.ot.Document;
import dev.vaporform.ot.Op;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Memory per document, measured as the heap growth (after full GCs) from holding many copies of each
 * benchmark document, divided by the copy count. Prints one {@code name<TAB>bytes} line per document, plus the
 * same after the document has taken its 1000 edits one after another (leaves split and merge).
 */
public final class OtMemory {

    private static final int COPIES = 40;

    private OtMemory() {
    }

    public static void main(String[] args) {
        OtInputs inputs = OtInputs.load();
        for (OtInputs.NamedDocument named : inputs.documents()) {
            String text = named.document().toString();
            System.out.println(named.name() + "\t" + bytesPer(() -> Document.of(text)));
            System.out.println(named.name() + "+1000edits\t" + bytesPer(() -> edited(Document.of(text), named)));
        }
    }

    private static Document edited(Document document, OtInputs.NamedDocument named) {
        for (Op edit : named.edits()) {
            if (edit.components().size() <= 2 && fits(edit, document)) {
                document = document.apply(edit);
            }
        }
        return document;
    }

    /** Edits were made for the base document; after earlier edits a delete near the end may no longer fit. */
    private static boolean fits(Op edit, Document document) {
        long span = edit.components().stream().mapToLong(c -> c.preLength()).sum();
        return span <= document.length();
    }

    private static long bytesPer(java.util.function.Supplier<Document> make) {
        Object[] keep = new Object[COPIES];
        long before = usedAfterGc();
        for (int i = 0; i < COPIES; i++) {
            keep[i] = make.get();
        }
        long after = usedAfterGc();
        long per = (after - before) / COPIES;
        if (keep[COPIES - 1] == null) {
            throw new AssertionError(); // keeps the copies reachable until measured
        }
        return per;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
