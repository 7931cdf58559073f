import { encodePath, type Api } from '../api/client';
import type { TreeEntry } from '../api/types';
import { ask, confirmDialog } from '../ui/dialog';
import { clear, h } from '../ui/dom';
import { attempt, notify } from '../ui/notify';
import { typedPath, unsendablePath } from './paths';

interface Node { name: string; path: string; type: 'file' | 'dir'; children: Node[] }

export interface FileTreeContext {
  api: Api;
  projectId: string;
  readOnly: boolean;
  open: (path: string) => void;
  /** A file or folder was moved here: what is open under it follows. */
  moved: (from: string, to: string) => void;
  /** A file or folder was deleted here: what is open under it says so. */
  deleted: (path: string) => void;
}

function build(entries: TreeEntry[]): Node {
  const root: Node = { name: '', path: '', type: 'dir', children: [] };
  const dirs = new Map<string, Node>([['', root]]);
  const dirOf = (path: string): Node => {
    let node = dirs.get(path);
    if (node) return node;
    const slash = path.lastIndexOf('/');
    const parent = dirOf(slash < 0 ? '' : path.slice(0, slash));
    node = { name: path.slice(slash + 1), path, type: 'dir', children: [] };
    parent.children.push(node);
    dirs.set(path, node);
    return node;
  };
  for (const e of entries) {
    if (e.type === 'dir') { dirOf(e.path); continue; }
    const slash = e.path.lastIndexOf('/');
    dirOf(slash < 0 ? '' : e.path.slice(0, slash)).children.push({ name: e.path.slice(slash + 1), path: e.path, type: 'file', children: [] });
  }
  const sort = (n: Node) => {
    n.children.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1));
    n.children.forEach(sort);
  };
  sort(root);
  return root;
}

/** The project's files: a tree with create, rename/move, delete, upload (files or a zip) and download. */
export class FileTree {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly collapsed = new Set<string>();
  private selected: string | null = null;
  private entries: TreeEntry[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly uploadInput: HTMLInputElement;

  constructor(private readonly ctx: FileTreeContext) {
    this.uploadInput = h('input', { type: 'file', multiple: true, class: 'hidden', 'aria-label': 'Upload files' });
    this.uploadInput.addEventListener('change', () => void this.uploadChosen());
    const tool = (label: string, text: string, action: () => void) =>
      h('button', { type: 'button', class: 'small needs-write', title: label, 'aria-label': label, onclick: action }, text);
    const toolbar = h('div', { class: 'panel-toolbar' },
      tool('New file', '+ File', () => void this.newFile()),
      tool('New folder', '+ Folder', () => void this.newFolder()),
      tool('Upload files or a zip', 'Upload', () => this.uploadInput.click()),
      h('button', { type: 'button', class: 'small', title: 'Download the project as a zip', 'aria-label': 'Download the project', onclick: () => void this.download() }, 'Zip'),
      this.uploadInput);
    this.list = h('ul', { class: 'file-tree', role: 'tree', 'aria-label': 'Project files' });
    this.el = h('section', { class: 'file-panel' }, toolbar, this.list);
  }

  /** Is this file in the tree already? (Edits to known files do not change the tree.) */
  knows(path: string): boolean { return this.entries.some((e) => e.path === path); }

  get paths(): string[] { return this.entries.filter((e) => e.type === 'file').map((e) => e.path); }

  async refresh(): Promise<void> {
    const answer = await attempt(() => this.ctx.api.json<{ entries: TreeEntry[] }>('GET', `/api/projects/${this.ctx.projectId}/tree`));
    if (!answer) return;
    this.entries = answer.entries;
    this.render();
  }

  /** Refreshes soon, once, however many file events arrive. */
  refreshSoon(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => { this.refreshTimer = null; void this.refresh(); }, 150);
  }

  private render(): void {
    clear(this.list);
    const root = build(this.entries);
    if (!root.children.length) {
      this.list.append(h('li', { class: 'muted' }, this.ctx.readOnly ? 'No files yet.' : 'No files yet. Create or upload one.'));
    }
    const add = (node: Node, depth: number, parent: HTMLElement) => {
      const isDir = node.type === 'dir';
      const open = isDir && !this.collapsed.has(node.path);
      const row = h('div', { class: 'tree-row' + (this.selected === node.path ? ' selected' : ''), style: `padding-left:${depth * 14 + 6}px` },
        h('button', {
          type: 'button', class: 'tree-label', 'data-path': node.path, 'data-type': node.type,
          onclick: () => {
            this.selected = node.path;
            if (isDir) { if (open) this.collapsed.add(node.path); else this.collapsed.delete(node.path); }
            else this.ctx.open(node.path);
            this.render(); // the selected row shows its actions (touch screens have no hover)
            if (isDir) this.list.querySelector<HTMLElement>(`button.tree-label[data-path="${CSS.escape(node.path)}"]`)?.focus();
          },
        }, h('span', { class: 'tree-icon', 'aria-hidden': 'true' }, isDir ? (open ? '▾' : '▸') : '·'), node.name),
        h('span', { class: 'tree-actions needs-write' },
          h('button', { type: 'button', class: 'icon-button small', title: `Rename or move ${node.name}`, 'aria-label': `Rename ${node.path}`, onclick: () => void this.move(node.path) }, 'Rename'),
          h('button', { type: 'button', class: 'icon-button small', title: `Delete ${node.name}`, 'aria-label': `Delete ${node.path}`, onclick: () => void this.remove(node.path, isDir) }, 'Delete')));
      // Named by the file alone: by default a tree item's name is all its text, actions included ("a.txt Rename Delete").
      const item = h('li', { role: 'treeitem', 'aria-label': node.name, 'aria-expanded': isDir ? String(open) : null }, row);
      parent.append(item);
      if (open && node.children.length) {
        const group = h('ul', { role: 'group' });
        item.append(group);
        for (const child of node.children) add(child, depth + 1, group);
      }
    };
    for (const child of root.children) add(child, 0, this.list);
  }

  /** The folder new files go into: the selected folder, or the selected file's folder. */
  private baseDir(): string {
    const sel = this.selected;
    if (!sel) return '';
    const entry = this.entries.find((e) => e.path === sel);
    if (entry?.type === 'dir') return sel + '/';
    const slash = sel.lastIndexOf('/');
    return slash < 0 ? '' : sel.slice(0, slash + 1);
  }

  // The dialogs below stay open on a refusal, show it as a sentence and keep what was typed.

  async newFile(): Promise<void> {
    await ask('New file', [{ name: 'path', label: 'Path (end it with / for a folder)', value: this.baseDir(), placeholder: 'src/main.ts' }],
      'Create', undefined, (values) => this.createFile(typedPath(values.path)));
  }

  /** Creates an empty file and opens it, or a folder when the path ends with '/'. */
  private async createFile(path: string): Promise<string | null> {
    if (!path) return 'Type the path of the new file, such as src/main.ts.';
    if (path.endsWith('/')) return this.createFolder(path);
    const unsendable = unsendablePath(path);
    if (unsendable) return unsendable;
    // PUT would replace an existing file: refuse what the tree already shows
    if (this.entries.some((e) => e.path === path)) return `A file or folder named ${path} exists already.`;
    const created = await this.ctx.api.json<{ path: string }>('PUT', `/api/projects/${this.ctx.projectId}/files/${encodePath(path)}`,
      { body: '', headers: { 'content-type': 'application/octet-stream' } });
    await this.refresh();
    this.ctx.open(created?.path ?? path); // the server's canonical path
    return null;
  }

  /** Saves a text (a deleted file's, kept in its tab) as a new file, and opens it. */
  async saveAs(suggested: string, text: string): Promise<void> {
    await ask('Save as a new file', [{ name: 'path', label: 'Path', value: suggested }], 'Save', undefined, async (values) => {
      const path = typedPath(values.path);
      if (!path || path.endsWith('/')) return 'Type the path of the new file, such as src/main.ts.';
      const unsendable = unsendablePath(path);
      if (unsendable) return unsendable;
      if (this.entries.some((e) => e.path === path)) return `A file or folder named ${path} exists already.`;
      const saved = await this.ctx.api.json<{ path: string }>('PUT', `/api/projects/${this.ctx.projectId}/files/${encodePath(path)}`,
        { body: text, headers: { 'content-type': 'application/octet-stream' } });
      await this.refresh();
      this.ctx.open(saved?.path ?? path);
      return null;
    });
  }

  async newFolder(): Promise<void> {
    await ask('New folder', [{ name: 'path', label: 'Path', value: this.baseDir(), placeholder: 'src/lib' }],
      'Create', undefined, (values) => this.createFolder(typedPath(values.path)));
  }

  private async createFolder(typed: string): Promise<string | null> {
    const path = typed.replace(/\/+$/, '');
    if (!path) return 'Type the path of the new folder, such as src/lib.';
    await this.ctx.api.request('POST', `/api/projects/${this.ctx.projectId}/directories`, { json: { path } });
    await this.refresh();
    return null;
  }

  async move(from: string): Promise<void> {
    await ask('Rename or move', [{ name: 'to', label: 'New path', value: from }], 'Move', undefined, async (values) => {
      const to = typedPath(values.to).replace(/\/+$/, '');
      if (!to || to === from) return null;
      await this.ctx.api.request('POST', `/api/projects/${this.ctx.projectId}/move`, { json: { from, to } });
      notify(`Moved ${from} to ${to}.`, 'success');
      this.ctx.moved(from, to);
      await this.refresh();
      return null;
    });
  }

  async remove(path: string, isDir: boolean): Promise<void> {
    if (!(await confirmDialog('Delete', `Delete ${path}${isDir ? ' and everything in it' : ''}? This cannot be undone here (file history stays).`, 'Delete'))) return;
    const query = isDir ? '?recursive=true' : '';
    if (await attempt(() => this.ctx.api.request('DELETE', `/api/projects/${this.ctx.projectId}/files/${encodePath(path)}${query}`), `Deleted ${path}.`)) {
      this.ctx.deleted(path);
      await this.refresh();
    }
  }

  private async uploadChosen(): Promise<void> {
    const files = [...(this.uploadInput.files ?? [])];
    this.uploadInput.value = '';
    await this.upload(files);
  }

  /** Uploads files into the current folder; a .zip is offered for unpacking into the project. */
  async upload(files: File[]): Promise<void> {
    const base = this.baseDir();
    for (const file of files) {
      if (file.name.toLowerCase().endsWith('.zip')
        && await confirmDialog('Unpack zip?', `Unpack ${file.name} into the project (files with the same paths are replaced)?`, 'Unpack')) {
        const answer = await attempt(() => this.ctx.api.json<{ files: number }>('POST', `/api/projects/${this.ctx.projectId}/archive`,
          { body: file, headers: { 'content-type': 'application/zip' } }));
        if (answer) notify(`Unpacked ${answer.files} files from ${file.name}.`, 'success');
        continue;
      }
      await attempt(() => this.ctx.api.request('PUT', `/api/projects/${this.ctx.projectId}/files/${encodePath(base + file.name)}`,
        { body: file, headers: { 'content-type': 'application/octet-stream' } }), `Uploaded ${file.name}.`);
    }
    await this.refresh();
  }

  async download(): Promise<void> {
    const response = await attempt(() => this.ctx.api.request('GET', `/api/projects/${this.ctx.projectId}/archive`));
    if (!response) return;
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: 'project.zip' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
