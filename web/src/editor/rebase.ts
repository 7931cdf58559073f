import { type as textUnicode, type TextOp } from 'ot-text-unicode';
import { changesToOp, type Utf16Change } from './textOps';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The one replacement that turns `a` into `b` (their common start and end kept; a surrogate pair is never split). */
export function diffChange(a: string, b: string): Utf16Change | null {
  if (a === b) return null;
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start > 0 && isHigh(a.charCodeAt(start - 1))) start--;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) { endA--; endB--; }
  if (endA < a.length && isLow(a.charCodeAt(endA))) { endA++; endB++; }
  return { from: start, to: endA, insert: b.slice(start, endB) };
}

/** The text-unicode op (code points) that turns `a` into `b`. */
export function diffOp(a: string, b: string): TextOp {
  const change = diffChange(a, b);
  return change ? changesToOp(a, [change]) : [];
}

/**
 * Two texts that both grew out of `base`: `mine` (typed here) and `theirs` (the document's).
 * Returns `send`, my edits as an op on `theirs`, and `apply`, their edits as an op on `mine`;
 * both lead to the same text.
 */
export function rebase(base: string, mine: string, theirs: string): { send: TextOp; apply: TextOp } {
  const m = diffOp(base, mine);
  const t = diffOp(base, theirs);
  return { send: textUnicode.transform(m, t, 'left'), apply: textUnicode.transform(t, m, 'right') };
}
