import { describe, expect, it } from 'vitest';
import { type as textUnicode } from 'ot-text-unicode';
import { codePointLength, codePointToUtf16, utf16ToCodePoint } from '../src/editor/positions';
import { changesToOp, opToChanges } from '../src/editor/textOps';

describe('positions', () => {
  it('counts astral characters as one code point', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('🇧🇪')).toBe(2);
    expect(codePointLength('👩‍👩‍👧')).toBe(5);
  });
  it('converts both ways around surrogate pairs', () => {
    const text = 'x😀y𝄞z';
    expect(utf16ToCodePoint(text, 3)).toBe(2);
    expect(codePointToUtf16(text, 2)).toBe(3);
    expect(codePointToUtf16(text, 4)).toBe(6);
    expect(utf16ToCodePoint(text, 2)).toBe(1); // inside the pair: before it
  });
});

describe('changesToOp', () => {
  it('counts skips and deletes in code points', () => {
    const old = '😀ab😀c';
    // insert "X" after "😀a" (UTF-16 3), delete the second 😀 (UTF-16 4..6)
    const op = changesToOp(old, [{ from: 3, to: 3, insert: 'X' }, { from: 4, to: 6, insert: '' }]);
    expect(op).toEqual([2, 'X', 1, { d: 1 }]);
    expect(textUnicode.apply(old, op)).toBe('😀aXbc');
  });
  it('inserts astral text as one string', () => {
    expect(changesToOp('ab', [{ from: 1, to: 1, insert: '🚀' }])).toEqual([1, '🚀']);
  });
  it('replaces a selection', () => {
    const op = changesToOp('h😀llo', [{ from: 1, to: 3, insert: 'e' }]);
    expect(textUnicode.apply('h😀llo', op)).toBe('hello');
  });
});

describe('opToChanges', () => {
  it('maps code point skips to UTF-16 offsets', () => {
    expect(opToChanges('😀😀a', [2, 'X'])).toEqual([{ from: 4, to: 4, insert: 'X' }]);
  });
  it('maps deletes of astral characters to two units each', () => {
    expect(opToChanges('a😀😀b', [1, { d: 2 }])).toEqual([{ from: 1, to: 5, insert: '' }]);
    expect(opToChanges('a😀😀b', [1, { d: '😀😀' }])).toEqual([{ from: 1, to: 5, insert: '' }]);
  });
  it('merges an insert with the delete beside it', () => {
    expect(opToChanges('abc', [1, 'X', { d: 1 }])).toEqual([{ from: 1, to: 2, insert: 'X' }]);
  });
  it('refuses an op longer than the text', () => {
    expect(() => opToChanges('ab', [5, 'x'])).toThrow();
  });
  it('agrees with ot-text-unicode on random ops over astral text', () => {
    const alphabet = ['a', 'b', '😀', '🇧', '𝄞', 'é'];
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = rnd(12); i > 0; i--) text += alphabet[rnd(alphabet.length)];
      const len = codePointLength(text);
      const pos = rnd(len + 1);
      const del = rnd(len - pos + 1);
      const ins = rnd(2) ? alphabet[rnd(alphabet.length)] : '';
      const op = textUnicode.normalize([pos, ins, { d: del }]);
      let expected: string = textUnicode.apply(text, op);
      let applied = text;
      for (const c of [...opToChanges(text, op)].reverse()) applied = applied.slice(0, c.from) + c.insert + applied.slice(c.to);
      expect(applied).toBe(expected);
      // and back: the editor's change as an op applies to the same result
      const back = changesToOp(text, opToChanges(text, op));
      expected = textUnicode.apply(text, back);
      expect(expected).toBe(applied);
    }
  });
});
