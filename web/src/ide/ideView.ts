import type { Api } from '../api/client';
import type { Collaborator, Project, WorkspaceStatus } from '../api/types';
import { AiPanel } from '../ai/aiPanel';
import { ChatPanel } from '../chat/chatPanel';
import { ProjectSession } from '../collab/project-session';
import { EditorPane } from '../editor/editorPane';
import { OpenTabsMemory } from '../editor/openTabsMemory';
import { FileTree } from '../files/fileTree';
import { HistoryPanel } from '../history/historyPanel';
import { CommandPalette, matches, type Command } from '../palette/palette';
import { SearchPanel } from '../search/searchPanel';
import { openShareDialog } from '../share/shareDialog';
import { TerminalPanel } from '../terminal/terminalPanel';
import { h } from '../ui/dom';
import { notify } from '../ui/notify';
import { TabbedPanel } from '../ui/tabs';
import { WorkspaceControls } from '../workspace/workspacePanel';

export interface IdeHost {
  api: Api;
  palette: CommandPalette;
  go: (route: string) => void;
  signOut: () => void;
}

const STATE_TEXT: Record<string, string> = {
  online: 'Connected', connecting: 'Connecting…', offline: 'Offline — reconnecting; your edits are kept', closed: 'Disconnected',
};

/** The status while offline: how many edits wait to be sent, if any. */
function offlineText(unsaved: number): string {
  return unsaved > 0 ? `Offline — ${unsaved} unsaved edit${unsaved === 1 ? '' : 's'}` : STATE_TEXT.offline;
}

/** The IDE for one project: files, editor tabs, live collaboration, workspace, terminals, chat and AI. */
export class IdeView {
  readonly el: HTMLElement;
  private readonly session: ProjectSession;
  private readonly editor: EditorPane;
  private readonly openTabs: OpenTabsMemory;
  private readonly tree: FileTree;
  private readonly terminals: TerminalPanel;
  private readonly workspace: WorkspaceControls;
  private readonly chat: ChatPanel;
  private readonly ai: AiPanel;
  private readonly search: SearchPanel;
  private readonly history: HistoryPanel;
  private readonly left: TabbedPanel;
  private readonly right: TabbedPanel;
  private readonly bottom: TabbedPanel;
  private readonly stateBadge: HTMLElement;
  private readonly names = new Map<string, string>();
  private readonly readOnly: boolean;
  private readonly onKey = (e: KeyboardEvent) => this.shortcut(e);
  private disposers: (() => void)[] = [];

  constructor(private readonly host: IdeHost, project: Project, members: Collaborator[]) {
    const { api } = host;
    const me = api.user!;
    this.readOnly = project.role === 'viewer';
    for (const m of members) this.names.set(m.userId, m.name);
    this.names.set(me.id, me.name);
    const nameOf = (userId: string) => this.names.get(userId) ?? this.session?.participants.get(userId)?.name ?? 'Someone';

    this.session = new ProjectSession(api, project.id);
    this.openTabs = new OpenTabsMemory(me.id, project.id);
    this.editor = new EditorPane({
      session: this.session, readOnly: this.readOnly, userId: me.id, nameOf,
      onActiveChange: (path) => { this.history.show(path); this.setMobilePane('editor'); },
      saveAs: (path, text) => void this.tree.saveAs(path, text),
      tabsChanged: (tabs) => this.openTabs.save(tabs),
    });
    this.tree = new FileTree({
      api, projectId: project.id, readOnly: this.readOnly,
      open: (path) => void this.editor.open(path),
      moved: (from, to) => this.editor.follow(from, to), deleted: (path) => this.editor.markDeleted(path, 'you'),
    });
    this.workspace = new WorkspaceControls(api, project.id, !this.readOnly);
    this.terminals = new TerminalPanel(api, project.id, !this.readOnly, () => this.workspace.status === 'running');
    this.chat = new ChatPanel(this.session, { id: me.id, name: me.name });
    this.ai = new AiPanel({
      api, projectId: project.id,
      selection: () => this.editor.selection(),
      applyLive: (edit) => this.editor.applyEdit(edit.path, edit.search, edit.replace),
      isOpen: (path) => this.editor.isOpen(path),
    });
    this.search = new SearchPanel(api, project.id, (path, line) => void this.editor.open(path, line));
    this.history = new HistoryPanel({
      api, projectId: project.id, readOnly: this.readOnly, nameOf,
      currentText: (path) => this.editor.textOf(path), replaceText: (path, text) => this.editor.replaceText(path, text),
    });

    this.left = new TabbedPanel('Project').add('files', 'Files', this.tree.el).add('search', 'Search', this.search.el).add('history', 'History', this.history.el);
    this.right = new TabbedPanel('Talk').add('chat', 'Chat', this.chat.el);
    if (!this.readOnly) this.right.add('ai', 'AI', this.ai.el);
    this.bottom = new TabbedPanel('Workspace', (name) => {
      this.workspace?.setLogsVisible(name === 'logs');
      if (name === 'terminal') requestAnimationFrame(() => this.terminals.fitActive());
    })
      .add('terminal', 'Terminal', this.terminals.el).add('logs', 'Logs', this.workspace.logsEl);

    this.stateBadge = h('span', { class: 'connection-state', id: 'connection-state', role: 'status', 'data-state': 'connecting' }, STATE_TEXT.connecting);
    const topbar = h('header', { class: 'topbar' },
      h('button', { type: 'button', class: 'icon-button', title: 'All projects', 'aria-label': 'All projects', onclick: () => host.go('#/projects') }, '◂'),
      h('h1', { class: 'project-name', title: project.description ?? '' }, project.name),
      h('span', { class: 'role-badge', 'data-role': project.role }, project.role),
      this.stateBadge, this.chat.participantsEl,
      h('span', { class: 'spacer' }),
      this.workspace.el,
      h('button', { type: 'button', class: 'small', id: 'share-project', onclick: () => this.share(project) }, 'Share'),
      h('button', { type: 'button', class: 'small', title: 'Commands (Ctrl+K)', onclick: () => this.openPalette() }, '⌘K'),
    );
    const nav = h('nav', { class: 'mobile-nav', 'aria-label': 'Panels' },
      ...(['files', 'editor', 'terminal', 'chat', ...(this.readOnly ? [] : ['ai'])]).map((p) =>
        h('button', { type: 'button', 'data-pane': p, onclick: () => this.showPane(p) }, p === 'ai' ? 'AI' : p[0].toUpperCase() + p.slice(1))));
    this.el = h('div', { class: 'ide', 'data-role': project.role, 'data-mobile-pane': 'files' },
      topbar,
      h('aside', { class: 'left', 'data-pane': 'files' }, this.left.el),
      h('main', { class: 'center', 'data-pane': 'editor' }, this.editor.el),
      h('aside', { class: 'right', 'data-pane': 'chat' }, this.right.el),
      h('section', { class: 'bottom', 'data-pane': 'terminal' }, this.bottom.el),
      nav);

    this.disposers.push(this.session.onStateChange(() => this.renderState()));
    this.disposers.push(this.session.on((e) => {
      switch (e.type) {
        case 'file.changed': if (!this.tree.knows(String(e.path))) this.tree.refreshSoon(); this.history.changed(String(e.path)); break;
        case 'file.deleted': this.tree.refreshSoon(); this.editor.markDeleted(String(e.path), e.userId ? (e.userId === me.id ? 'you' : nameOf(String(e.userId))) : null); break;
        case 'file.moved': this.tree.refreshSoon(); this.editor.follow(String(e.from), String(e.to), e.userId && e.userId !== me.id ? nameOf(String(e.userId)) : null); break;
        case 'workspace.status': this.workspace.show(e.status as WorkspaceStatus, e.detail as string | undefined); break;
        case 'ai.edit': if (e.userId !== me.id) notify(`${nameOf(String(e.userId))} applied an AI edit to ${e.path}.`); break;
        case 'participant.joined': if (e.name) this.names.set(String(e.userId), String(e.name)); break;
        case 'session.closed': this.closed(String(e.reason)); break;
      }
    }));
    const pendingTimer = setInterval(() => this.renderState(), 1000);
    this.disposers.push(() => clearInterval(pendingTimer));
    this.workspace.onStatus((s) => { this.terminals.workspaceChanged(); if (s === 'running') this.terminals.fitActive(); });
    document.addEventListener('keydown', this.onKey, true);
    host.palette.set(this.commands());
  }

  async start(): Promise<void> {
    this.session.start();
    await Promise.all([this.tree.refresh(), this.workspace.refresh()]);
    this.terminals.restore();
    const tabs = this.openTabs.load();
    await this.editor.restore({ paths: tabs.paths.filter((p) => this.tree.knows(p)), active: tabs.active });
  }

  private renderState() {
    const state = this.session.state;
    const pending = this.session.hasPendingEdits();
    this.stateBadge.dataset.state = state;
    this.stateBadge.textContent = state === 'offline' ? offlineText(pending ? this.session.unsavedEdits : 0)
      : STATE_TEXT[state] + (pending && state === 'online' ? ' · saving…' : '');
  }

  private closed(reason: string) {
    const text = reason === 'project-access-revoked' ? 'You were removed from this project.'
      : reason === 'project-not-found' ? 'This project was deleted.'
      : reason === 'session-ended' ? 'Your session has ended. Please sign in again.' : 'The connection was closed by the server.';
    notify(text, 'error');
    if (reason === 'session-ended') this.host.signOut();
    else this.host.go('#/projects');
  }

  private share(project: Project) {
    openShareDialog({ api: this.host.api, project, onMembersChanged: (changed) => this.session.on((e) => { if (e.type === 'members.changed') changed(); }) });
  }

  private setMobilePane(pane: string) { if (window.innerWidth <= 760) this.el.dataset.mobilePane = pane; }

  showPane(pane: string): void {
    this.el.dataset.mobilePane = pane;
    if (pane === 'files') this.left.show('files');
    if (pane === 'chat') { this.right.show('chat'); this.chat.focus(); }
    if (pane === 'ai') { this.right.show('ai'); this.ai.focus(); }
    if (pane === 'terminal') { this.bottom.show('terminal'); requestAnimationFrame(() => { this.terminals.fitActive(); this.terminals.focus(); }); }
  }

  private openPalette() { this.host.palette.open(); }

  private quickOpen() {
    this.host.palette.open(this.tree.paths.map((p) => ({ id: `open:${p}`, title: p, run: () => void this.editor.open(p) })), 'Open a file by name…');
  }

  private commands(): Command[] {
    const w = () => !this.readOnly;
    return [
      { id: 'open', title: 'Open file…', shortcut: 'Ctrl+P', run: () => this.quickOpen() },
      { id: 'new-file', title: 'New file', shortcut: 'Alt+N', run: () => void this.tree.newFile(), enabled: w },
      { id: 'new-folder', title: 'New folder', run: () => void this.tree.newFolder(), enabled: w },
      { id: 'download', title: 'Download the project as a zip', run: () => void this.tree.download() },
      { id: 'search', title: 'Find in files', shortcut: 'Ctrl+Shift+F', run: () => { this.showPane('files'); this.left.show('search'); this.search.focus(); } },
      { id: 'history', title: 'File history', shortcut: 'Alt+H', run: () => { this.showPane('files'); this.left.show('history'); } },
      { id: 'close-tab', title: 'Close the current tab', shortcut: 'Alt+W', run: () => { const a = this.editor.active; if (a) this.editor.close(a.path); } },
      { id: 'ws-start', title: 'Start the workspace', run: () => void this.workspace.start(), enabled: w },
      { id: 'ws-stop', title: 'Stop the workspace', run: () => void this.workspace.stop(), enabled: w },
      { id: 'ws-restart', title: 'Restart the workspace', run: () => void this.workspace.restart(), enabled: w },
      { id: 'terminal', title: 'New terminal', shortcut: 'Ctrl+`', run: () => { this.showPane('terminal'); this.terminals.create(); }, enabled: w },
      { id: 'logs', title: 'Show workspace logs', run: () => { this.showPane('terminal'); this.bottom.show('logs'); } },
      { id: 'chat', title: 'Chat', shortcut: 'Alt+C', run: () => this.showPane('chat') },
      { id: 'ai', title: 'Ask the AI', shortcut: 'Ctrl+Shift+A', run: () => this.showPane('ai'), enabled: w },
      { id: 'reconnect', title: 'Reconnect now', run: () => this.session.dropConnections() },
      { id: 'projects', title: 'Go to all projects', run: () => this.host.go('#/projects') },
      { id: 'settings', title: 'Settings and API tokens', run: () => this.host.go('#/settings') },
      { id: 'sign-out', title: 'Sign out', run: () => this.host.signOut() },
    ];
  }

  private shortcut(e: KeyboardEvent) {
    if (this.host.palette.isOpen || document.querySelector('.backdrop')) return;
    for (const c of this.commands()) {
      if (c.shortcut && matches(e, c.shortcut) && (c.enabled?.() ?? true)) { e.preventDefault(); e.stopPropagation(); c.run(); return; }
    }
    if (matches(e, 'Ctrl+K') || matches(e, 'Ctrl+Shift+P')) { e.preventDefault(); e.stopPropagation(); this.openPalette(); }
  }

  destroy(): void {
    document.removeEventListener('keydown', this.onKey, true);
    for (const d of this.disposers) d();
    this.editor.destroy();
    this.terminals.destroy();
    this.workspace.destroy();
    this.session.close();
  }
}
