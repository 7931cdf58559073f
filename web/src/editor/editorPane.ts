import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Doc, Presence } from 'sharedb/lib/client';
import type { ProjectSession } from '../collab/project-session';
import { h, clear, colorFor } from '../ui/dom';
import { notify } from '../ui/notify';
import { ShareDbBinding } from './binding';
import { editorExtensions, languageFor } from './setup';
import { codePointToUtf16, utf16ToCodePoint } from './positions';

export interface OpenFile {
  path: string;
  doc: Doc;
  presence: Presence;
  binding: ShareDbBinding;
  view: EditorView;
  tab: HTMLElement;
  host: HTMLElement;
}

export interface EditorContext {
  session: ProjectSession;
  readOnly: boolean;
  userId: string;
  nameOf: (userId: string) => string;
  onActiveChange: (path: string | null) => void;
}

/** Tabs of open files, each a CodeMirror view bound to its live document. */
export class EditorPane {
  readonly el: HTMLElement;
  private readonly tabBar: HTMLElement;
  private readonly body: HTMLElement;
  private readonly files = new Map<string, OpenFile>();
  private readonly opening = new Map<string, Promise<OpenFile | null>>();
  private activePath: string | null = null;

  constructor(private readonly ctx: EditorContext) {
    this.tabBar = h('div', { class: 'tabs editor-tabs', role: 'tablist', 'aria-label': 'Open files' });
    this.body = h('div', { class: 'editor-body' });
    this.el = h('section', { class: 'editor-pane', 'aria-label': 'Editor' }, this.tabBar, this.body);
    this.showEmpty();
  }

  private showEmpty() {
    clear(this.body);
    this.body.append(h('div', { class: 'empty-editor' },
      h('p', {}, 'Open a file from the tree, or press Ctrl+K for commands.')));
  }

  get active(): OpenFile | null { return this.activePath ? this.files.get(this.activePath) ?? null : null; }
  get openPaths(): string[] { return [...this.files.keys()]; }
  isOpen(path: string): boolean { return this.files.has(path); }

  /** Opens (or focuses) a file; `line` (1-based) scrolls to it. */
  async open(path: string, line?: number): Promise<OpenFile | null> {
    let file: OpenFile | null | undefined = this.files.get(path);
    if (!file) {
      let pending = this.opening.get(path);
      if (!pending) {
        pending = this.load(path).finally(() => this.opening.delete(path));
        this.opening.set(path, pending);
      }
      file = await pending;
    }
    if (!file) return null;
    this.activate(path);
    if (line) {
      const l = file.view.state.doc.line(Math.min(Math.max(1, line), file.view.state.doc.lines));
      file.view.dispatch({ selection: { anchor: l.from }, scrollIntoView: true });
    }
    file.view.focus();
    return file;
  }

  private async load(path: string): Promise<OpenFile | null> {
    const { session } = this.ctx;
    const doc = session.doc(path);
    try {
      await new Promise<void>((resolve, reject) => doc.subscribe((e) => (e ? reject(new Error(e.message)) : resolve())));
    } catch (e) {
      notify(`Could not open ${path}: ${(e as Error).message}`, 'error');
      return null;
    }
    if (doc.type == null || typeof doc.data !== 'string') {
      notify(`${path} cannot be edited here (it is gone or not text).`, 'error');
      doc.unsubscribe();
      return null;
    }
    // An unheard 'error' event would throw; say it in words (sharedb then reloads the document).
    doc.on('error', (e) => notify(`A change to ${path} was not accepted: ${e.message}. The file was reloaded.`, 'error'));
    const presence = session.connection.getDocPresence(session.projectId, path);
    presence.on('error', () => { /* a cursor that could not be placed: the next one will be */ });
    presence.subscribe(() => {});
    const binding = new ShareDbBinding(doc, {
      readOnly: this.ctx.readOnly,
      presence,
      // The server accepts only presence ids that start with the sender's own user id, so the
      // user a cursor is labelled with is its sender; the name comes from the members and roster.
      presenceId: `${this.ctx.userId}.${Math.random().toString(36).slice(2, 10)}`,
      ownerOf: (id) => {
        const userId = id.split('.')[0];
        return { name: this.ctx.nameOf(userId), color: colorFor(userId) };
      },
      onResync: () => notify(`${path} was reloaded from the server.`),
      limits: () => session.limits,
      onRefused: (sentence) => notify(sentence, 'error'),
      trackEdit: () => session.beginEdit(),
    });
    const language = new Compartment();
    const host = h('div', { class: 'editor-host', 'data-path': path });
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: binding.text,
        extensions: [editorExtensions(language), binding.extension(), EditorView.editable.of(true),
          EditorView.contentAttributes.of({ 'aria-label': `Contents of ${path}` })],
      }),
    });
    void languageFor(path).then((lang) => { if (lang) view.dispatch({ effects: language.reconfigure(lang) }); });
    const name = path.split('/').pop() ?? path;
    const tab = h('div', { class: 'tab', role: 'tab', title: path, 'data-path': path },
      h('button', { class: 'tab-name', type: 'button', onclick: () => this.activate(path) }, name),
      h('button', { class: 'tab-close', type: 'button', 'aria-label': `Close ${name}`, onclick: () => this.close(path) }, '×'));
    this.tabBar.append(tab);
    const file: OpenFile = { path, doc, presence, binding, view, tab, host };
    this.files.set(path, file);
    return file;
  }

  activate(path: string): void {
    const file = this.files.get(path);
    if (!file) return;
    this.activePath = path;
    for (const f of this.files.values()) f.tab.classList.toggle('active', f === file);
    for (const f of this.files.values()) f.tab.setAttribute('aria-selected', String(f === file));
    clear(this.body);
    this.body.append(file.host);
    file.view.requestMeasure();
    this.ctx.onActiveChange(path);
  }

  close(path: string): void {
    const file = this.files.get(path);
    if (!file) return;
    file.binding.destroy();
    file.view.destroy();
    file.tab.remove();
    file.presence.unsubscribe?.();
    file.doc.destroy();
    this.files.delete(path);
    if (this.activePath === path) {
      this.activePath = null;
      const next = [...this.files.keys()].pop();
      if (next) this.activate(next);
      else { this.showEmpty(); this.ctx.onActiveChange(null); }
    }
  }

  /** A file moved or was deleted elsewhere: close its tab (its document went with it). */
  forget(path: string): void {
    for (const p of [...this.files.keys()]) if (p === path || p.startsWith(path + '/')) this.close(p);
  }

  /** The current selection of the active file, in code points of its text. */
  selection(): { path: string; from: number; to: number; text: string } | null {
    const file = this.active;
    if (!file) return null;
    const text = file.view.state.doc.toString();
    const { from, to } = file.view.state.selection.main;
    return { path: file.path, from: utf16ToCodePoint(text, from), to: utf16ToCodePoint(text, to), text: text.slice(from, to) };
  }

  /** Text of an open file, or null when it is not open. */
  textOf(path: string): string | null {
    return this.files.get(path)?.view.state.doc.toString() ?? null;
  }

  /**
   * Applies a search/replace edit through the live document (so every collaborator sees it);
   * false when the file is not open or the search text is not found.
   */
  applyEdit(path: string, search: string, replace: string): boolean {
    const file = this.files.get(path);
    if (!file || this.ctx.readOnly) return false;
    const text = file.view.state.doc.toString();
    const at = search === '' ? text.length : text.indexOf(search);
    if (at < 0) return false;
    file.view.dispatch({ changes: { from: at, to: at + search.length, insert: replace }, userEvent: 'input.ai' });
    return true;
  }

  /** Replaces an open file's whole text through the live document (history restore). */
  replaceText(path: string, text: string): boolean {
    const file = this.files.get(path);
    if (!file || this.ctx.readOnly) return false;
    file.view.dispatch({ changes: { from: 0, to: file.view.state.doc.length, insert: text }, userEvent: 'input.restore' });
    return true;
  }

  /** Moves the cursor of the active editor to a code-point position. */
  reveal(cp: number): void {
    const file = this.active;
    if (!file) return;
    const pos = codePointToUtf16(file.view.state.doc.toString(), cp);
    file.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  }

  destroy(): void {
    for (const p of [...this.files.keys()]) this.close(p);
  }
}
