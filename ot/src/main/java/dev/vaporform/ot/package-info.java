/**
 * The {@code text-unicode} operational-transform type, wire-compatible with npm
 * {@code ot-text-unicode@4.0.0} (the type ShareDB clients use), plus a rope {@link dev.vaporform.ot.Document}
 * whose edits cost O(log n) in the document size.
 *
 * <p>Entry points: {@link dev.vaporform.ot.Op#fromJson(String)} parses and strictly checks an op,
 * {@link dev.vaporform.ot.TextUnicode} holds the type's functions (transform, compose, cursors, inversion),
 * and {@link dev.vaporform.ot.Document#apply(Op)} edits a document. Every position and length counts
 * Unicode code points, never UTF-16 units. All types here are immutable and thread-safe.
 */
package dev.vaporform.ot;
