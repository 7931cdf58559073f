package dev.vaporform.ot;

/** The op-level half of the strict check; components check themselves when they are built. */
final class OpCheck {

    private OpCheck() {
    }

    static void check(Component[] components) {
        long pre = 0;
        long post = 0;
        for (int i = 0; i < components.length; i++) {
            Component c = components[i];
            if (c == null) {
                throw new InvalidOpException("component " + i + ": null is not an op component");
            }
            if (c instanceof Skip && i > 0 && components[i - 1] instanceof Skip) {
                throw new InvalidOpException("component " + i + ": adjacent skips must be combined into one skip");
            }
            pre += c.preLength();
            post += c.postLength();
        }
        if (components.length > 0 && components[components.length - 1] instanceof Skip) {
            throw new InvalidOpException("component " + (components.length - 1)
                    + ": op must not end with a skip (the rest of the document is kept implicitly)");
        }
        if (pre > Integer.MAX_VALUE || post > Integer.MAX_VALUE) {
            throw new InvalidOpException("op spans more than " + Integer.MAX_VALUE + " code points");
        }
    }
}
