package dev.vaporform.files.search;

import java.util.concurrent.CancellationException;

import dev.vaporform.files.InvalidSearch;

/**
 * A file's text that gives up once a deadline passes, or once its thread is interrupted because
 * the search was abandoned. Regular expressions are matched over it, so a pattern that
 * backtracks catastrophically ends with a clear 400 (or silently, when abandoned) instead of
 * holding a thread forever: {@link java.util.regex.Matcher} reads every character through
 * {@link #charAt}, and java.util.regex itself never checks for an interrupt.
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
        if ((++reads & 0xFFFF) == 0) checkTime();
        return text.charAt(index);
    }

    private void checkTime() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("The search was abandoned.");
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new InvalidSearch("The search took too long; make the regular expression more specific.");
        }
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
