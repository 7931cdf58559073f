package dev.vaporform.ot;

/**
 * One step of an {@link Op}: {@link Skip} over, {@link Insert} or {@link Delete} code points at the cursor.
 * Each component is valid on its own (non-empty, positive, no lone surrogates); the rules between
 * components (no adjacent or trailing skip) belong to {@link Op}.
 */
public sealed interface Component permits Skip, Insert, Delete {

    /** Code points this component consumes from the document before the op (skip and delete). */
    int preLength();

    /** Code points this component leaves in the document after the op (skip and insert). */
    int postLength();
}
