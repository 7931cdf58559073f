import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { Api } from '../api/client';
import { socketUrl } from '../collab/reconnecting';
import { clear, h } from '../ui/dom';

interface TerminalTab {
  id: string;
  title: string;
  term: Terminal;
  fit: FitAddon;
  host: HTMLElement;
  tab: HTMLElement;
  socket: WebSocket | null;
  attempt: number;
  ended: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Terminals into the workspace (xterm.js over /ws/terminal), several tabs. A dropped socket
 * reconnects to the same session id and the server replays recent output; session ids live in
 * sessionStorage, so a reload finds its shells again.
 */
export class TerminalPanel {
  readonly el: HTMLElement;
  private readonly tabBar: HTMLElement;
  private readonly body: HTMLElement;
  private readonly tabs: TerminalTab[] = [];
  private active: TerminalTab | null = null;
  private counter = 0;
  private readonly storageKey: string;
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly api: Api, private readonly projectId: string, private readonly canUse: boolean,
              private readonly workspaceRunning: () => boolean) {
    this.storageKey = `vaporform.terminals.${projectId}`;
    this.tabBar = h('div', { class: 'tabs terminal-tabs', role: 'tablist', 'aria-label': 'Terminals' });
    this.body = h('div', { class: 'terminal-body' });
    const add = h('button', { type: 'button', class: 'small needs-write', title: 'New terminal (Ctrl+`)', 'aria-label': 'New terminal', onclick: () => this.create() }, '+ Terminal');
    this.el = h('section', { class: 'terminal-panel', 'aria-label': 'Terminals' }, h('div', { class: 'panel-toolbar' }, this.tabBar, add), this.body);
    this.resizeObserver = new ResizeObserver(() => this.fitActive());
    this.resizeObserver.observe(this.body);
    this.showHint();
  }

  private showHint() {
    if (this.tabs.length) return;
    clear(this.body);
    this.body.append(h('p', { class: 'muted hint' }, !this.canUse ? 'Viewers cannot open terminals.'
      : this.workspaceRunning() ? 'The workspace is running: open a terminal with + Terminal (Ctrl+`).'
        : 'Start the workspace, then open a terminal with + Terminal (Ctrl+`).'));
  }

  /** The workspace's status changed (whoever changed it): the hint says what can be done now. */
  workspaceChanged(): void { this.showHint(); }

  /** Reopens the terminals this tab had before a reload (their output is replayed). */
  restore(): void {
    if (!this.canUse) return;
    const ids = JSON.parse(sessionStorage.getItem(this.storageKey) ?? '[]') as string[];
    // Reopened in the background: the keyboard stays where the person is (the editor, say).
    for (const id of ids) this.create(id, false);
  }

  private remember() {
    sessionStorage.setItem(this.storageKey, JSON.stringify(this.tabs.filter((t) => !t.ended).map((t) => t.id)));
  }

  /** Opens a terminal tab; `focus` false leaves the keyboard where it is. */
  create(id: string = crypto.randomUUID(), focus = true): void {
    if (!this.canUse) return;
    if (this.tabs.length === 0) clear(this.body);
    const term = new Terminal({ cursorBlink: true, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13,
      theme: { background: '#0f1117' }, convertEol: false, scrollback: 5000 });
    const fit = new FitAddon();
    term.loadAddon(fit);
    const host = h('div', { class: 'terminal-host', 'data-session': id });
    const title = `Terminal ${++this.counter}`;
    const tab = h('div', { class: 'tab', role: 'tab' },
      h('button', { type: 'button', class: 'tab-name', onclick: () => this.activate(t) }, title),
      h('button', { type: 'button', class: 'tab-close', 'aria-label': `Close ${title}`, onclick: () => this.close(t) }, '×'));
    const t: TerminalTab = { id, title, term, fit, host, tab, socket: null, attempt: 0, ended: false, timer: null };
    this.tabs.push(t);
    this.tabBar.append(tab);
    this.activate(t, focus);
    term.open(host);
    this.fitActive();
    term.onData((data) => this.send(t, { type: 'input', data }));
    term.onResize(({ cols, rows }) => this.send(t, { type: 'resize', cols, rows }));
    this.remember();
    void this.connect(t);
  }

  private send(t: TerminalTab, frame: object) {
    if (t.socket?.readyState === WebSocket.OPEN) t.socket.send(JSON.stringify(frame));
  }

  private async connect(t: TerminalTab): Promise<void> {
    if (t.ended || !this.tabs.includes(t)) return;
    t.timer = null;
    if (!this.workspaceRunning()) {
      t.term.write('\r\n\x1b[33mWaiting for the workspace to run…\x1b[0m\r\n');
      t.timer = setTimeout(() => void this.connect(t), 2000);
      return;
    }
    let ticket: string;
    try {
      ticket = await this.api.ticket();
    } catch {
      this.retry(t);
      return;
    }
    const { cols, rows } = t.term;
    const socket = new WebSocket(socketUrl(`/ws/terminal?project=${this.projectId}&session=${t.id}&cols=${cols}&rows=${rows}&ticket=${encodeURIComponent(ticket)}`));
    t.socket = socket;
    let refused: string | null = null;
    let first = true;
    socket.addEventListener('open', () => { t.attempt = 0; t.host.dataset.state = 'online'; });
    socket.addEventListener('message', (m) => {
      const data = String(m.data);
      if (data.startsWith('{"') && data.includes('"type":"error"')) {
        try { const e = JSON.parse(data) as { code: string; detail?: string }; refused = e.detail ?? e.code; return; } catch { /* output */ }
      }
      if (first) { first = false; t.term.reset(); } // the replay redraws what was there
      t.term.write(data);
    });
    socket.addEventListener('close', (e) => {
      if (t.socket !== socket) return;
      t.socket = null;
      t.host.dataset.state = 'offline';
      if (refused || e.code === 1008 || e.code === 1003) {
        t.term.write(`\r\n\x1b[31m${refused ?? 'The terminal was refused.'}\x1b[0m\r\n`);
        if (/running|start/i.test(refused ?? '')) { t.timer = setTimeout(() => void this.connect(t), 3000); return; }
        t.ended = true;
        this.remember();
        return;
      }
      if (e.code === 1000) {
        t.ended = true;
        t.term.write('\r\n\x1b[90m[the shell has ended — open a new terminal with + Terminal]\x1b[0m\r\n');
        this.remember();
        return;
      }
      t.term.write('\r\n\x1b[90m[connection lost, reconnecting…]\x1b[0m');
      this.retry(t);
    });
  }

  private retry(t: TerminalTab) {
    if (t.timer) return;
    t.timer = setTimeout(() => void this.connect(t), Math.min(8000, 500 * 2 ** t.attempt++));
  }

  activate(t: TerminalTab, focus = true): void {
    this.active = t;
    for (const x of this.tabs) x.tab.classList.toggle('active', x === t);
    clear(this.body);
    this.body.append(t.host);
    requestAnimationFrame(() => { this.fitActive(); if (focus) t.term.focus(); });
  }

  fitActive(): void {
    const t = this.active;
    if (!t || !t.host.isConnected || t.host.clientWidth === 0) return;
    try { t.fit.fit(); } catch { /* not laid out yet */ }
  }

  focus(): void { this.active?.term.focus(); }

  close(t: TerminalTab): void {
    t.ended = true;
    if (t.timer) clearTimeout(t.timer);
    t.socket?.close();
    t.term.dispose();
    t.tab.remove();
    this.tabs.splice(this.tabs.indexOf(t), 1);
    this.remember();
    if (this.active === t) {
      this.active = null;
      const next = this.tabs[this.tabs.length - 1];
      if (next) this.activate(next); else this.showHint();
    }
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    for (const t of [...this.tabs]) {
      t.ended = true;
      if (t.timer) clearTimeout(t.timer);
      t.socket?.close();
      t.term.dispose();
    }
  }
}
