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
  /** Sends an application-level ping that the server answers; without it the socket is never judged dead. */
  ping?: (socket: WebSocket) => void;
}

/** An open socket is pinged after this long without a message from the server... */
const PING_AFTER = 10_000;
/** ...and judged dead (as if closed) when nothing at all comes back within this long. */
const REPLY_WITHIN = 4_000;

/**
 * Keeps one WebSocket open: after a drop it waits (0.5 s doubling to 10 s, sooner when the
 * browser says it is back online) and opens a new socket with a new ticket. A network that goes
 * away often closes nothing, so the socket counts as dropped at once when the browser says it is
 * offline, and when a ping gets no reply (nothing at all from the server) within a few seconds.
 */
export class ReconnectingSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private heardAt = 0;
  private pingedAt = 0;
  private bufferedAtPing = 0;
  private readonly watchdog: ReturnType<typeof setInterval>;
  state: LinkState = 'connecting';

  constructor(private readonly options: ReconnectingOptions) {
    this.onOnline = this.onOnline.bind(this);
    this.onOffline = this.onOffline.bind(this);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.watchdog = setInterval(() => this.check(), 1000);
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
    this.heardAt = Date.now();
    this.pingedAt = 0;
    socket.addEventListener('open', () => { this.attempt = 0; this.heardAt = Date.now(); this.setState('online'); });
    socket.addEventListener('message', () => { if (this.socket === socket) this.heardAt = Date.now(); });
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

  /** Pings a quiet socket; declares it dead when a ping went unanswered (while nothing was being uploaded either). */
  private check(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN || !this.options.ping) return;
    const now = Date.now();
    if (this.pingedAt > this.heardAt) {
      // a large upload ahead of the ping delays its answer: that is progress, not a dead socket
      if (socket.bufferedAmount < this.bufferedAtPing) { this.pingedAt = now; this.bufferedAtPing = socket.bufferedAmount; return; }
      if (now - this.pingedAt > REPLY_WITHIN) this.dead(socket, 'no-reply');
      return;
    }
    if (now - this.heardAt < PING_AFTER) return;
    this.pingedAt = now;
    this.bufferedAtPing = socket.bufferedAmount;
    try { this.options.ping(socket); } catch { /* closing meanwhile */ }
  }

  /**
   * Treats the socket as closed now: a close event is dispatched on it (what sharedb and the
   * handlers listen for), then it is closed, which a dead network may never confirm.
   */
  private dead(socket: WebSocket, reason: string): void {
    if (this.socket !== socket) return;
    socket.dispatchEvent(new CloseEvent('close', { code: 4000, reason, wasClean: false }));
    try { socket.close(4000, reason); } catch { /* already closing */ }
  }

  private retry(): void {
    if (this.stopped || this.timer) return;
    this.setState('offline');
    const delay = Math.min(10_000, 500 * 2 ** this.attempt++);
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private onOffline(): void {
    if (this.stopped) return;
    if (this.socket) this.dead(this.socket, 'offline');
    else this.setState('offline');
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
    window.removeEventListener('offline', this.onOffline);
    clearInterval(this.watchdog);
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
