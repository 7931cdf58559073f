package dev.vaporform.ot;

import java.util.List;

/** The op-level half of the strict check; components check themselves when they are built. */
final class OpCheck {

    private OpCheck() {
    }

    static void check(List<Component> components) {
        long pre = 0;
        long post = 0;
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            if (c == null) {
                throw new InvalidOpException("component " + i + ": null is not an op component");
            }
            if (c instanceof Skip && i > 0 && components.get(i - 1) instanceof Skip) {
                throw new InvalidOpException("component " + i + ": adjacent skips must be combined into one skip");
            }
            pre += c.preLength();
            post += c.postLength();
        }
        if (!components.isEmpty() && components.getLast() instanceof Skip) {
            throw new InvalidOpException("component " + (components.size() - 1)
                    + ": op must not end with a skip (the rest of the document is kept implicitly)");
        }
        if (pre > Integer.MAX_VALUE || post > Integer.MAX_VALUE) {
            throw new InvalidOpException("op spans more than " + Integer.MAX_VALUE + " code points");
        }
    }
}
