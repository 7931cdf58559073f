package dev.vaporform.files.search;

import java.util.concurrent.CancellationException;

import dev.vaporform.files.InvalidSearch;

/**
 * A line's text that gives up once a deadline passes, or once its thread is interrupted because
 * the search was abandoned. Regular expressions are matched over it: linear in the text as
 * RE2/J is, a long line under a large pattern still takes a while, and RE2/J reads every
 * character through {@link #charAt} and never checks for an interrupt itself, so such a search
 * ends with a clear 400 (or silently, when abandoned) at its time budget.
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
        if ((++reads & 0xFFFF) == 0) checkTime(deadlineNanos);
        return text.charAt(index);
    }

    /**
     * @throws CancellationException when the search was abandoned (its thread interrupted)
     * @throws InvalidSearch         when {@code deadlineNanos} has passed
     */
    static void checkTime(long deadlineNanos) {
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
