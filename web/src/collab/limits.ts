import { type as textUnicode, type TextOp, type TextOpComponent } from 'ot-text-unicode';

/** What the server accepts on /ws/collab, as its handshake announces it (these defaults until then). */
export interface CollabLimits {
  /** Largest frame, in UTF-16 units of its JSON (the server closes 1009 beyond). */
  maxMessageSize: number;
  /** Largest document, in bytes of UTF-8: the text is written back to a file (max-file-size). */
  maxDocumentSize: number;
}

export const DEFAULT_LIMITS: CollabLimits = { maxMessageSize: 1024 * 1024, maxDocumentSize: 10 * 1024 * 1024 };

/** Most UTF-16 units of JSON one op may take: room is left for the rest of the frame (path, versions). */
export function opBudget(limits: CollabLimits): number {
  return Math.max(1024, Math.min(256 * 1024, limits.maxMessageSize - 16 * 1024));
}

/** Bytes of `text` in UTF-8 (a lone surrogate counts 3, as its replacement character would). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** "10 MB", "512 KB": sizes as the settings name them (1 MB = 1024 KB). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** UTF-16 units JSON.stringify makes of the unit at `i` (a surrogate pair: both units, counted at the first). */
function jsonUnits(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22 || c === 0x5c) return 2;
  if (c < 0x20) return c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
  if ((c & 0xfc00) === 0xd800) return i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 6;
  if ((c & 0xfc00) === 0xdc00) return i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? 0 : 6;
  return 1;
}

/** The end of the longest piece of `text` from `start` whose JSON takes at most `room` units; never inside a surrogate pair. */
function cut(text: string, start: number, room: number): number {
  let used = 0;
  let i = start;
  while (i < text.length) {
    const pair = (text.charCodeAt(i) & 0xfc00) === 0xd800 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const units = pair ? 2 : jsonUnits(text, i);
    if (used + units > room) break;
    used += units;
    i += pair ? 2 : 1;
  }
  return i;
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if ((text.charCodeAt(i) & 0xfc00) !== 0xdc00 || i === 0 || (text.charCodeAt(i - 1) & 0xfc00) !== 0xd800) n++;
  return n;
}

/**
 * Splits an op whose JSON is longer than `budget` into consecutive ops, each within it, that
 * applied one after the other make the same change: an insert is cut into pieces (between code
 * points, never inside a surrogate pair) and each op after the first starts with a skip to
 * where the previous one stopped, in the text as the previous ops left it. The server composes
 * them back into the same document; other clients see the text arrive in a few steps.
 */
export function splitOp(op: TextOp, budget: number): TextOp[] {
  if (JSON.stringify(op).length <= budget) return [op];
  const ops: TextOp[] = [];
  let current: TextOpComponent[] = [];
  let size = 2;
  let pos = 0; // code points before the cursor, in the text as the ops so far leave it
  const finish = () => {
    const normal = textUnicode.normalize(current);
    if (normal.some((c) => typeof c !== 'number')) ops.push(normal);
    current = pos > 0 ? [pos] : [];
    size = 2 + (pos > 0 ? String(pos).length + 1 : 0);
  };
  for (const c of op) {
    if (typeof c !== 'string') {
      const units = JSON.stringify(c).length + 1;
      if (size + units > budget) finish();
      current.push(c);
      size += units;
      if (typeof c === 'number') pos += c;
      continue;
    }
    let i = 0;
    while (i < c.length) {
      let j = cut(c, i, budget - size - 3);
      if (j === i && current.some((x) => typeof x !== 'number')) { finish(); continue; }
      if (j === i) j = i + ((c.charCodeAt(i) & 0xfc00) === 0xd800 && (c.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1); // a tiny budget: one code point
      const piece = c.slice(i, j);
      current.push(piece);
      size += JSON.stringify(piece).length + 1;
      pos += codePoints(piece);
      i = j;
      if (i < c.length) finish();
    }
  }
  finish();
  return ops;
}
