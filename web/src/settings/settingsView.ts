import type { Api } from '../api/client';
import type { ApiToken } from '../api/types';
import { confirmDialog, showPanel } from '../ui/dialog';
import { clear, formatTime, h } from '../ui/dom';
import { attempt } from '../ui/notify';

/** Account settings: API tokens (created, shown once, revoked), password, sign out everywhere. */
export class SettingsView {
  readonly el: HTMLElement;
  private readonly tokens: HTMLElement;

  constructor(private readonly api: Api, header: HTMLElement, private readonly signedOut: () => void) {
    this.tokens = h('ul', { class: 'token-list', 'aria-label': 'API tokens' });
    const name = h('input', { type: 'text', placeholder: 'CI on my laptop', 'aria-label': 'Token name', required: true });
    const days = h('input', { type: 'number', min: 1, max: 365, value: 30, 'aria-label': 'Expires in days' });
    const create = h('form', { class: 'inline-form' }, name, days, h('span', { class: 'muted' }, 'days'), h('button', { type: 'submit', class: 'primary small' }, 'Create token'));
    create.addEventListener('submit', async (e) => {
      e.preventDefault();
      const token = await attempt(() => this.api.json<ApiToken>('POST', '/api/auth/tokens', { json: { name: name.value.trim(), expiresInDays: Number(days.value) } }));
      if (!token) return;
      name.value = '';
      showPanel('Your new API token', h('div', {}, h('p', {}, 'Copy it now: it is shown only once.'), h('code', { class: 'token-value' }, token.token ?? '')));
      await this.load();
    });
    const current = h('input', { type: 'password', autocomplete: 'current-password', 'aria-label': 'Current password' });
    const next = h('input', { type: 'password', autocomplete: 'new-password', 'aria-label': 'New password' });
    const password = h('form', { class: 'stack-form' }, h('label', {}, h('span', {}, 'Current password'), current), h('label', {}, h('span', {}, 'New password'), next),
      h('button', { type: 'submit', class: 'small' }, 'Change password'));
    password.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (await attempt(() => this.api.request('POST', '/api/auth/password', { json: { currentPassword: current.value, newPassword: next.value } }), 'Password changed; other sessions were signed out.')) {
        current.value = ''; next.value = '';
      }
    });
    const user = api.user!;
    this.el = h('div', { class: 'page' }, header, h('div', { class: 'page-body narrow' },
      h('h1', {}, 'Settings'),
      h('p', {}, `Signed in as ${user.name} (${user.email})${user.role === 'admin' ? ', administrator' : ''}.`),
      h('h2', {}, 'API tokens'), h('p', { class: 'muted' }, 'Tokens let scripts call the API as you: Authorization: Bearer <token>.'), create, this.tokens,
      h('h2', {}, 'Password'), password,
      h('h2', {}, 'Sessions'), h('button', { type: 'button', class: 'small', onclick: async () => {
        if (!(await confirmDialog('Sign out everywhere', 'End every session of this account, on every device?', 'Sign out everywhere'))) return;
        await attempt(() => this.api.signOut(true));
        this.signedOut();
      } }, 'Sign out everywhere')));
  }

  async load(): Promise<void> {
    const tokens = await attempt(() => this.api.json<ApiToken[] | { items: ApiToken[] }>('GET', '/api/auth/tokens'));
    clear(this.tokens);
    if (!tokens) return;
    const items = Array.isArray(tokens) ? tokens : tokens.items;
    if (!items.length) this.tokens.append(h('li', { class: 'muted' }, 'No API tokens.'));
    for (const t of items) {
      this.tokens.append(h('li', {}, h('strong', {}, t.name), h('span', { class: 'muted' }, t.expiresAt ? ` expires ${formatTime(t.expiresAt)}` : ''),
        h('button', { type: 'button', class: 'small', onclick: async () => {
          if (await attempt(() => this.api.request('DELETE', `/api/auth/tokens/${t.id}`), `Revoked ${t.name}.`)) await this.load();
        } }, 'Revoke')));
    }
  }
}
