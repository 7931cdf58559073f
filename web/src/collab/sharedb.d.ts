// The parts of the sharedb client the IDE uses (sharedb 7 ships JavaScript only).
declare module 'sharedb/lib/client' {
  import type { TextOp } from 'ot-text-unicode';

  export type Callback = (error?: { code?: string; message: string } | null) => void;

  export interface Doc {
    collection: string;
    id: string;
    version: number | null;
    type: { uri: string; name: string } | null;
    data: unknown;
    connection: Connection;
    hasWritePending(): boolean;
    /** When true, a new op is queued on its own instead of composed into the last unsent one. */
    preventCompose: boolean;
    /** Ops not yet sent (the one in flight is `inflightOp`). */
    pendingOps: { op?: TextOp; create?: unknown; sentAt?: number }[];
    subscribe(callback?: Callback): void;
    unsubscribe(callback?: Callback): void;
    create(data: unknown, type: string, callback?: Callback): void;
    submitOp(op: TextOp, options?: { source?: unknown }, callback?: Callback): void;
    whenNothingPending(callback: () => void): void;
    destroy(callback?: Callback): void;
    on(event: 'op', listener: (op: TextOp, source: unknown) => void): void;
    on(event: 'load' | 'create' | 'del' | 'nothing pending', listener: () => void): void;
    on(event: 'error', listener: (error: Error) => void): void;
    removeListener(event: string, listener: (...args: never[]) => void): void;
  }

  export interface LocalPresence {
    presenceId: string;
    value: unknown;
    submit(value: unknown, callback?: Callback): void;
    destroy(callback?: Callback): void;
  }

  export interface Presence {
    remotePresences: Record<string, unknown>;
    subscribe(callback?: Callback): void;
    unsubscribe(callback?: Callback): void;
    create(id?: string): LocalPresence;
    destroy(callback?: Callback): void;
    on(event: 'receive', listener: (id: string, value: unknown) => void): void;
    on(event: 'error', listener: (error: Error) => void): void;
    removeListener(event: string, listener: (...args: never[]) => void): void;
  }

  export interface SocketLike {
    readyState: number;
    send(data: string): void;
    close(): void;
    onmessage: ((event: { data: string }) => void) | null;
    onopen: ((event?: unknown) => void) | null;
    onclose: ((event: { code?: number; reason?: string }) => void) | null;
    onerror: ((event?: unknown) => void) | null;
  }

  export class Connection {
    constructor(socket: SocketLike | WebSocket);
    state: string;
    id: string | null;
    get(collection: string, id: string): Doc;
    getDocPresence(collection: string, id: string): Presence;
    bindToSocket(socket: SocketLike | WebSocket): void;
    /** Handles a frame as if the server had sent it. */
    handleMessage(message: unknown): void;
    close(): void;
    on(event: 'state', listener: (state: string, reason: string) => void): void;
    on(event: 'error', listener: (error: Error) => void): void;
  }

  export const types: { register(type: unknown): void; map: Record<string, unknown> };
  const client: { Connection: typeof Connection; types: typeof types };
  export default client;
}
