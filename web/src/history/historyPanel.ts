import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { encodePath, type Api } from '../api/client';
import type { FileVersion } from '../api/types';
import { showPanel } from '../ui/dialog';
import { clear, formatBytes, formatTime, h } from '../ui/dom';
import { attempt, notify } from '../ui/notify';

export interface HistoryContext {
  api: Api;
  projectId: string;
  readOnly: boolean;
  currentText: (path: string) => string | null;
  /** Restores through the live document when open; false otherwise. */
  replaceText: (path: string, text: string) => boolean;
  nameOf: (userId: string) => string;
}

/** A file's versions; each can be compared with the current text and restored. */
export class HistoryPanel {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly title: HTMLElement;
  private path: string | null = null;

  constructor(private readonly ctx: HistoryContext) {
    this.title = h('span', { class: 'panel-title' }, 'History');
    this.list = h('ul', { class: 'history-list' });
    this.el = h('section', { class: 'history-panel', 'aria-label': 'File history' },
      h('div', { class: 'panel-toolbar' }, this.title, h('button', { type: 'button', class: 'small', onclick: () => void this.load() }, 'Refresh')), this.list);
    this.show(null);
  }

  show(path: string | null): void {
    this.path = path;
    this.title.textContent = path ? `History of ${path.split('/').pop()}` : 'History';
    void this.load();
  }

  /** A file changed (a version was written, through the API or from live edits): reload if it is the one shown. */
  changed(path: string): void {
    if (path === this.path) void this.load();
  }

  private async load() {
    const path = this.path;
    if (!path) { clear(this.list); this.list.append(h('li', { class: 'muted' }, 'Open a file to see its versions.')); return; }
    const versions = await attempt(() => this.ctx.api.json<FileVersion[]>('GET', `/api/projects/${this.ctx.projectId}/history/${encodePath(path)}`));
    if (!versions || path !== this.path) return;
    clear(this.list); // only now: loads may overlap, and the last answer wins whole
    if (!versions.length) this.list.append(h('li', { class: 'muted' }, 'No versions recorded yet.'));
    for (const v of versions) {
      this.list.append(h('li', {}, h('button', { type: 'button', class: 'history-item', 'data-version': String(v.version), onclick: () => void this.compare(path, v) },
        h('strong', {}, `Version ${v.version}`), h('span', { class: 'muted history-meta' }, ` ${formatTime(v.createdAt)} · `,
          h('span', { class: 'history-authors' }, this.authors(v)), ` · ${formatBytes(v.size)}`))));
    }
  }

  /** Who wrote a version: whoever typed last first, then the others ("A, B and 2 others"). */
  private authors(v: FileVersion): string {
    const ids = v.authorIds?.length ? [...v.authorIds].reverse() : v.authorId ? [v.authorId] : [];
    if (!ids.length) return 'changed on disk';
    const names = ids.map((id) => this.ctx.nameOf(id));
    if (names.length <= 3) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
  }

  private async compare(path: string, v: FileVersion) {
    const response = await attempt(() => this.ctx.api.request('GET', `/api/projects/${this.ctx.projectId}/history/${encodePath(path)}?version=${v.version}`));
    if (!response) return;
    const old = await response.text();
    let current = this.ctx.currentText(path);
    if (current === null) {
      const now = await attempt(() => this.ctx.api.request('GET', `/api/projects/${this.ctx.projectId}/files/${encodePath(path)}`));
      current = now ? await now.text() : '';
    }
    const host = h('div', { class: 'merge-host' });
    const readOnly = [EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.lineWrapping];
    const merge = new MergeView({ a: { doc: old, extensions: readOnly }, b: { doc: current, extensions: readOnly }, parent: host });
    const legend = h('p', { class: 'muted' }, `Left: version ${v.version} (${formatTime(v.createdAt)}). Right: the current text.`);
    const restore = h('button', { type: 'button', class: 'primary needs-write', onclick: () => void doRestore() }, 'Restore this version');
    const close = showPanel(`${path} — version ${v.version}`, h('div', {}, legend, host), this.ctx.readOnly ? [] : [restore]);
    const doRestore = async () => {
      if (this.ctx.replaceText(path, old)) { notify(`Restored version ${v.version}; everyone sees it.`, 'success'); }
      else if (!await attempt(() => this.ctx.api.request('PUT', `/api/projects/${this.ctx.projectId}/files/${encodePath(path)}`,
        { body: old, headers: { 'content-type': 'application/octet-stream' } }), `Restored version ${v.version}.`)) return;
      merge.destroy();
      close();
      void this.load();
    };
  }
}
