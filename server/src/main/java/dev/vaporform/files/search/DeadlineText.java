package dev.vaporform.files.search;

import dev.vaporform.files.InvalidSearch;

/**
 * A file's text that gives up once a deadline passes. Regular expressions are matched over it,
 * so a pattern that backtracks catastrophically ends with a clear 400 instead of holding a
 * thread forever: {@link java.util.regex.Matcher} reads every character through {@link #charAt}.
 */
final class DeadlineText implements CharSequence {

    private final String text;
    private final long deadlineNanos;
    private int reads;

    DeadlineText(String text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFFF) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new InvalidSearch("The search took too long; make the regular expression more specific.");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
