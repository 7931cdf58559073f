import ShareDB, { type Connection, type Doc, type SocketLike } from 'sharedb/lib/client';
import type { Api } from '../api/client';
import type { ChatMessage, Participant } from '../api/types';
import { registerTextType } from './textType';
import { DEFAULT_LIMITS, formatSize, type CollabLimits } from './limits';
import { ReconnectingSocket, socketUrl, type LinkState } from './reconnecting';

export interface ProjectEvent { type: string; projectId?: string; at?: string; [key: string]: unknown }

type Listener = (event: ProjectEvent) => void;

// sharedb needs a socket at construction; this one is closed until the first real one binds.
const NOT_YET: SocketLike = {
  readyState: 3, send() {}, close() {}, onmessage: null, onopen: null, onclose: null, onerror: null,
};

/**
 * Everything live about one open project: the sharedb connection on /ws/collab (documents,
 * presence), and the /ws/events stream (participants, chat, file and workspace events). Both
 * reconnect by themselves; sharedb keeps typed ops and resends them once the socket is back.
 * What the server would refuse for good is never sent (a frame over its limit is answered here
 * with an error, so sharedb rolls the op back instead of resending it after every reconnect),
 * and leaving the page with edits not yet acknowledged asks first.
 */
export class ProjectSession {
  readonly connection: Connection;
  private readonly collab: ReconnectingSocket;
  private readonly events: ReconnectingSocket;
  private readonly listeners = new Set<Listener>();
  private readonly stateListeners = new Set<() => void>();
  readonly participants = new Map<string, Participant>();
  collabState: LinkState = 'connecting';
  eventsState: LinkState = 'connecting';
  finalReason: string | null = null;
  /** The server's limits, from its handshake. */
  limits: CollabLimits = DEFAULT_LIMITS;
  /** Local edits (one per editor transaction) not yet acknowledged by the server. */
  unsavedEdits = 0;
  private readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!this.hasPendingEdits()) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers ask only when a value is set
  };

  constructor(private readonly api: Api, readonly projectId: string) {
    registerTextType();
    this.connection = new ShareDB.Connection(NOT_YET);
    this.connection.on('error', () => {});
    this.collab = new ReconnectingSocket({
      open: async () => new WebSocket(socketUrl(`/ws/collab?ticket=${encodeURIComponent(await api.ticket())}`)),
      attach: (socket) => { this.guard(socket); this.connection.bindToSocket(socket); },
      onState: (s) => { this.collabState = s; this.changed(); },
      onFinal: (reason) => this.final(reason),
      ping: (socket) => socket.send(JSON.stringify({ a: 'pp' })),
    });
    this.events = new ReconnectingSocket({
      open: async () => new WebSocket(socketUrl(`/ws/events?ticket=${encodeURIComponent(await api.ticket())}`)),
      attach: (socket) => this.attachEvents(socket),
      onState: (s) => { this.eventsState = s; this.changed(); },
      onFinal: (reason) => this.final(reason),
      ping: (socket) => socket.send(JSON.stringify({ type: 'ping' })),
    });
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  /**
   * Reads the server's limits from its first frame, and keeps frames over the limit off the
   * wire: the server would close the socket (1009) and sharedb would resend the same op after
   * every reconnect. An op is refused here instead, as the server refuses one, so it is rolled back.
   */
  private guard(socket: WebSocket): void {
    socket.addEventListener('message', (m) => {
      try {
        const frame = JSON.parse(String(m.data)) as { limits?: Partial<CollabLimits> };
        if (frame.limits) this.limits = { ...DEFAULT_LIMITS, ...frame.limits };
      } catch { /* not JSON: sharedb says so */ }
    }, { once: true });
    const send = socket.send.bind(socket);
    socket.send = (data: string | ArrayBufferLike | Blob | ArrayBufferView) => {
      if (typeof data !== 'string' || data.length <= this.limits.maxMessageSize) return send(data);
      const request = JSON.parse(data) as Record<string, unknown>;
      if (request.a !== 'op') return; // only ops grow with the text; nothing else gets near the limit
      const error = { code: 'ERR_MESSAGE_TOO_LARGE', message: `The change is larger than the ${formatSize(this.limits.maxMessageSize)} the server takes at once.` };
      setTimeout(() => this.connection.handleMessage({ ...request, error }));
    };
  }

  /** Counts one local edit as unsaved; the returned function marks it saved (or refused). */
  beginEdit(): () => void {
    this.unsavedEdits++;
    this.changed();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.unsavedEdits--;
      this.changed();
    };
  }

  start(): void {
    this.collab.start();
    this.events.start();
  }

  /** The combined state shown to the user. */
  get state(): LinkState {
    if (this.finalReason) return 'closed';
    if (this.collabState === 'online' && this.eventsState === 'online') return 'online';
    if (this.collabState === 'connecting' && this.eventsState !== 'offline') return 'connecting';
    return this.collabState === 'online' && this.eventsState === 'connecting' ? 'connecting' : 'offline';
  }

  /** Does any open document hold edits the server has not acknowledged yet? */
  hasPendingEdits(): boolean {
    const docs = (this.connection as unknown as { collections: Record<string, Record<string, Doc>> }).collections ?? {};
    return Object.values(docs).some((c) => Object.values(c).some((d) => d.hasWritePending()));
  }

  doc(path: string): Doc { return this.connection.get(this.projectId, path); }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStateChange(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private changed() { for (const l of this.stateListeners) l(); }

  private final(reason: string) {
    this.finalReason = reason;
    this.changed();
    this.emit({ type: 'session.closed', reason });
  }

  private attachEvents(socket: WebSocket) {
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'subscribe', projectId: this.projectId })));
    socket.addEventListener('message', (m) => {
      let frame: ProjectEvent;
      try { frame = JSON.parse(String(m.data)) as ProjectEvent; } catch { return; }
      this.track(frame);
      this.emit(frame);
    });
  }

  private track(frame: ProjectEvent) {
    if (frame.type === 'subscribed') {
      this.participants.clear();
      for (const p of (frame.participants as Participant[] | undefined) ?? []) this.participants.set(p.userId, p);
    } else if (frame.type === 'participant.joined') {
      this.participants.set(String(frame.userId), frame as unknown as Participant);
    } else if (frame.type === 'participant.left') {
      this.participants.delete(String(frame.userId));
    }
  }

  private emit(frame: ProjectEvent) { for (const l of this.listeners) l(frame); }

  private sendEvent(frame: object): boolean {
    const socket = this.events.current;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  /** Sends a chat message; false while the events socket is down. */
  chat(text: string, clientId: string): boolean {
    return this.sendEvent({ type: 'chat', projectId: this.projectId, text, clientId });
  }

  async chatHistory(): Promise<ChatMessage[]> {
    const page = await this.api.json<{ items: ChatMessage[] }>('GET', `/api/projects/${this.projectId}/chat?limit=50`);
    return page.items.slice().reverse();
  }

  /** Drops both sockets now; they come back by themselves (the "network drop" drill). */
  dropConnections(): void {
    this.collab.drop();
    this.events.drop();
  }

  close(): void {
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.collab.stop();
    this.events.stop();
    try { this.connection.close(); } catch { /* already closed */ }
  }
}
