package dev.vaporform.collab.internal;

import java.util.ArrayList;
import java.util.List;

import dev.vaporform.ot.Component;
import dev.vaporform.ot.Delete;
import dev.vaporform.ot.Insert;
import dev.vaporform.ot.Op;
import dev.vaporform.ot.Skip;

/**
 * The op that turns one text into another: keep the common prefix and suffix, replace the
 * middle. Positions count code points, and the cut never splits a surrogate pair.
 */
final class TextDiff {

    private TextDiff() {}

    static Op between(String before, String after) {
        int[] a = before.codePoints().toArray();
        int[] b = after.codePoints().toArray();
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) prefix++;
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) suffix++;
        List<Component> components = new ArrayList<>();
        if (prefix > 0) components.add(new Skip(prefix));
        int deleted = a.length - prefix - suffix;
        if (deleted > 0) components.add(Delete.count(deleted));
        if (b.length - prefix - suffix > 0) components.add(new Insert(new String(b, prefix, b.length - prefix - suffix)));
        if (deleted == 0 && b.length - prefix - suffix == 0) return Op.noop();
        return Op.of(components);
    }
}
