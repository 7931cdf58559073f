import type { Api } from '../api/client';
import { ApiError } from '../api/problems';
import type { Collaborator, CreatedInvitation, Invitation, Project, Role } from '../api/types';
import { showPanel } from '../ui/dialog';
import { clear, formatTime, h } from '../ui/dom';
import { attempt, notify } from '../ui/notify';

const ROLES: Role[] = ['viewer', 'collaborator', 'owner'];
// A link never makes an owner: ownership is given to a member one already knows.
const INVITE_ROLES: Role[] = ['viewer', 'collaborator'];

export interface ShareContext {
  api: Api;
  project: Project;
  /** Subscribes to the project's member changes (members.changed); returns an unsubscribe. */
  onMembersChanged?: (listener: () => void) => () => void;
}

/**
 * Who has access to a project. Owners add people by email: someone with an account is added at
 * once, anyone else gets an invitation link to copy and send; owners change roles, remove
 * members and revoke pending links. Everyone else sees the member list read-only.
 */
export function openShareDialog(ctx: ShareContext): void {
  const dialog = new ShareDialog(ctx);
  showPanel(`Share “${ctx.project.name}”`, dialog.el);
  // The panel closes by itself (Close, Escape); the first change after that unsubscribes.
  const unsubscribe: (() => void) | undefined = ctx.onMembersChanged?.(() => {
    if (dialog.el.isConnected) void dialog.render();
    else unsubscribe?.();
  });
  void dialog.render().then(() => dialog.focus());
}

class ShareDialog {
  readonly el: HTMLElement;
  private readonly members = h('ul', { class: 'member-list', 'aria-label': 'Members' });
  private readonly invitations = h('ul', { class: 'invitation-list', 'aria-label': 'Pending invitations' });
  private readonly link = h('div', { class: 'invite-link' });
  private readonly email = h('input', { type: 'email', name: 'email', placeholder: 'colleague@example.com', 'aria-label': 'Email to share with', required: true });
  private readonly owner: boolean;

  constructor(private readonly ctx: ShareContext) {
    this.owner = ctx.project.role === 'owner';
    this.el = h('div', { class: 'share' }, h('h3', {}, 'People with access'), this.members);
    if (this.owner) this.el.append(h('h3', {}, 'Pending invitations'), this.invitations, h('h3', {}, 'Add someone'), this.form(), this.link);
    else this.el.append(h('p', { class: 'muted small' }, 'Only owners can add or remove people.'));
  }

  focus(): void { if (this.owner) this.email.focus(); }

  async render(): Promise<void> {
    const { api, project } = this.ctx;
    const [members, pending] = await Promise.all([
      attempt(() => api.json<Collaborator[]>('GET', `/api/projects/${project.id}/collaborators`)),
      this.owner ? attempt(() => api.json<Invitation[]>('GET', `/api/projects/${project.id}/invitations`)) : Promise.resolve([]),
    ]);
    if (members) { clear(this.members); for (const m of members) this.members.append(this.member(m)); }
    if (pending) {
      clear(this.invitations);
      if (!pending.length) this.invitations.append(h('li', { class: 'muted' }, 'None.'));
      for (const i of pending) this.invitations.append(this.invitation(i));
    }
  }

  private member(m: Collaborator): HTMLElement {
    const who = h('span', {}, h('strong', {}, m.name), ' ', h('span', { class: 'muted' }, m.email));
    const li = h('li', { 'data-user-id': m.userId, 'data-email': m.email }, who);
    if (!this.owner) { li.append(h('span', { class: 'role-badge', 'data-role': m.role }, m.role)); return li; }
    const base = `/api/projects/${this.ctx.project.id}/collaborators/${m.userId}`;
    const select = h('select', { 'aria-label': `Role of ${m.email}` }, ...ROLES.map((r) => h('option', { value: r, selected: r === m.role }, r)));
    select.addEventListener('change', async () => {
      if (!await attempt(() => this.ctx.api.json('PATCH', base, { json: { role: select.value } }), `${m.name} is now ${select.value}.`)) select.value = m.role;
    });
    const remove = h('button', { type: 'button', class: 'small', onclick: async () => {
      if (await attempt(() => this.ctx.api.request('DELETE', base), `Removed ${m.name}.`)) await this.render();
    } }, 'Remove');
    li.append(select, remove);
    return li;
  }

  private invitation(i: Invitation): HTMLElement {
    const revoke = h('button', { type: 'button', class: 'small', onclick: async () => {
      if (await attempt(() => this.ctx.api.request('DELETE', `/api/projects/${this.ctx.project.id}/invitations/${i.id}`), `Revoked the invitation for ${i.email}.`)) await this.render();
    } }, 'Revoke');
    return h('li', { 'data-invitation': i.id, 'data-email': i.email },
      h('span', {}, h('strong', {}, i.email), ' ', h('span', { class: 'muted small' }, `${i.role} · link expires ${formatTime(i.expiresAt)}`)), revoke);
  }

  private form(): HTMLElement {
    const role = h('select', { 'aria-label': 'Role', name: 'role' }, ...INVITE_ROLES.map((r) => h('option', { value: r, selected: r === 'collaborator' }, r)));
    const form = h('form', { class: 'share-form' }, this.email, role, h('button', { type: 'submit', class: 'primary small' }, 'Add'));
    form.addEventListener('submit', (e) => { e.preventDefault(); void this.add(this.email.value.trim(), role.value as Role); });
    return form;
  }

  /** Adds an existing account at once; for an email without one, makes an invitation link. */
  private async add(email: string, role: Role): Promise<void> {
    if (!email) return;
    clear(this.link);
    const base = `/api/projects/${this.ctx.project.id}`;
    try {
      await this.ctx.api.json('POST', `${base}/collaborators`, { json: { email, role } });
      notify(`Added ${email}.`, 'success');
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'user-not-found')) { notify((e as Error).message, 'error'); return; }
      const invitation = await attempt(() => this.ctx.api.json<CreatedInvitation>('POST', `${base}/invitations`, { json: { email, role } }));
      if (!invitation) return;
      this.showLink(invitation);
    }
    this.email.value = '';
    await this.render();
  }

  private showLink(invitation: CreatedInvitation) {
    const url = h('input', { type: 'text', readonly: true, value: invitation.url, 'aria-label': 'Invitation link', class: 'invite-url' });
    const copy = h('button', { type: 'button', class: 'primary small copy-link', onclick: async () => {
      url.select();
      try { await navigator.clipboard.writeText(invitation.url); notify('Link copied.', 'success'); }
      catch { notify('Copy the selected link with Ctrl+C.'); }
    } }, 'Copy link');
    this.link.append(
      h('p', { class: 'small' }, `${invitation.email} has no account yet. Send them this link: it works once, for that email, until ${formatTime(invitation.expiresAt)}.`),
      h('div', { class: 'share-form' }, url, copy));
  }
}
