import { type as textUnicode, type TextOp } from 'ot-text-unicode';
import ShareDB from 'sharedb/lib/client';

export type Selection = number | [number, number];

/**
 * ot-text-unicode has no transformPresence; the server transforms presence ([anchor, head] in
 * code points) with transformSelection, so the client does the same for ops it applies.
 */
export const textType = {
  ...textUnicode,
  transformPresence(presence: Selection | null, op: TextOp): Selection | null {
    return presence == null ? null : textUnicode.transformSelection(presence, op);
  },
};

let registered = false;

/** Registers the text type with the sharedb client once. */
export function registerTextType(): void {
  if (registered) return;
  ShareDB.types.register(textType);
  registered = true;
}

export const TEXT_TYPE_URI = textUnicode.uri;
