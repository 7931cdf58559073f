import type { Api } from '../api/client';
import { ReconnectingSocket, socketUrl } from '../collab/reconnecting';

/** A membership change of the signed-in user, as /ws/events sends it to all their sockets. */
export interface AccountEvent { type: 'project.added' | 'project.changed' | 'project.removed'; projectId: string; role?: string }

const TYPES = new Set(['project.added', 'project.changed', 'project.removed']);

/**
 * The signed-in user's own events: an /ws/events socket subscribed to no project, on which the
 * server announces projects the user joins, leaves or changes role in. While it reconnects,
 * changes may be missed, so a reconnect counts as a change too (the list reloads).
 */
export class AccountEvents {
  private readonly socket: ReconnectingSocket;
  private readonly ping: ReturnType<typeof setInterval>;
  private opened = false;

  constructor(api: Api, onChange: (event: AccountEvent | null) => void) {
    this.socket = new ReconnectingSocket({
      open: async () => new WebSocket(socketUrl(`/ws/events?ticket=${encodeURIComponent(await api.ticket())}`)),
      attach: (socket) => {
        socket.addEventListener('open', () => { if (this.opened) onChange(null); this.opened = true; });
        socket.addEventListener('message', (m) => {
          let frame: AccountEvent;
          try { frame = JSON.parse(String(m.data)) as AccountEvent; } catch { return; }
          if (TYPES.has(frame.type)) onChange(frame);
        });
      },
    });
    this.ping = setInterval(() => {
      const s = this.socket.current;
      if (s?.readyState === WebSocket.OPEN) s.send('{"type":"ping"}');
    }, 25_000);
    this.socket.start();
  }

  stop(): void {
    clearInterval(this.ping);
    this.socket.stop();
  }
}
