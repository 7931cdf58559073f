import { Compartment, EditorState, Transaction, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Doc, Presence } from 'sharedb/lib/client';
import type { ProjectSession } from '../collab/project-session';
import { h, clear, colorFor } from '../ui/dom';
import { notify } from '../ui/notify';
import { ShareDbBinding, remoteChange } from './binding';
import { rebase } from './rebase';
import { editorExtensions, languageFor } from './setup';
import { codePointToUtf16, utf16ToCodePoint } from './positions';
import { opToChanges } from './textOps';

export interface OpenFile {
  /** Where the file is now; a deleted file keeps the path it had. */
  path: string;
  /** The key of its tab: the path, or for a deleted file one that no path can be. */
  key: string;
  doc: Doc;
  presence: Presence;
  binding: ShareDbBinding;
  view: EditorView;
  tab: HTMLElement;
  host: HTMLElement;
  /** The binding's extensions, swapped when the file follows a move or is deleted. */
  slot: Compartment;
  language: Compartment;
  deleted: boolean;
  /** A reattachment to the document at `path` is under way. */
  following: boolean;
  /** `doc`, `presence` and `binding` are live (not yet detached). */
  attached: boolean;
}

// How long a moved file waits for its new document to show what was typed before the move.
const CATCH_UP_MS = 3000;
let deletedTabs = 0;

export interface EditorContext {
  session: ProjectSession;
  readOnly: boolean;
  userId: string;
  nameOf: (userId: string) => string;
  onActiveChange: (path: string | null) => void;
  /** Offers to save a deleted file's kept text as a new file. */
  saveAs?: (path: string, text: string) => void;
  /** The open tabs changed: which files, in order, and which is in front (kept for a reload). */
  tabsChanged?: (tabs: OpenTabs) => void;
}

/** The files open in tabs, in tab order, and the one in front. */
export interface OpenTabs { paths: string[]; active: string | null }

/** Tabs of open files, each a CodeMirror view bound to its live document. */
export class EditorPane {
  readonly el: HTMLElement;
  private readonly tabBar: HTMLElement;
  private readonly body: HTMLElement;
  private readonly files = new Map<string, OpenFile>();
  private readonly opening = new Map<string, Promise<OpenFile | null>>();
  private activePath: string | null = null;
  private restoring = false;

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

  /**
   * Reopens the tabs of an earlier visit, without taking the keyboard; files that are gone or
   * no longer text are left out without a word (they were not asked for now).
   */
  async restore(tabs: OpenTabs): Promise<void> {
    this.restoring = true; // a reload halfway through must still find all of them
    try {
      await this.reopen(tabs);
    } finally {
      this.restoring = false;
    }
    this.tabsChanged();
  }

  private async reopen(tabs: OpenTabs): Promise<void> {
    for (const path of tabs.paths) {
      if (this.files.has(path)) continue;
      let pending = this.opening.get(path);
      if (!pending) {
        pending = this.load(path, true).finally(() => this.opening.delete(path));
        this.opening.set(path, pending);
      }
      await pending;
    }
    const front = tabs.active && this.files.has(tabs.active) ? tabs.active : null;
    if (front && !this.activePath) this.activate(front);
    else if (!this.activePath) { const last = [...this.files.keys()].pop(); if (last) this.activate(last); }
  }

  /** Tells the context which tabs are open now (deleted files' tabs are not worth reopening). */
  private tabsChanged(): void {
    if (this.restoring) return;
    const paths = [...this.files.values()].filter((f) => !f.deleted).map((f) => f.path);
    const active = this.active && !this.active.deleted ? this.active.path : null;
    this.ctx.tabsChanged?.({ paths, active });
  }

  /** The live document at `path`, subscribed; null (and said why) when it is gone or not text. */
  private async subscribe(path: string, quiet = false): Promise<Doc | null> {
    const doc = this.ctx.session.doc(path);
    try {
      await new Promise<void>((resolve, reject) => doc.subscribe((e) => (e ? reject(new Error(e.message)) : resolve())));
    } catch (e) {
      if (!quiet) notify(`Could not open ${path}: ${(e as Error).message}`, 'error');
      doc.destroy();
      return null;
    }
    if (doc.type == null || typeof doc.data !== 'string') {
      if (!quiet) notify(`${path} cannot be edited here (it is gone or not text).`, 'error');
      doc.destroy();
      return null;
    }
    // An unheard 'error' event would throw; say it in words (sharedb then reloads the document).
    doc.on('error', (e) => notify(`A change to ${path} was not accepted: ${e.message}. The file was reloaded.`, 'error'));
    return doc;
  }

  /** Presence and binding for a subscribed document. */
  private attach(path: string, doc: Doc): { presence: Presence; binding: ShareDbBinding } {
    const { session } = this.ctx;
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
    return { presence, binding };
  }

  /** What the binding's slot holds besides the binding: the label, and read-only when nothing may be typed. */
  private static slotted(path: string, readOnly: boolean, binding?: ShareDbBinding): Extension {
    return [binding ? binding.extension() : EditorState.readOnly.of(readOnly),
      EditorView.contentAttributes.of({ 'aria-label': `Contents of ${path}` })];
  }

  private async load(path: string, quiet = false): Promise<OpenFile | null> {
    const doc = await this.subscribe(path, quiet);
    if (!doc) return null;
    const { presence, binding } = this.attach(path, doc);
    const language = new Compartment();
    const slot = new Compartment();
    const host = h('div', { class: 'editor-host', 'data-path': path });
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: binding.text,
        extensions: [editorExtensions(language), slot.of(EditorPane.slotted(path, false, binding)), EditorView.editable.of(true)],
      }),
    });
    const tab = h('div', { class: 'tab', role: 'tab' });
    const file: OpenFile = { path, key: path, doc, presence, binding, view, tab, host, slot, language, deleted: false, following: false, attached: true };
    tab.append(
      h('button', { class: 'tab-name', type: 'button', onclick: () => this.activate(file.key) }),
      h('button', { class: 'tab-close', type: 'button', onclick: () => this.close(file.key) }, '×'));
    this.label(file);
    this.tabBar.append(tab);
    this.files.set(path, file);
    this.tabsChanged();
    return file;
  }

  /** Names the tab, the host and the language after the file's path. */
  private label(file: OpenFile): void {
    const name = file.path.split('/').pop() ?? file.path;
    file.tab.title = file.path;
    file.tab.dataset.path = file.path;
    file.host.dataset.path = file.path;
    (file.tab.querySelector('.tab-name') as HTMLElement).textContent = name;
    file.tab.querySelector('.tab-close')?.setAttribute('aria-label', `Close ${name}`);
    void languageFor(file.path).then((lang) => { if (lang) file.view.dispatch({ effects: file.language.reconfigure(lang) }); });
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
    this.tabsChanged();
  }

  close(path: string): void {
    const file = this.files.get(path);
    if (!file) return;
    this.detach(file);
    file.view.destroy();
    file.tab.remove();
    this.files.delete(path);
    if (this.activePath === path) {
      this.activePath = null;
      const next = [...this.files.keys()].pop();
      if (next) this.activate(next);
      else { this.showEmpty(); this.ctx.onActiveChange(null); }
    }
    this.tabsChanged();
  }

  /** Stops listening to the file's document (what is typed after this stays in the view). */
  private detach(file: OpenFile): void {
    if (!file.attached) return;
    file.attached = false;
    file.binding.destroy();
    try { file.presence.unsubscribe?.(); file.presence.destroy?.(); } catch { /* the connection may be gone */ }
    file.doc.destroy();
  }

  /** The open files at `path` or below it (a folder), with their keys. */
  private under(path: string): OpenFile[] {
    return [...this.files.values()].filter((f) => !f.deleted && (f.path === path || f.path.startsWith(path + '/')));
  }

  /**
   * `from` (a file or a folder) moved to `to`: every tab under it follows, keeping its view
   * (text, cursor, scroll, undo) and what was typed, and reattaches to the document at the new
   * path. `by` names who moved it, for a notice; null for one's own moves.
   */
  follow(from: string, to: string, by: string | null = null): void {
    for (const file of this.under(from)) {
      const target = to + file.path.slice(from.length);
      const other = this.files.get(target);
      if (other && other !== file) this.close(target); // a stale tab of whatever was there before
      const wasActive = this.activePath === file.key;
      this.files.delete(file.key);
      if (by) notify(`${by} moved ${file.path} to ${target}.`);
      file.path = file.key = target;
      this.files.set(target, file);
      this.label(file);
      if (wasActive) { this.activePath = target; this.ctx.onActiveChange(target); }
      void this.reattach(file);
    }
    this.tabsChanged();
  }

  /**
   * Moves the view from its old document to the one at its (newest) path: once the old one has
   * acknowledged every edit (the server writes those to the new path), it subscribes there, waits
   * a moment for the new document to show them, then rebases whatever was typed in between onto
   * it, so nothing is lost and nothing is doubled.
   */
  private async reattach(file: OpenFile): Promise<void> {
    if (file.following) return;
    file.following = true;
    try {
      const current = () => !file.deleted && this.files.get(file.key) === file;
      while (current() && file.doc.id !== file.path) {
        const target = file.path;
        await settled(file.doc, CATCH_UP_MS);
        if (!current()) return;
        const base = file.view.state.doc.toString();
        this.detach(file);
        file.view.dispatch({ effects: file.slot.reconfigure(EditorPane.slotted(target, this.ctx.readOnly)) });
        const doc = await this.subscribe(target, true);
        if (!current()) { doc?.destroy(); return; }
        if (!doc) { this.markGone(file, `could not be reopened at ${target}`); return; }
        if (file.path !== target) { doc.destroy(); continue; } // moved on meanwhile
        await caughtUp(doc, base, CATCH_UP_MS);
        if (!current() || file.path !== target) { doc.destroy(); continue; }
        this.adopt(file, doc, base);
      }
    } finally {
      file.following = false;
    }
  }

  /** Binds the view to `doc`, merging the view's edits since `base` with the document's. */
  private adopt(file: OpenFile, doc: Doc, base: string): void {
    const mine = file.view.state.doc.toString();
    const theirs = doc.data as string;
    const { send, apply } = rebase(base, mine, theirs);
    if (apply.length) {
      file.view.dispatch({ changes: opToChanges(mine, apply), annotations: [remoteChange.of(true), Transaction.addToHistory.of(false)] });
    }
    if (send.length && !this.ctx.readOnly) doc.submitOp(send);
    const { presence, binding } = this.attach(file.path, doc);
    Object.assign(file, { doc, presence, binding, attached: true });
    if (file.view.state.doc.toString() !== binding.text) {
      file.view.dispatch({ changes: { from: 0, to: file.view.state.doc.length, insert: binding.text }, annotations: [remoteChange.of(true)] });
    }
    file.view.dispatch({ effects: file.slot.reconfigure(EditorPane.slotted(file.path, false, binding)) });
  }

  /**
   * `path` (a file or a folder) was deleted: each tab under it says so and by whom, and keeps
   * its text, read-only, until it is closed; its path is free for a new file meanwhile.
   */
  markDeleted(path: string, by: string | null): void {
    for (const file of this.under(path)) this.markGone(file, by ? `deleted by ${by}` : 'deleted on disk');
  }

  private markGone(file: OpenFile, note: string): void {
    if (file.deleted) return;
    file.deleted = true;
    this.detach(file);
    file.view.dispatch({ effects: file.slot.reconfigure(EditorPane.slotted(file.path, true)) });
    const key = `\u0000deleted-${++deletedTabs}:${file.path}`;
    this.files.delete(file.key);
    if (this.activePath === file.key) this.activePath = key;
    file.key = key;
    this.files.set(key, file);
    file.tab.classList.add('deleted');
    file.tab.title = `${file.path} (${note})`;
    file.tab.querySelector('.tab-name')?.append(h('span', { class: 'tab-note' }, ` — ${note}`));
    const saveAs = this.ctx.saveAs && !this.ctx.readOnly
      ? h('button', { type: 'button', class: 'small', onclick: () => this.ctx.saveAs?.(file.path, file.view.state.doc.toString()) }, 'Save as…')
      : null;
    file.host.prepend(h('p', { class: 'editor-banner', role: 'status' },
      `${file.path} was ${note}. Its text stays here, read-only, until you close this tab; copy it or save it as a new file. `, saveAs));
    this.tabsChanged();
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
    this.ctx.tabsChanged = undefined; // leaving the project keeps its tabs for the next visit
    for (const p of [...this.files.keys()]) this.close(p);
  }
}

/** Resolves once the document has no edits waiting for the server, or after `ms`. */
function settled(doc: Doc, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    doc.whenNothingPending(() => { clearTimeout(timer); resolve(); });
  });
}

/** Resolves once the document's text is `text`, or after `ms`. */
function caughtUp(doc: Doc, text: string, ms: number): Promise<void> {
  if (doc.data === text) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => { if (doc.data === text) done(); };
    const done = () => { clearTimeout(timer); doc.removeListener('op', check); resolve(); };
    const timer = setTimeout(done, ms);
    doc.on('op', check);
  });
}
