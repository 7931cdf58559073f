import './styles.css';
import { api } from './api/client';
import type { Collaborator, Project } from './api/types';
import { authView } from './auth/authView';
import { IdeView } from './ide/ideView';
import { CommandPalette, matches } from './palette/palette';
import { ProjectsView } from './projects/projectsView';
import { acceptInvitation } from './share/invitation';
import { SettingsView } from './settings/settingsView';
import { clear, h } from './ui/dom';
import { notify } from './ui/notify';

const root = document.getElementById('app')!;
const palette = new CommandPalette();
let ide: IdeView | null = null;
let projects: ProjectsView | null = null;

const NEXT = 'vaporform.next'; // where to return after signing in
const go = (route: string) => { if (location.hash === route) void render(); else location.hash = route; };

async function signOut() {
  try { await api.signOut(); } catch { /* signed out locally anyway */ }
  go('#/login');
}
api.onSignedOut = () => { if (!location.hash.startsWith('#/login') && !location.hash.startsWith('#/signup')) go('#/login'); };

function header(): HTMLElement {
  return h('header', { class: 'topbar page-header' },
    h('a', { class: 'brand', href: '#/projects' }, 'Vaporform'),
    h('span', { class: 'spacer' }),
    h('a', { href: '#/projects' }, 'Projects'),
    h('a', { href: '#/settings' }, 'Settings'),
    h('span', { class: 'muted user-name' }, api.user?.name ?? ''),
    h('button', { type: 'button', class: 'small', id: 'sign-out', onclick: () => void signOut() }, 'Sign out'));
}

function show(el: HTMLElement) {
  ide?.destroy();
  ide = null;
  projects?.destroy();
  projects = null;
  clear(root);
  root.append(el);
}

async function render(): Promise<void> {
  const route = location.hash || '#/projects';
  if (route.startsWith('#/login') || route.startsWith('#/signup')) {
    const next = () => { const to = sessionStorage.getItem(NEXT) ?? '#/projects'; sessionStorage.removeItem(NEXT); go(to); };
    if (api.signedIn) { next(); return; }
    show(authView(api, route.startsWith('#/signup') ? 'signup' : 'signin', next));
    return;
  }
  const invite = /^#\/invite\/([A-Za-z0-9_-]+)/.exec(route);
  // Someone opening an invitation is most likely new here: offer to sign up (sign in is one click away).
  if (!api.signedIn) { sessionStorage.setItem(NEXT, route); go(invite ? '#/signup' : '#/login'); return; }
  if (invite) { await acceptInvitation(api, invite[1], go); return; }
  palette.set([
    { id: 'projects', title: 'Go to all projects', run: () => go('#/projects') },
    { id: 'settings', title: 'Settings and API tokens', run: () => go('#/settings') },
    { id: 'sign-out', title: 'Sign out', run: () => void signOut() },
  ]);
  const project = /^#\/p\/([0-9a-f-]{36})/.exec(route);
  if (project) {
    const id = project[1];
    try {
      const [p, members] = await Promise.all([
        api.json<Project>('GET', `/api/projects/${id}`),
        api.json<Collaborator[]>('GET', `/api/projects/${id}/collaborators`),
      ]);
      const view = new IdeView({ api, palette, go, signOut: () => void signOut() }, p, members);
      show(view.el);
      ide = view;
      document.title = `${p.name} — Vaporform`;
      await view.start();
    } catch (e) {
      notify((e as Error).message, 'error');
      go('#/projects');
    }
    return;
  }
  document.title = 'Vaporform';
  if (route.startsWith('#/settings')) {
    const view = new SettingsView(api, header(), () => go('#/login'));
    show(view.el);
    await view.load();
    return;
  }
  const view = new ProjectsView(api, go, header());
  show(view.el);
  projects = view;
  palette.set([
    { id: 'new-project', title: 'New project', run: () => void view.create() },
    { id: 'settings', title: 'Settings and API tokens', run: () => go('#/settings') },
    { id: 'sign-out', title: 'Sign out', run: () => void signOut() },
  ]);
  await view.load();
}

document.addEventListener('keydown', (e) => {
  if (ide || palette.isOpen || !api.signedIn) return; // the IDE handles its own shortcuts
  if (matches(e, 'Ctrl+K') || matches(e, 'Ctrl+Shift+P')) { e.preventDefault(); palette.open(); }
});
window.addEventListener('hashchange', () => void render());

(async () => {
  root.append(h('p', { class: 'loading' }, 'Loading…'));
  try { await api.restore(); } catch { /* not signed in */ }
  await render();
})();
