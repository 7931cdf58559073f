import { ApiError, describeProblem, type Problem } from './problems';
import type { SessionTokens, User } from './types';

const REFRESH_KEY = 'vaporform.refreshToken';

export interface RequestOptions {
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Talks to the API: attaches the access token, and on a 401 refreshes once (rotating the
 * refresh token kept in localStorage, so a reload keeps the session) and retries. Failures
 * become ApiErrors whose message is a sentence.
 */
export class Api {
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  user: User | null = null;
  onSignedOut: () => void = () => {};

  get signedIn(): boolean { return this.user !== null; }
  get token(): string | null { return this.accessToken; }

  /** Restores a session from the stored refresh token; false when there is none or it ended. */
  async restore(): Promise<boolean> {
    if (!localStorage.getItem(REFRESH_KEY)) return false;
    if (!(await this.refresh())) return false;
    this.user = await this.json<User>('GET', '/api/auth/me');
    return true;
  }

  async signIn(email: string, password: string): Promise<void> {
    this.adopt(await this.json<SessionTokens>('POST', '/api/auth/login', { json: { email, password } }, false));
  }

  async signUp(name: string, email: string, password: string): Promise<void> {
    this.adopt(await this.json<SessionTokens>('POST', '/api/auth/register', { json: { name, email, password } }, false));
  }

  async signOut(everywhere = false): Promise<void> {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    try {
      if (everywhere) await this.request('POST', '/api/auth/logout-all');
      else if (refreshToken) await this.request('POST', '/api/auth/logout', { json: { refreshToken } }, false);
    } finally {
      this.forget();
    }
  }

  private adopt(session: SessionTokens): void {
    this.accessToken = session.accessToken;
    localStorage.setItem(REFRESH_KEY, session.refreshToken);
    if (session.user) this.user = session.user;
  }

  private forget(): void {
    this.accessToken = null;
    this.user = null;
    localStorage.removeItem(REFRESH_KEY);
  }

  /** Rotates the refresh token; concurrent callers share one refresh. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        const refreshToken = localStorage.getItem(REFRESH_KEY);
        if (!refreshToken) return false;
        const response = await fetch('/api/auth/refresh', {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }),
        });
        if (!response.ok) {
          // Another tab may have rotated it a moment ago: use theirs if it changed.
          const current = localStorage.getItem(REFRESH_KEY);
          if (current && current !== refreshToken) { this.refreshing = null; return this.refresh(); }
          this.forget();
          return false;
        }
        this.adopt(await response.json() as SessionTokens);
        return true;
      })().finally(() => { setTimeout(() => { this.refreshing = null; }, 0); });
    }
    return this.refreshing;
  }

  /** Sends a request; throws ApiError for any non-2xx answer. */
  async request(method: string, path: string, options: RequestOptions = {}, authenticated = true): Promise<Response> {
    const send = () => {
      const headers: Record<string, string> = { ...options.headers };
      if (authenticated && this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
      let body = options.body;
      if (options.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.json);
      }
      return fetch(path, { method, headers, body, signal: options.signal });
    };
    let response: Response;
    try {
      response = await send();
      if (response.status === 401 && authenticated) {
        if (await this.refresh()) response = await send();
        else { this.onSignedOut(); }
      }
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError('Cannot reach the server. Check your connection and try again.', 0, null);
    }
    if (!response.ok) throw await toError(response);
    return response;
  }

  async json<T>(method: string, path: string, options: RequestOptions = {}, authenticated = true): Promise<T> {
    const response = await this.request(method, path, options, authenticated);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A one-time ticket for opening a WebSocket (browsers cannot send headers on the upgrade). */
  async ticket(): Promise<string> {
    return (await this.json<{ ticket: string }>('POST', '/api/realtime/tickets')).ticket;
  }
}

async function toError(response: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  try {
    const text = await response.text();
    if (text) problem = JSON.parse(text) as Problem;
  } catch { /* not JSON: the status says enough */ }
  return new ApiError(describeProblem(problem, response.status), response.status, problem);
}

/** Encodes a project-relative path for a URL, keeping the slashes. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export const api = new Api();
