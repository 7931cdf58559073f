// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import Backend from 'sharedb';
import type { Connection, Doc, Presence } from 'sharedb/lib/client';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { ShareDbBinding } from '../src/editor/binding';
import { registerTextType, TEXT_TYPE_URI } from '../src/collab/textType';

registerTextType();

const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 5));
  }
};
const call = (fn: (cb: (e?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((e) => (e ? reject(e) : resolve())));

interface Client { connection: Connection; doc: Doc; presence: Presence; view: EditorView; binding: ShareDbBinding; submitted: unknown[] }
const clients: Client[] = [];

async function open(backend: Backend, name: string, readOnly = false): Promise<Client> {
  const connection = backend.connect();
  const doc = connection.get('project', 'src/main.ts');
  await call((cb) => doc.subscribe(cb));
  const presence = connection.getDocPresence('project', 'src/main.ts');
  await call((cb) => presence.subscribe(cb));
  const submitted: unknown[] = [];
  const submitOp = doc.submitOp.bind(doc);
  doc.submitOp = (op, options, cb) => { submitted.push(op); submitOp(op, options, cb); };
  const binding = new ShareDbBinding(doc, {
    presence, readOnly, presenceId: `${name}-${Math.random()}`,
    ownerOf: (id) => ({ name: id.split('-')[0], color: '#f00' }),
  });
  const view = new EditorView({ parent: document.body, state: EditorState.create({ doc: binding.text, extensions: [binding.extension()] }) });
  const client = { connection, doc, presence, view, binding, submitted };
  clients.push(client);
  return client;
}

async function setUp(initial: string) {
  const backend = new Backend({ presence: true, doNotForwardSendPresenceErrorsToClient: true });
  const creator = backend.connect();
  const doc = creator.get('project', 'src/main.ts');
  await call((cb) => doc.create(initial, TEXT_TYPE_URI, cb));
  return backend;
}

afterEach(() => {
  for (const c of clients.splice(0)) { c.binding.destroy(); c.view.destroy(); c.connection.close(); }
});

describe('ShareDbBinding', () => {
  it('sends a local insert after an emoji as a code point op and the other editor shows it', async () => {
    const backend = await setUp('😀ab');
    const a = await open(backend, 'ada');
    const b = await open(backend, 'bob');
    a.view.dispatch({ changes: { from: 3, insert: 'X' } }); // after "😀a" = UTF-16 offset 3
    expect(a.submitted).toEqual([[2, 'X']]);
    await until(() => b.view.state.doc.toString() === '😀aXb', 'b to see the insert');
    expect(b.doc.data).toBe('😀aXb');
  });

  it('deletes an astral character as one code point', async () => {
    const backend = await setUp('a😀b𝄞c');
    const a = await open(backend, 'ada');
    const b = await open(backend, 'bob');
    a.view.dispatch({ changes: { from: 4, to: 6 } }); // 𝄞
    expect(a.submitted).toEqual([[3, { d: 1 }]]);
    await until(() => b.view.state.doc.toString() === 'a😀bc', 'b to see the delete');
  });

  it('applies remote ops at the right UTF-16 positions and does not echo them', async () => {
    const backend = await setUp('👩‍👩‍👧 x');
    const a = await open(backend, 'ada');
    const b = await open(backend, 'bob');
    await call((cb) => b.doc.submitOp([5, '🚀'], {}, cb)); // after the 5-code-point family
    await until(() => a.view.state.doc.toString() === '👩‍👩‍👧🚀 x', 'a to apply the remote op');
    expect(a.submitted).toEqual([]); // nothing sent back
    expect(a.doc.version).toBe(b.doc.version);
  });

  it('converges when both type at once', async () => {
    const backend = await setUp('😀');
    const a = await open(backend, 'ada');
    const b = await open(backend, 'bob');
    a.view.dispatch({ changes: { from: 2, insert: 'from-a' } });
    b.view.dispatch({ changes: { from: 0, insert: 'from-b🎉' } });
    await until(() => a.view.state.doc.toString() === b.view.state.doc.toString()
      && a.view.state.doc.toString().length === 2 + 6 + 8 && !a.doc.hasWritePending() && !b.doc.hasWritePending(), 'convergence');
    expect(a.view.state.doc.toString()).toBe('from-b🎉😀from-a');
    expect(a.doc.data).toBe(a.view.state.doc.toString());
  });

  it('shows a remote selection at UTF-16 offsets and moves it through later ops', async () => {
    const backend = await setUp('😀😀abc');
    const a = await open(backend, 'ada');
    const b = await open(backend, 'bob');
    b.view.focus();
    b.view.dispatch({ selection: { anchor: 4, head: 6 } }); // "ab" after two emoji
    await until(() => a.binding.remoteCursors().length === 1, 'a to receive b\'s presence');
    await until(() => a.binding.remoteCursors()[0].head === 6, 'presence value');
    expect(a.binding.remoteCursors()[0]).toMatchObject({ anchor: 4, head: 6, owner: { name: 'bob' } });
    await until(() => a.view.dom.querySelector<HTMLElement>('.vf-remote-caret')?.dataset.name === 'bob', 'the name label');
    expect(a.view.contentDOM.textContent).toBe('😀😀abc'); // the label is not text
    // a types an emoji at the start: b's selection moves two UTF-16 units right
    a.view.dispatch({ changes: { from: 0, insert: '🎉' } });
    await until(() => a.binding.remoteCursors()[0]?.anchor === 6, 'the cursor to be transformed');
    expect(a.binding.remoteCursors()[0].head).toBe(8);
  });

  it('keeps a viewer\'s editor read-only and sends nothing', async () => {
    const backend = await setUp('hello');
    const viewer = await open(backend, 'vic', true);
    expect(viewer.view.state.readOnly).toBe(true);
    viewer.view.dispatch({ changes: { from: 0, insert: 'X' } }); // a programmatic change is not submitted
    expect(viewer.submitted).toEqual([]);
  });
});
