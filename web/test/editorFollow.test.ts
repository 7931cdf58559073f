// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import Backend from 'sharedb';
import type { Connection } from 'sharedb/lib/client';
import { EditorPane } from '../src/editor/editorPane';
import type { ProjectSession } from '../src/collab/project-session';
import { registerTextType, TEXT_TYPE_URI } from '../src/collab/textType';
import { DEFAULT_LIMITS } from '../src/collab/limits';

registerTextType();

const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 5));
  }
};
const call = (fn: (cb: (e?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((e) => (e ? reject(e) : resolve())));

function pane(connection: Connection): EditorPane {
  // the parts of a session the pane uses: its documents, the server's limits, and the unsaved-edit count
  const session = {
    connection, projectId: 'p', doc: (path: string) => connection.get('p', path),
    limits: DEFAULT_LIMITS, beginEdit: () => () => {},
  } as unknown as ProjectSession;
  const editor = new EditorPane({ session, readOnly: false, userId: 'u1', nameOf: () => 'Ada', onActiveChange: () => {} });
  document.body.append(editor.el);
  return editor;
}

describe('EditorPane', () => {
  it('follows a moved file: keeps what was typed meanwhile, waits for the new document, and sends only the new edits', async () => {
    const backend = new Backend({ presence: true, doNotForwardSendPresenceErrorsToClient: true });
    const server = backend.connect();
    await call((cb) => server.get('p', 'notes.txt').create('hello', TEXT_TYPE_URI, cb));
    await call((cb) => server.get('p', 'notes.txt').subscribe(cb));
    const editor = pane(backend.connect());
    const file = (await editor.open('notes.txt'))!;
    file.view.dispatch({ changes: { from: 5, insert: ' ada1' } });
    await until(() => server.get('p', 'notes.txt').data === 'hello ada1', 'the edit reaches the old document');
    // the file moved: its new document starts without the last edit, which arrives a moment later (the server's write-back)
    const moved = server.get('p', 'docs/notes.txt');
    await call((cb) => moved.create('hello', TEXT_TYPE_URI, cb));
    await call((cb) => moved.subscribe(cb));

    editor.follow('notes.txt', 'docs/notes.txt', 'Ada');
    expect(editor.isOpen('docs/notes.txt')).toBe(true);
    expect(file.tab.dataset.path).toBe('docs/notes.txt');
    await new Promise((r) => setTimeout(r, 30)); // the old document let go; the new one is not caught up yet
    file.view.dispatch({ changes: { from: 0, insert: 'bob:' } }); // typed while it reattaches
    await new Promise((r) => setTimeout(r, 50));
    await call((cb) => moved.submitOp([5, ' ada1'], {}, cb));

    await until(() => moved.data === 'bob:hello ada1', 'the edit typed meanwhile reaches the new document');
    expect(file.view.state.doc.toString()).toBe('bob:hello ada1');
    file.view.dispatch({ changes: { from: file.view.state.doc.length, insert: '!' } });
    await until(() => moved.data === 'bob:hello ada1!', 'later typing reaches the new document');
    await call((cb) => moved.submitOp([0, '>'], {}, cb));
    await until(() => file.view.state.doc.toString() === '>bob:hello ada1!', 'remote edits reach the view');
  }, 15_000);

  it('keeps a deleted file read-only with a note', async () => {
    const backend = new Backend({ presence: true });
    const server = backend.connect();
    await call((cb) => server.get('p', 'gone.txt').create('keep me', TEXT_TYPE_URI, cb));
    const editor = pane(backend.connect());
    const file = (await editor.open('gone.txt'))!;
    editor.markDeleted('gone.txt', 'Ada');
    expect(file.tab.textContent).toContain('deleted by Ada');
    expect(file.view.state.readOnly).toBe(true);
    expect(file.view.state.doc.toString()).toBe('keep me');
    expect(editor.isOpen('gone.txt')).toBe(false);
  });
});
