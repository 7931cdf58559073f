import type { Api } from '../api/client';
import { describeProblem, type Problem } from '../api/problems';
import { readEvents } from '../api/sse';
import { clear, h } from '../ui/dom';
import { attempt, notify } from '../ui/notify';
import { encodePath } from '../api/client';

/** An edit event: status is proposed (to apply or reject here), applied (by the server) or rejected (with a reason). */
export interface AiEdit { path: string; search: string; replace: string; status?: 'proposed' | 'applied' | 'rejected'; reason?: string; via?: string }

const SEARCH = '<<<<<<< SEARCH';
const REPLACE = '>>>>>>> REPLACE';

/**
 * The answer as a person reads it: SEARCH/REPLACE blocks (shown as diffs below the answer) are
 * replaced by a short note, and an unfinished block by "writing an edit…".
 */
export function readableAnswer(raw: string): string {
  const out: string[] = [];
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== SEARCH) { out.push(lines[i]); continue; }
    while (out.length && /^\s*(```\w*)?\s*$/.test(out[out.length - 1])) out.pop(); // an opening fence after the path
    const path = out.length ? out.pop()!.replace(/[`*]/g, '').trim() : '';
    if (out.length && /^\s*```\w*\s*$/.test(out[out.length - 1])) out.pop(); // or before it
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== REPLACE) end++;
    const closed = end < lines.length;
    out.push(closed ? `[edit to ${path || 'a file'}: see below]` : `[writing an edit to ${path || 'a file'}…]`);
    i = end;
    if (closed && lines[i + 1]?.trim().startsWith('```')) i++; // the closing fence
  }
  return out.join('\n');
}

export interface AiContext {
  api: Api;
  projectId: string;
  /** The active file and its selection (code points), if any. */
  selection: () => { path: string; from: number; to: number } | null;
  /** Applies an edit through the live document if the file is open; false otherwise. */
  applyLive: (edit: AiEdit) => boolean;
  isOpen: (path: string) => boolean;
}

/** Lines of a search/replace edit as a small diff: removed lines, then added ones. */
export function diffLines(edit: AiEdit): { kind: 'del' | 'add'; text: string }[] {
  const lines = (s: string) => (s === '' ? [] : s.replace(/\n$/, '').split('\n'));
  return [...lines(edit.search).map((text) => ({ kind: 'del' as const, text })), ...lines(edit.replace).map((text) => ({ kind: 'add' as const, text }))];
}

/**
 * Ask the AI: the prompt goes with the current file and selection; the answer streams in
 * (server-sent events over fetch) and proposed edits appear as diffs to apply or reject.
 * Applied edits go through the live document, so every collaborator sees them.
 */
export class AiPanel {
  readonly el: HTMLElement;
  private readonly prompt: HTMLTextAreaElement;
  private readonly withContext: HTMLInputElement;
  private readonly transcript: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private sessionId: string | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly ctx: AiContext) {
    this.prompt = h('textarea', { class: 'ai-prompt', rows: 3, placeholder: 'Ask for a change or an explanation… (Ctrl+Enter to send)', 'aria-label': 'AI prompt' });
    this.prompt.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void this.send(); } });
    this.withContext = h('input', { type: 'checkbox', checked: true });
    this.transcript = h('div', { class: 'ai-transcript', 'aria-live': 'polite' });
    this.sendButton = h('button', { type: 'submit', class: 'primary small' }, 'Ask');
    this.stopButton = h('button', { type: 'button', class: 'small hidden', onclick: () => this.abort?.abort() }, 'Stop');
    const form = h('form', { class: 'ai-form', onsubmit: (e: Event) => { e.preventDefault(); void this.send(); } },
      this.prompt,
      h('div', { class: 'ai-row' }, h('label', { class: 'checkbox' }, this.withContext, 'Include the current file and selection'), this.stopButton, this.sendButton));
    this.el = h('section', { class: 'ai-panel', 'aria-label': 'AI assistant' },
      h('div', { class: 'panel-toolbar' }, h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'small', onclick: () => { this.sessionId = null; clear(this.transcript); } }, 'New conversation')),
      this.transcript, form);
  }

  focus(): void { this.prompt.focus(); }

  async send(): Promise<void> {
    const prompt = this.prompt.value.trim();
    if (!prompt || this.abort) return;
    const body: Record<string, unknown> = { prompt, apply: false };
    const sel = this.withContext.checked ? this.ctx.selection() : null;
    if (sel) {
      body.path = sel.path;
      if (sel.to > sel.from) body.selection = { from: sel.from, to: sel.to };
    }
    if (this.sessionId) body.sessionId = this.sessionId;
    this.transcript.append(h('div', { class: 'ai-message user' }, prompt));
    const answer = h('div', { class: 'ai-message assistant streaming' });
    this.transcript.append(answer);
    this.prompt.value = '';
    this.abort = new AbortController();
    this.sendButton.disabled = true;
    this.stopButton.classList.remove('hidden');
    try {
      const response = await this.ctx.api.request('POST', `/api/projects/${this.ctx.projectId}/ai/generate`,
        { json: body, signal: this.abort.signal, headers: { accept: 'text/event-stream' } });
      await readEvents(response, (e) => this.onEvent(e.event, e.data, answer));
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) answer.append(h('p', { class: 'error' }, (e as Error).message));
    } finally {
      answer.classList.remove('streaming');
      this.abort = null;
      this.sendButton.disabled = false;
      this.stopButton.classList.add('hidden');
    }
  }

  private raw = new WeakMap<HTMLElement, { text: string; node: Text }>();

  private onEvent(event: string, data: string, answer: HTMLElement) {
    let payload: Record<string, unknown> = {};
    try { payload = JSON.parse(data) as Record<string, unknown>; } catch { payload = { text: data }; }
    if (event === 'delta') {
      let state = this.raw.get(answer);
      if (!state) { state = { text: '', node: document.createTextNode('') }; answer.prepend(state.node); this.raw.set(answer, state); }
      state.text += String(payload.text ?? '');
      state.node.data = readableAnswer(state.text);
      this.transcript.scrollTop = this.transcript.scrollHeight;
    } else if (event === 'edit') {
      this.transcript.append(this.editCard(payload as unknown as AiEdit));
    } else if (event === 'done') {
      if (typeof payload.sessionId === 'string') this.sessionId = payload.sessionId;
      const usage = payload.usage as { inputTokens?: number; outputTokens?: number } | undefined;
      if (usage) answer.append(h('div', { class: 'muted usage' }, `${usage.inputTokens ?? 0} tokens in, ${usage.outputTokens ?? 0} out`));
    } else if (event === 'error') {
      answer.append(h('p', { class: 'error' }, describeProblem(payload.problem as Problem)));
    }
  }

  private editCard(edit: AiEdit): HTMLElement {
    const lines = diffLines(edit).map((l) => h('div', { class: `diff-line diff-${l.kind}` }, (l.kind === 'del' ? '− ' : '+ ') + l.text));
    const status = h('span', { class: 'muted' });
    const apply = h('button', { type: 'button', class: 'primary small', 'data-action': 'apply-edit', onclick: () => void this.apply(edit, card, status) }, 'Apply');
    const reject = h('button', { type: 'button', class: 'small', 'data-action': 'reject-edit', onclick: () => { card.classList.add('rejected'); status.textContent = 'Rejected.'; buttons.remove(); } }, 'Reject');
    const buttons = h('div', { class: 'edit-buttons' }, reject, apply);
    const card = h('div', { class: 'ai-edit', 'data-path': edit.path, 'data-status': edit.status ?? 'proposed' },
      h('div', { class: 'edit-path' }, edit.path), h('div', { class: 'diff' }, ...lines), buttons, status);
    if (edit.status === 'applied') {
      card.classList.add('applied');
      status.textContent = edit.via === 'live' ? 'Applied to the open document.' : 'Applied.';
      buttons.remove();
    } else if (edit.status === 'rejected') {
      card.classList.add('rejected');
      status.textContent = edit.reason ?? 'This edit does not fit the current text.';
      buttons.remove();
    }
    return card;
  }

  private async apply(edit: AiEdit, card: HTMLElement, status: HTMLElement) {
    if (this.ctx.applyLive(edit)) {
      card.classList.add('applied');
      status.textContent = 'Applied.';
      card.querySelector('.edit-buttons')?.remove();
      return;
    }
    if (this.ctx.isOpen(edit.path)) { notify('The text this edit replaces is no longer in the file.', 'error'); return; }
    const url = `/api/projects/${this.ctx.projectId}/files/${encodePath(edit.path)}`;
    const done = await attempt(async () => {
      let text = '';
      let etag: string | null = null;
      try {
        const current = await this.ctx.api.request('GET', url);
        text = await current.text();
        etag = current.headers.get('etag');
      } catch (e) {
        if (edit.search !== '') throw e; // a new file
      }
      const at = edit.search === '' ? text.length : text.indexOf(edit.search);
      if (at < 0) throw new Error('The text this edit replaces is no longer in the file.');
      const next = text.slice(0, at) + edit.replace + text.slice(at + edit.search.length);
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (etag) headers['if-match'] = etag;
      await this.ctx.api.request('PUT', url, { body: next, headers });
      return true;
    }, `Applied the edit to ${edit.path}.`);
    if (done) {
      card.classList.add('applied');
      status.textContent = 'Applied.';
      card.querySelector('.edit-buttons')?.remove();
    }
  }
}
