// ot-text-unicode counts Unicode code points; CodeMirror (and JavaScript strings) count UTF-16
// code units. Every position that crosses between the two goes through these functions.

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Code points in `text` (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) i++;
    n++;
  }
  return n;
}

/** The code-point position of UTF-16 offset `offset` in `text`; an offset inside a pair is moved before it. */
export function utf16ToCodePoint(text: string, offset: number): number {
  const end = Math.min(offset, text.length);
  let n = 0;
  for (let i = 0; i < end; i++) {
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      if (i + 1 >= end) break; // the offset splits the pair: stay before it
      i++;
    }
    n++;
  }
  return n;
}

/** The UTF-16 offset of code-point position `cp` in `text`, starting the walk at UTF-16 offset `from`. */
export function codePointToUtf16(text: string, cp: number, from = 0): number {
  let i = from;
  for (let n = 0; n < cp && i < text.length; n++) {
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}
