import type { Api } from '../api/client';
import type { Collaborator, Page, Project, Role } from '../api/types';
import { ask, confirmDialog, showPanel } from '../ui/dialog';
import { clear, formatTime, h } from '../ui/dom';
import { attempt, notify } from '../ui/notify';

const ROLES: Role[] = ['viewer', 'collaborator', 'owner'];

/** The project list: create, open, rename, delete, share by email with a role, leave. */
export class ProjectsView {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;

  constructor(private readonly api: Api, private readonly go: (route: string) => void, header: HTMLElement) {
    this.list = h('ul', { class: 'project-list', 'aria-label': 'Projects' });
    this.el = h('div', { class: 'page' }, header,
      h('div', { class: 'page-body' },
        h('div', { class: 'page-title' }, h('h1', {}, 'Projects'),
          h('button', { type: 'button', class: 'primary', id: 'new-project', onclick: () => void this.create() }, 'New project')),
        this.list));
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
      h('span', { class: 'muted small' }, `Updated ${formatTime(p.updatedAt)}`),
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

  /** Members with their roles; owners add people by email, change roles and remove members. */
  async share(p: Project): Promise<void> {
    const body = h('div', { class: 'share' });
    const render = async () => {
      const members = await attempt(() => this.api.json<Collaborator[]>('GET', `/api/projects/${p.id}/collaborators`));
      clear(body);
      if (!members) return;
      const table = h('ul', { class: 'member-list' });
      for (const m of members) {
        const select = h('select', { 'aria-label': `Role of ${m.email}` }, ...ROLES.map((r) => h('option', { value: r, selected: r === m.role }, r)));
        select.addEventListener('change', async () => {
          if (!await attempt(() => this.api.json('PATCH', `/api/projects/${p.id}/collaborators/${m.userId}`, { json: { role: select.value } }), `${m.name} is now ${select.value}.`)) select.value = m.role;
        });
        table.append(h('li', {}, h('span', {}, h('strong', {}, m.name), ' ', h('span', { class: 'muted' }, m.email)), select,
          h('button', { type: 'button', class: 'small', onclick: async () => {
            if (await attempt(() => this.api.request('DELETE', `/api/projects/${p.id}/collaborators/${m.userId}`), `Removed ${m.name}.`)) await render();
          } }, 'Remove')));
      }
      const email = h('input', { type: 'email', placeholder: 'colleague@example.com', 'aria-label': 'Email to share with', required: true });
      const role = h('select', { 'aria-label': 'Role' }, ...ROLES.map((r) => h('option', { value: r, selected: r === 'collaborator' }, r)));
      const form = h('form', { class: 'share-form' }, email, role, h('button', { type: 'submit', class: 'primary small' }, 'Share'));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (await attempt(() => this.api.json('POST', `/api/projects/${p.id}/collaborators`, { json: { email: email.value.trim(), role: role.value } }), `Shared with ${email.value.trim()}.`)) await render();
      });
      body.append(table, h('h3', {}, 'Add someone'), form);
    };
    await render();
    showPanel(`Share “${p.name}”`, body);
    notify('Owners can change roles; viewers see everything read-only.');
  }
}
