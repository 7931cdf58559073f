package dev.vaporform.ot;

/**
 * Thrown when an op, a component, a document or a position breaks the type's rules, or when an op does not
 * fit the document it is applied to. The message says what is wrong in terms a client developer can act on.
 */
public final class InvalidOpException extends IllegalArgumentException {

    /** Creates the exception with a message describing the violated rule. */
    public InvalidOpException(String message) {
        super(message);
    }

    /** Returns a copy whose message is prefixed with where the problem is, e.g. {@code "component 2: "}. */
    InvalidOpException at(String where) {
        return new InvalidOpException(where + ": " + getMessage());
    }
}
