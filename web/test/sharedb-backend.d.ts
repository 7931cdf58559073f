// The in-memory sharedb server, used by the binding tests only.
declare module 'sharedb' {
  import type { Connection } from 'sharedb/lib/client';
  export default class Backend {
    constructor(options?: { presence?: boolean; doNotForwardSendPresenceErrorsToClient?: boolean });
    connect(): Connection;
    /** Middleware: `next(error)` refuses the action with that error. */
    use(action: 'submit', fn: (context: unknown, next: (error?: unknown) => void) => void): void;
    static types: { register(type: unknown): void };
  }
}
