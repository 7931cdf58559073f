import type { Api } from '../api/client';
import type { Page, Project } from '../api/types';
import { openShareDialog } from '../share/shareDialog';
import { ask, confirmDialog } from '../ui/dialog';
import { clear, formatTime, h } from '../ui/dom';
import { attempt } from '../ui/notify';
import { AccountEvents } from './accountEvents';

/**
 * The project list: create, open, rename, delete, share, leave. It follows the user's own
 * events, so a project shared with them appears at once, without a reload.
 */
export class ProjectsView {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly events: AccountEvents;

  constructor(private readonly api: Api, private readonly go: (route: string) => void, header: HTMLElement) {
    this.list = h('ul', { class: 'project-list', 'aria-label': 'Projects' });
    this.el = h('div', { class: 'page' }, header,
      h('div', { class: 'page-body' },
        h('div', { class: 'page-title' }, h('h1', {}, 'Projects'),
          h('button', { type: 'button', class: 'primary', id: 'new-project', onclick: () => void this.create() }, 'New project')),
        this.list));
    this.events = new AccountEvents(api, () => void this.load());
    document.addEventListener('visibilitychange', this.onVisible);
  }

  /** Back on a list left open in another tab: files may have changed since (their times are not pushed). */
  private readonly onVisible = () => { if (document.visibilityState === 'visible') void this.load(); };

  destroy(): void {
    this.events.stop();
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  async load(): Promise<void> {
    const page = await attempt(() => this.api.json<Page<Project>>('GET', '/api/projects?size=100'));
    clear(this.list);
    if (!page) return;
    if (!page.items.length) this.list.append(h('li', { class: 'muted empty' }, 'No projects yet. Create one to start.'));
    for (const p of page.items) this.list.append(this.card(p));
  }

  private card(p: Project): HTMLElement {
    const owner = p.role === 'owner';
    const action = (label: string, run: () => void, show = true) => show ? h('button', { type: 'button', class: 'small', onclick: run }, label) : null;
    return h('li', { class: 'project-card', 'data-project': p.id },
      h('a', { class: 'project-open', href: `#/p/${p.id}` }, h('strong', {}, p.name), p.description ? h('span', { class: 'muted' }, p.description) : null),
      h('span', { class: 'role-badge', 'data-role': p.role }, p.role),
      h('span', { class: 'muted small project-updated' }, 'Updated ', h('time', { datetime: p.updatedAt }, formatTime(p.updatedAt))),
      h('div', { class: 'card-actions' },
        action('Share', () => void this.share(p), owner),
        action('Rename', () => void this.rename(p), owner),
        action('Delete', () => void this.remove(p), owner),
        action('Leave', () => void this.leave(p), !owner)));
  }

  async create(): Promise<void> {
    const values = await ask('New project', [{ name: 'name', label: 'Name' }, { name: 'description', label: 'Description (optional)' }], 'Create');
    if (!values?.name.trim()) return;
    const p = await attempt(() => this.api.json<Project>('POST', '/api/projects', { json: { name: values.name.trim(), description: values.description.trim() || undefined } }));
    if (p) this.go(`#/p/${p.id}`);
  }

  private async rename(p: Project) {
    const values = await ask('Rename project', [{ name: 'name', label: 'Name', value: p.name }, { name: 'description', label: 'Description', value: p.description ?? '' }], 'Save');
    if (!values) return;
    if (await attempt(() => this.api.json('PATCH', `/api/projects/${p.id}`, { json: { name: values.name.trim(), description: values.description } }), 'Saved.')) await this.load();
  }

  private async remove(p: Project) {
    if (!(await confirmDialog('Delete project', `Delete “${p.name}” with its files, workspace and history? This cannot be undone.`, 'Delete'))) return;
    if (await attempt(() => this.api.request('DELETE', `/api/projects/${p.id}`), `Deleted ${p.name}.`)) await this.load();
  }

  private async leave(p: Project) {
    if (!(await confirmDialog('Leave project', `Leave “${p.name}”? You will need to be invited again.`, 'Leave'))) return;
    if (await attempt(() => this.api.request('DELETE', `/api/projects/${p.id}/collaborators/${this.api.user!.id}`), `You left ${p.name}.`)) await this.load();
  }

  /** Who has access; owners add people by email or invitation link. */
  share(p: Project): void {
    openShareDialog({ api: this.api, project: p });
  }
}
