import { Annotation, EditorState, StateEffect, StateField, Transaction, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import type { TextOp } from 'ot-text-unicode';
import type { Doc, LocalPresence, Presence } from 'sharedb/lib/client';
import { DEFAULT_LIMITS, formatSize, opBudget, splitOp, utf8Length, type CollabLimits } from '../collab/limits';
import { codePointToUtf16, utf16ToCodePoint } from './positions';
import { changesToOp, opToChanges, type Utf16Change } from './textOps';

/** Marks transactions that carry remote ops, so they are not sent back (no echo loop). */
export const remoteChange = Annotation.define<boolean>();

/** Who a remote presence belongs to, for its label and colour. */
export interface PresenceOwner { name: string; color: string }

export interface BindingOptions {
  /** Viewers: the editor refuses input and nothing is submitted. */
  readOnly?: boolean;
  /** The sharedb presence channel of this document, if cursors are shared. */
  presence?: Presence | null;
  /** The id this client's presence is published under: `<user id>.<anything>` (the server refuses others). */
  presenceId?: string;
  /** Label and colour of a remote presence id. */
  ownerOf?: (presenceId: string) => PresenceOwner;
  /** Called when the editor had to be reset to the document's text (should not happen). */
  onResync?: () => void;
  /** The server's limits (frame and document size); the defaults when not given. */
  limits?: () => CollabLimits;
  /** Called with a sentence for the person when an edit was refused (and undone). */
  onRefused?: (sentence: string) => void;
  /** Counts a local edit as unsaved; the returned function is called once it is saved or refused. */
  trackEdit?: () => () => void;
}

/** One local edit (editor transaction) on its way to the server, in one or more ops. */
interface Edit { partsLeft: number; refused: boolean; done: () => void }

export interface RemoteCursor { id: string; anchor: number; head: number; owner: PresenceOwner }

const setCursors = StateEffect.define<RemoteCursor[]>();

class CursorWidget extends WidgetType {
  constructor(readonly owner: PresenceOwner) { super(); }
  override eq(other: CursorWidget) { return other.owner.name === this.owner.name && other.owner.color === this.owner.color; }
  toDOM() {
    // The name is drawn by CSS (::after, attr(data-name)), so it never becomes part of the text.
    const caret = document.createElement('span');
    caret.className = 'vf-remote-caret';
    caret.style.setProperty('--vf-color', this.owner.color);
    caret.dataset.name = this.owner.name;
    caret.setAttribute('aria-label', `${this.owner.name}'s cursor`);
    return caret;
  }
  override ignoreEvent() { return true; }
}

const cursorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    decorations = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setCursors)) continue;
      const length = tr.state.doc.length;
      const ranges = [];
      for (const c of effect.value) {
        const head = Math.min(c.head, length);
        const anchor = Math.min(c.anchor, length);
        const from = Math.min(head, anchor);
        const to = Math.max(head, anchor);
        if (from < to) {
          ranges.push(Decoration.mark({
            class: 'vf-remote-selection',
            attributes: { style: `background-color: ${c.owner.color}33`, 'data-owner': c.owner.name },
          }).range(from, to));
        }
        ranges.push(Decoration.widget({ widget: new CursorWidget(c.owner), side: 1 }).range(head));
      }
      decorations = Decoration.set(ranges, true);
    }
    return decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/**
 * Binds one sharedb document (type text-unicode) to a CodeMirror view: local changes become ops
 * counted in code points, remote ops become transactions (annotated, so they are not sent back),
 * and presence carries each client's selection as [anchor, head] in code points.
 */
export class ShareDbBinding {
  private view: EditorView | null = null;
  private localPresence: LocalPresence | null = null;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly source = {}; // identifies our own submits in the doc's 'op' events
  private destroyed = false;
  /** Refused edits are being thrown away (a hard rollback): their errors are already told. */
  private discarding = false;
  /** The UTF-8 size of a recent text, so a large document is not counted again for every keystroke. */
  private sized: { doc: unknown; bytes: number } | null = null;

  constructor(readonly doc: Doc, private readonly options: BindingOptions = {}) {
    this.onOp = this.onOp.bind(this);
    this.onLoad = this.onLoad.bind(this);
    this.onPresence = this.onPresence.bind(this);
    doc.on('op', this.onOp);
    doc.on('load', this.onLoad);
    const presence = options.presence;
    if (presence) {
      presence.on('receive', this.onPresence);
      this.localPresence = presence.create(options.presenceId);
    }
  }

  /** The text the view starts with: the document's current snapshot. */
  get text(): string {
    return typeof this.doc.data === 'string' ? this.doc.data : '';
  }

  /** The CodeMirror extensions that make a view follow this document. */
  extension(): Extension {
    const binding = this;
    return [
      cursorField,
      EditorState.readOnly.of(!!this.options.readOnly),
      EditorState.transactionFilter.of((tr) => binding.withinLimit(tr) ? tr : []),
      ViewPlugin.define((view) => {
        binding.view = view;
        binding.renderCursors();
        return {
          update(update: ViewUpdate) { binding.onViewUpdate(update); },
          destroy() { if (binding.view === view) binding.view = null; },
        };
      }),
    ];
  }

  private onViewUpdate(update: ViewUpdate): void {
    if (this.destroyed) return;
    for (const tr of update.transactions) {
      if (!tr.docChanged || tr.annotation(remoteChange)) continue;
      if (this.options.readOnly) continue;
      const changes: Utf16Change[] = [];
      tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
        changes.push({ from: fromA, to: toA, insert: inserted.toString() });
      });
      const op = changesToOp(tr.startState.doc.toString(), changes);
      if (op.length > 0) this.submit(op);
    }
    if (update.selectionSet || update.docChanged || update.focusChanged) this.schedulePresence();
  }

  private get limits(): CollabLimits { return this.options.limits?.() ?? DEFAULT_LIMITS; }

  /**
   * Refuses (with a sentence) a local change that would make the text larger than a file may
   * be: the server would refuse it anyway, and a large paste would be sent for nothing. Most
   * texts are far below the limit in UTF-16 units; only large ones are counted in bytes.
   */
  withinLimit(tr: Transaction): boolean {
    if (!tr.docChanged || tr.annotation(remoteChange)) return true;
    const max = this.limits.maxDocumentSize;
    if (tr.newDoc.length * 3 <= max) return true;
    const before = this.sized?.doc === tr.startState.doc ? this.sized.bytes : utf8Length(tr.startState.doc.toString());
    let bytes = before;
    tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
      bytes += utf8Length(inserted.toString()) - utf8Length(tr.startState.doc.sliceString(fromA, toA));
    });
    if (bytes <= max) {
      this.sized = { doc: tr.newDoc, bytes };
      return true;
    }
    this.sized = { doc: tr.startState.doc, bytes: before };
    const what = tr.isUserEvent('input.paste') ? 'The paste was' : 'This change was';
    this.options.onRefused?.(`${what} not made: ${this.doc.id} would be larger than ${formatSize(max)}, the most a file may hold.`);
    return false;
  }

  /**
   * Submits one local edit, in as many ops as the server's frame limit needs (each in its own
   * frame: sharedb would otherwise compose the parts back into one). A refusal undoes the whole
   * edit: sharedb rolls back the refused op, and the parts still queued are thrown away.
   */
  private submit(op: TextOp): void {
    const budget = opBudget(this.limits);
    const parts = splitOp(op, budget);
    const saved = this.options.trackEdit?.();
    let settled = false;
    const done = () => { if (!settled) { settled = true; saved?.(); } };
    const edit: Edit = { partsLeft: parts.length, refused: false, done };
    for (const part of parts) {
      this.doc.preventCompose = parts.length > 1 || this.lastUnsentTooLargeFor(part, budget);
      this.doc.submitOp(part, { source: this.source }, (error) => this.settled(edit, error));
    }
    this.doc.preventCompose = false;
  }

  /** Would composing `op` into the last queued op make a frame over the budget? */
  private lastUnsentTooLargeFor(op: TextOp, budget: number): boolean {
    const last = this.doc.pendingOps?.[this.doc.pendingOps.length - 1];
    if (!last || last.sentAt || !last.op) return false;
    return JSON.stringify(last.op).length + JSON.stringify(op).length > budget;
  }

  private settled(edit: Edit, error?: { code?: string; message: string } | null): void {
    edit.partsLeft--;
    if (error) this.refused(edit, error);
    if (edit.partsLeft === 0 || error) edit.done();
  }

  private refused(edit: Edit, error: { code?: string; message: string }): void {
    if (edit.refused || this.discarding) return;
    edit.refused = true;
    this.options.onRefused?.(this.refusal(error));
    if (edit.partsLeft > 0 && !this.destroyed) {
      // later parts of the edit would land without the refused one: drop everything queued and reload
      this.discarding = true;
      (this.doc as unknown as { _hardRollback(e: unknown): void })._hardRollback(error);
    }
  }

  private refusal(error: { code?: string; message: string }): string {
    const path = this.doc.id;
    if (error.code === 'ERR_DOC_TOO_LARGE') {
      return `Your change to ${path} was not saved: a file may hold at most ${formatSize(this.limits.maxDocumentSize)}. The editor shows the saved text again.`;
    }
    if (error.code === 'ERR_MESSAGE_TOO_LARGE') return `Your change to ${path} was not saved: ${error.message} The editor shows the saved text again.`;
    return `Your change to ${path} was not accepted (${error.message}). The editor shows the saved text again.`;
  }

  private onOp(op: TextOp, source: unknown): void {
    if (source === this.source || this.destroyed) return;
    const view = this.view;
    if (!view) return;
    const text = view.state.doc.toString();
    let changes: Utf16Change[];
    try {
      changes = opToChanges(text, op);
    } catch {
      this.resync();
      return;
    }
    view.dispatch({
      changes,
      annotations: [remoteChange.of(true), Transaction.addToHistory.of(false)],
    });
    if (view.state.doc.toString() !== this.text) this.resync();
    this.renderCursors();
  }

  private onLoad(): void {
    if (this.discarding) {
      // the op callbacks of the discarded edits run right after this: they were told about already
      setTimeout(() => { this.discarding = false; });
      this.resync(false);
      return;
    }
    this.resync();
  }

  /** Replaces the editor's text with the document's (after a hard rollback or reload). */
  private resync(tell = true): void {
    const view = this.view;
    if (!view || view.state.doc.toString() === this.text) return;
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: this.text },
      annotations: [remoteChange.of(true), Transaction.addToHistory.of(false)],
    });
    if (tell) this.options.onResync?.();
  }

  private onPresence(): void {
    this.renderCursors();
  }

  /** The remote selections, converted to UTF-16 offsets of the editor's text. */
  remoteCursors(): RemoteCursor[] {
    const presence = this.options.presence;
    const view = this.view;
    if (!presence || !view) return [];
    const text = view.state.doc.toString();
    const cursors: RemoteCursor[] = [];
    for (const [id, value] of Object.entries(presence.remotePresences)) {
      if (value == null) continue;
      const [anchorCp, headCp] = Array.isArray(value) ? value as number[] : [value as number, value as number];
      if (typeof anchorCp !== 'number' || typeof headCp !== 'number') continue;
      const owner = this.options.ownerOf?.(id) ?? { name: 'Someone', color: '#888' };
      cursors.push({ id, anchor: codePointToUtf16(text, anchorCp), head: codePointToUtf16(text, headCp), owner });
    }
    return cursors;
  }

  private cursorsQueued = false;

  /** Redraws remote cursors soon (never inside an update: presence events can fire during one). */
  private renderCursors(): void {
    if (this.cursorsQueued) return;
    this.cursorsQueued = true;
    queueMicrotask(() => {
      this.cursorsQueued = false;
      const view = this.view;
      if (!view || this.destroyed) return;
      view.dispatch({ effects: setCursors.of(this.remoteCursors()) });
    });
  }

  private schedulePresence(): void {
    if (!this.localPresence || this.presenceTimer) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      this.submitPresence();
    }, 40);
  }

  /** Publishes this client's selection as [anchor, head] in code points. */
  submitPresence(): void {
    const view = this.view;
    if (!view || !this.localPresence || this.destroyed) return;
    const text = view.state.doc.toString();
    const { anchor, head } = view.state.selection.main;
    const value: [number, number] = [utf16ToCodePoint(text, anchor), utf16ToCodePoint(text, head)];
    this.localPresence.submit(value, () => {});
  }

  destroy(): void {
    this.destroyed = true;
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.doc.removeListener('op', this.onOp);
    this.doc.removeListener('load', this.onLoad);
    this.options.presence?.removeListener('receive', this.onPresence);
    try { this.localPresence?.destroy(); } catch { /* the connection may be gone */ }
  }
}
