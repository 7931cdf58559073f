import { describe, expect, it } from 'vitest';
import { type as textUnicode } from 'ot-text-unicode';
import { diffChange, diffOp, rebase } from '../src/editor/rebase';
import { describeProblem } from '../src/api/problems';
import { unsendablePath } from '../src/files/paths';

describe('diffChange', () => {
  it('keeps the common start and end', () => {
    expect(diffChange('hello world', 'hello big world')).toEqual({ from: 6, to: 6, insert: 'big ' });
    expect(diffChange('same', 'same')).toBeNull();
  });
  it('never splits a surrogate pair', () => {
    const change = diffChange('a😀b', 'a😃b')!;
    expect(change).toEqual({ from: 1, to: 3, insert: '😃' });
    expect(textUnicode.apply('a😀b', diffOp('a😀b', 'a😃b'))).toBe('a😃b');
  });
});

describe('rebase', () => {
  it('merges what was typed meanwhile with what the document got, both ways to one text', () => {
    const base = 'hello';
    const mine = 'bob:hello';
    const theirs = 'hello ada2';
    const { send, apply } = rebase(base, mine, theirs);
    expect(textUnicode.apply(theirs, send)).toBe('bob:hello ada2');
    expect(textUnicode.apply(mine, apply)).toBe('bob:hello ada2');
  });
  it('sends nothing when nothing was typed and applies nothing when the document caught up', () => {
    expect(rebase('x', 'x', 'x')).toEqual({ send: [], apply: [] });
    expect(rebase('x', 'x', 'xy').send).toEqual([]);
  });
});

describe('file names in sentences', () => {
  it('are never capitalised', () => {
    expect(describeProblem({ code: 'file-exists', detail: 'made-in-terminal.txt exists already.' }, 409)).toBe('made-in-terminal.txt exists already.');
  });
  it("'..' is refused before it could go into a URL", () => {
    expect(unsendablePath('../../etc/passwd')).toBe("A path may not contain '..'.");
    expect(unsendablePath('notes//a/./x.txt')).toBeNull(); // the server judges the rest
  });
});
