package dev.vaporform.bench.ot;

import dev.vaporform.ot.Document;
import dev.vaporform.ot.Op;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Memory per document, measured as the heap growth (after full GCs) from holding many copies of each
 * benchmark document, divided by the copy count (40 copies, more for small documents). Prints one
 * {@code name<TAB>bytes} line per document, plus the same after the document has taken its 1000 edits one
 * after another (leaves split and merge).
 */
public final class OtMemory {


    private OtMemory() {
    }

    public static void main(String[] args) {
        OtInputs inputs = OtInputs.load();
        for (OtInputs.NamedDocument named : inputs.documents()) {
            String text = named.document().toString();
            int copies = Math.max(40, 4_000_000 / text.length()); // enough that GC noise is small next to the total
            System.out.println(named.name() + "\t" + bytesPer(copies, () -> Document.of(text)));
            System.out.println(named.name() + "+1000edits\t"
                    + bytesPer(copies, () -> edited(Document.of(text), named)));
        }
    }

    /** Applies the edits one after another; one made for the base document that no longer fits is skipped. */
    private static Document edited(Document document, OtInputs.NamedDocument named) {
        for (Op edit : named.edits()) {
            long span = edit.components().stream().mapToLong(c -> c.preLength()).sum();
            if (span <= document.length()) {
                document = document.apply(edit);
            }
        }
        return document;
    }

    private static long bytesPer(int copies, java.util.function.Supplier<Document> make) {
        Object[] keep = new Object[copies];
        long before = usedAfterGc();
        for (int i = 0; i < copies; i++) {
            keep[i] = make.get();
        }
        long after = usedAfterGc();
        long per = (after - before) / copies;
        if (keep[copies - 1] == null) {
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
