export type LinkState = 'connecting' | 'online' | 'offline' | 'closed';

/** Close codes/reasons after which reconnecting is pointless. */
const FINAL_REASONS = new Set(['project-access-revoked', 'project-not-found', 'session-ended', 'too-many-connections']);

export interface ReconnectingOptions {
  /** Opens a fresh socket (with a fresh ticket); may throw when the server is unreachable. */
  open: () => Promise<WebSocket>;
  /** Called with every new socket before it opens (bind handlers here). */
  attach: (socket: WebSocket) => void;
  onState?: (state: LinkState, reason?: string) => void;
  /** Called when the server closed the socket for good (access revoked, session ended). */
  onFinal?: (reason: string) => void;
}

/**
 * Keeps one WebSocket open: after a drop it waits (0.5 s doubling to 10 s, sooner when the
 * browser says it is back online) and opens a new socket with a new ticket.
 */
export class ReconnectingSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  state: LinkState = 'connecting';

  constructor(private readonly options: ReconnectingOptions) {
    this.onOnline = this.onOnline.bind(this);
    window.addEventListener('online', this.onOnline);
  }

  start(): void { void this.connect(); }

  get current(): WebSocket | null { return this.socket; }

  private setState(state: LinkState, reason?: string) {
    this.state = state;
    this.options.onState?.(state, reason);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.timer = null;
    this.setState(this.attempt === 0 ? 'connecting' : 'offline');
    let socket: WebSocket;
    try {
      socket = await this.options.open();
    } catch {
      this.retry();
      return;
    }
    if (this.stopped) { socket.close(); return; }
    this.socket = socket;
    socket.addEventListener('open', () => { this.attempt = 0; this.setState('online'); });
    socket.addEventListener('close', (e) => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      if (FINAL_REASONS.has(e.reason)) {
        this.stopped = true;
        this.setState('closed', e.reason);
        this.options.onFinal?.(e.reason);
        return;
      }
      this.retry();
    });
    this.options.attach(socket);
  }

  private retry(): void {
    if (this.stopped || this.timer) return;
    this.setState('offline');
    const delay = Math.min(10_000, 500 * 2 ** this.attempt++);
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private onOnline(): void {
    if (this.stopped || this.socket) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.connect();
  }

  /** Closes the socket now (it reconnects unless stopped): used to test and after sleep. */
  drop(): void { this.socket?.close(); }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    if (this.timer) clearTimeout(this.timer);
    const s = this.socket;
    this.socket = null;
    s?.close();
    this.setState('closed');
  }
}

/** ws(s)://host/path for the page's own origin. */
export function socketUrl(path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
