// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import Backend from 'sharedb';
import { type as textUnicode, type TextOp } from 'ot-text-unicode';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { ShareDbBinding } from '../src/editor/binding';
import { registerTextType, TEXT_TYPE_URI } from '../src/collab/textType';
import { formatSize, opBudget, splitOp, utf8Length } from '../src/collab/limits';

registerTextType();

const call = (fn: (cb: (e?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((e) => (e ? reject(e) : resolve())));
const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 5));
  }
};

const applyAll = (text: string, ops: TextOp[]) => ops.reduce((t, op) => textUnicode.apply(t, op) as string, text);
const pasted = (lines: number) => Array.from({ length: lines }, (_, i) => `line ${i} "quoted" \\ tab\t😀 ä 𝄞\n`).join('');

describe('splitOp', () => {
  it('leaves an op that fits alone', () => {
    expect(splitOp([3, 'hi', { d: 2 }], 100)).toEqual([[3, 'hi', { d: 2 }]]);
  });

  it('cuts a large insert into ops within the budget that make the same text, never inside a surrogate pair', () => {
    const text = pasted(2000);
    const op: TextOp = [5, text, { d: 3 }, 4, 'tail'];
    const before = 'head-abcdefgh';
    for (const budget of [1000, 1001, 1002, 1003, 4096]) {
      const parts = splitOp(op, budget);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) {
        expect(JSON.stringify(part).length).toBeLessThanOrEqual(budget);
        textUnicode.checkOp(part);
        for (const c of part) {
          if (typeof c !== 'string') continue;
          expect(c.charCodeAt(0) & 0xfc00).not.toBe(0xdc00);
          expect(c.charCodeAt(c.length - 1) & 0xfc00).not.toBe(0xd800);
        }
      }
      expect(applyAll(before, parts)).toBe(textUnicode.apply(before, op));
    }
  });

  it('counts sizes as the server does', () => {
    expect(utf8Length('aä€😀')).toBe(1 + 2 + 3 + 4);
    expect(formatSize(10 * 1024 * 1024)).toBe('10 MB');
    expect(opBudget({ maxMessageSize: 1024 * 1024, maxDocumentSize: 1 })).toBe(256 * 1024);
  });
});

describe('a binding with the server\'s limits', () => {
  async function editors(initial: string, limits: { maxMessageSize: number; maxDocumentSize: number }, backend = new Backend()) {
    const creator = backend.connect();
    await call((cb) => creator.get('project', 'big.txt').create(initial, TEXT_TYPE_URI, cb));
    const open = async () => {
      const connection = backend.connect();
      const doc = connection.get('project', 'big.txt');
      await call((cb) => doc.subscribe(cb));
      const frames: number[] = [];
      const sending = connection as unknown as { send: (m: unknown) => void };
      const send = sending.send.bind(connection);
      sending.send = (m: unknown) => { frames.push(JSON.stringify(m).length); send(m); };
      const refusals: string[] = [];
      let unsaved = 0;
      const binding = new ShareDbBinding(doc, {
        limits: () => limits, onRefused: (s) => refusals.push(s),
        trackEdit: () => { unsaved++; return () => { unsaved--; }; },
      });
      const view = new EditorView({ parent: document.body, state: EditorState.create({ doc: binding.text, extensions: [binding.extension()] }) });
      return { doc, view, frames, refusals, unsaved: () => unsaved };
    };
    return [await open(), await open()] as const;
  }

  it('sends a large paste in frames under the limit, in order, and the other editor gets all of it', async () => {
    const [a, b] = await editors('start\n', { maxMessageSize: 20_000, maxDocumentSize: 10 * 1024 * 1024 });
    const text = pasted(3000);
    a.view.dispatch({ changes: { from: 6, insert: text }, userEvent: 'input.paste' });
    expect(a.unsaved()).toBe(1);
    await until(() => b.view.state.doc.length === 6 + text.length && !a.doc.hasWritePending(), 'the paste to arrive');
    expect(b.view.state.doc.toString()).toBe('start\n' + text);
    expect(a.frames.filter((f) => f > 1000).length).toBeGreaterThan(10);
    expect(Math.max(...a.frames)).toBeLessThanOrEqual(20_000);
    expect(a.unsaved()).toBe(0);
    expect(a.refusals).toEqual([]);
  });

  it('refuses a change that would make the text larger than a file may be, with a sentence, and sends nothing', async () => {
    const [a] = await editors('keep me\n', { maxMessageSize: 1024 * 1024, maxDocumentSize: 1000 });
    const sent = a.frames.length;
    a.view.dispatch({ changes: { from: 8, insert: 'x'.repeat(2000) }, userEvent: 'input.paste' });
    expect(a.view.state.doc.toString()).toBe('keep me\n');
    expect(a.refusals).toEqual(['The paste was not made: big.txt would be larger than 1000 bytes, the most a file may hold.']);
    expect(a.frames.length).toBe(sent);
    a.view.dispatch({ changes: { from: 8, insert: 'small' } }); // a change within the limit still goes
    await until(() => a.doc.data === 'keep me\nsmall' && !a.doc.hasWritePending(), 'the small change');
  });

  it('undoes the whole of a split edit when the server refuses one of its ops, says so once and sends no more of it', async () => {
    const backend = new Backend();
    let submits = 0;
    backend.use('submit', (_context, next) => {
      submits++;
      next(submits === 3 ? { code: 'ERR_DOC_TOO_LARGE', message: 'The document would be too large.' } : undefined);
    });
    const [a, b] = await editors('start\n', { maxMessageSize: 20_000, maxDocumentSize: 10 * 1024 * 1024 }, backend);
    const text = pasted(3000);
    a.view.dispatch({ changes: { from: 6, insert: text }, userEvent: 'input.paste' });
    await until(() => a.refusals.length > 0 && !a.doc.hasWritePending() && a.view.state.doc.toString() === b.view.state.doc.toString(), 'the rollback');
    const sentAfter = a.frames.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(a.frames.length).toBe(sentAfter);
    expect(a.refusals).toEqual(['Your change to big.txt was not saved: a file may hold at most 10 MB. The editor shows the saved text again.']);
    expect(a.view.state.doc.toString()).toBe(a.doc.data);
    expect(a.unsaved()).toBe(0);
    expect(submits).toBe(3);
  });
});
