import type { Api } from '../api/client';
import { readEvents } from '../api/sse';
import type { Workspace, WorkspaceStatus } from '../api/types';
import { h } from '../ui/dom';
import { attempt } from '../ui/notify';

const LABELS: Record<WorkspaceStatus, string> = {
  none: 'No workspace', creating: 'Creating…', starting: 'Starting…', running: 'Running',
  stopping: 'Stopping…', stopped: 'Stopped', failed: 'Failed',
};
const BUSY = new Set<WorkspaceStatus>(['creating', 'starting', 'stopping']);

/** The workspace's status with start/stop/restart (top bar), and its logs (bottom panel). */
export class WorkspaceControls {
  readonly el: HTMLElement;
  readonly logsEl: HTMLElement;
  private readonly badge: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly logOutput: HTMLElement;
  status: WorkspaceStatus = 'none';
  private logsAbort: AbortController | null = null;
  private readonly listeners = new Set<(s: WorkspaceStatus) => void>();

  constructor(private readonly api: Api, private readonly projectId: string, private readonly canControl: boolean) {
    this.badge = h('span', { class: 'ws-status', 'data-status': 'none', id: 'workspace-status', role: 'status' }, LABELS.none);
    this.progress = h('span', { class: 'spinner hidden', 'aria-hidden': 'true' });
    const button = (label: string, action: string) =>
      h('button', { type: 'button', class: 'small needs-write', 'data-action': `workspace-${action}`, onclick: () => void this.act(action) }, label);
    this.el = h('div', { class: 'workspace-controls', 'aria-label': 'Workspace' },
      this.progress, this.badge, button('Start', 'start'), button('Stop', 'stop'), button('Restart', 'restart'));
    this.logOutput = h('pre', { class: 'logs-output', 'aria-live': 'off' });
    this.logsEl = h('section', { class: 'logs-panel', 'aria-label': 'Workspace logs' },
      h('div', { class: 'panel-toolbar' }, h('span', { class: 'panel-title' }, 'Logs'),
        h('button', { type: 'button', class: 'small', onclick: () => { this.logOutput.textContent = ''; } }, 'Clear')),
      this.logOutput);
  }

  onStatus(listener: (s: WorkspaceStatus) => void): void { this.listeners.add(listener); }

  async refresh(): Promise<void> {
    const w = await attempt(() => this.api.json<Workspace>('GET', `/api/projects/${this.projectId}/workspace`));
    if (w) this.show(w.status, w.detail);
  }

  /** A workspace.status event or an answer arrived. */
  show(status: WorkspaceStatus, detail?: string): void {
    const was = this.status;
    this.status = status;
    this.badge.textContent = LABELS[status] ?? status;
    this.badge.dataset.status = status;
    this.badge.title = detail ?? '';
    this.progress.classList.toggle('hidden', !BUSY.has(status));
    for (const b of this.el.querySelectorAll<HTMLButtonElement>('button')) {
      const action = b.dataset.action;
      b.disabled = !this.canControl || BUSY.has(status)
        || (action === 'workspace-start' && status === 'running')
        || (action === 'workspace-stop' && status !== 'running')
        // nothing to restart before a workspace exists or while it is stopped: Start is the way
        || (action === 'workspace-restart' && (status === 'none' || status === 'stopped'));
    }
    if (status === 'running' && was !== 'running' && this.logsVisible) this.followLogs();
    for (const l of this.listeners) l(status);
  }

  private async act(action: string): Promise<void> {
    this.show(action === 'stop' ? 'stopping' : 'starting');
    const w = await attempt(() => this.api.json<Workspace>('POST', `/api/projects/${this.projectId}/workspace/${action}`));
    if (w) this.show(w.status, w.detail); else await this.refresh();
  }

  start(): Promise<void> { return this.act('start'); }
  stop(): Promise<void> { return this.act('stop'); }
  restart(): Promise<void> { return this.act('restart'); }

  private logsVisible = false;

  /**
   * The logs stream only while the Logs tab is shown: the server holds a streaming request
   * open per follower and only notices a vanished browser when it next writes.
   */
  setLogsVisible(visible: boolean): void {
    if (visible === this.logsVisible) return;
    this.logsVisible = visible;
    if (!visible) { this.logsAbort?.abort(); this.logsAbort = null; }
    else if (this.status === 'running') this.followLogs();
  }

  /** Streams the container's output into the logs panel while the workspace runs. */
  private followLogs(): void {
    this.logsAbort?.abort();
    const abort = new AbortController();
    this.logsAbort = abort;
    void (async () => {
      try {
        const response = await this.api.request('GET', `/api/projects/${this.projectId}/workspace/logs`,
          { signal: abort.signal, headers: { accept: 'text/event-stream' } });
        await readEvents(response, (e) => {
          this.logOutput.append(e.data + '\n');
          if (this.logOutput.childNodes.length > 2000) this.logOutput.firstChild?.remove();
          this.logOutput.scrollTop = this.logOutput.scrollHeight;
        });
      } catch { /* the stream ended or the workspace stopped */ }
    })();
  }

  destroy(): void { this.logsAbort?.abort(); }
}
