import type { TextOp, TextOpComponent } from 'ot-text-unicode';
import { codePointLength, codePointToUtf16 } from './positions';

/** One replacement in UTF-16 offsets of the text before the change (CodeMirror's `iterChanges`). */
export interface Utf16Change { from: number; to: number; insert: string }

/**
 * Turns editor changes (sorted, non-overlapping, positions in the old text) into one
 * text-unicode op whose skips and deletes count code points.
 */
export function changesToOp(oldText: string, changes: readonly Utf16Change[]): TextOp {
  const op: TextOpComponent[] = [];
  let last = 0;
  const push = (c: TextOpComponent) => {
    const prev = op[op.length - 1];
    if (typeof c === 'number' && typeof prev === 'number') op[op.length - 1] = prev + c;
    else if (typeof c === 'string' && typeof prev === 'string') op[op.length - 1] = prev + c;
    else op.push(c);
  };
  for (const ch of changes) {
    const skip = codePointLength(oldText.slice(last, ch.from));
    if (skip > 0) push(skip);
    const del = codePointLength(oldText.slice(ch.from, ch.to));
    if (ch.insert.length > 0) push(ch.insert);
    if (del > 0) push({ d: del });
    last = ch.to;
  }
  return op;
}

/** Turns a text-unicode op into editor changes in UTF-16 offsets of `text`, the text the op applies to. */
export function opToChanges(text: string, op: TextOp): Utf16Change[] {
  const changes: Utf16Change[] = [];
  let pos = 0;
  for (const c of op) {
    if (typeof c === 'number') {
      pos = advance(text, c, pos);
    } else if (typeof c === 'string') {
      const prev = changes[changes.length - 1];
      if (prev && prev.to === pos) prev.insert += c; // a delete (or insert) just before: one replacement
      else changes.push({ from: pos, to: pos, insert: c });
    } else {
      const n = typeof c.d === 'number' ? c.d : codePointLength(c.d);
      const end = advance(text, n, pos);
      const prev = changes[changes.length - 1];
      if (prev && prev.to === pos) prev.to = end; // an insert just before this delete: one replacement
      else changes.push({ from: pos, to: end, insert: '' });
      pos = end;
    }
  }
  return changes;
}

function advance(text: string, codePoints: number, from: number): number {
  const to = codePointToUtf16(text, codePoints, from);
  if (to === text.length && codePointLength(text.slice(from)) < codePoints) {
    throw new Error('The op is too long for this document');
  }
  return to;
}
