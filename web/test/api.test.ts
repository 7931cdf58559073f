// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Api } from '../src/api/client';

type Handler = (url: string, init: RequestInit) => Response;

function serve(handler: Handler) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => { calls.push({ url, init }); return handler(url, init); }));
  return calls;
}
const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

beforeEach(() => localStorage.clear());

describe('Api', () => {
  it('restores a session from the stored refresh token and keeps the rotated one', async () => {
    localStorage.setItem('vaporform.refreshToken', 'r1');
    serve((url, init) => {
      if (url === '/api/auth/refresh') {
        expect(JSON.parse(String(init.body))).toEqual({ refreshToken: 'r1' });
        return json(200, { accessToken: 'a2', refreshToken: 'r2', expiresIn: 900 });
      }
      expect((init.headers as Record<string, string>).authorization).toBe('Bearer a2');
      return json(200, { id: 'u', email: 'e', name: 'Ada', role: 'user' });
    });
    const api = new Api();
    expect(await api.restore()).toBe(true);
    expect(api.user?.name).toBe('Ada');
    expect(localStorage.getItem('vaporform.refreshToken')).toBe('r2');
  });

  it('refreshes once on a 401, shared by concurrent requests, then retries them', async () => {
    localStorage.setItem('vaporform.refreshToken', 'r1');
    let refreshes = 0;
    let token = 'old';
    const calls = serve((url, init) => {
      if (url === '/api/auth/refresh') { refreshes++; token = 'new'; return json(200, { accessToken: 'new', refreshToken: 'r2', expiresIn: 900 }); }
      const auth = (init.headers as Record<string, string>).authorization;
      return auth === `Bearer ${token}` && token === 'new' ? json(200, { ok: url }) : json(401, { code: 'unauthenticated' }, 'application/problem+json');
    });
    const api = new Api();
    const [a, b] = await Promise.all([api.json('GET', '/api/a'), api.json('GET', '/api/b')]);
    expect(a).toEqual({ ok: '/api/a' });
    expect(b).toEqual({ ok: '/api/b' });
    expect(refreshes).toBe(1);
    expect(calls.filter((c) => c.url === '/api/a')).toHaveLength(2);
  });

  it('turns a problem into a sentence and signs out when the refresh token is refused', async () => {
    localStorage.setItem('vaporform.refreshToken', 'reused');
    serve((url) => url === '/api/auth/refresh'
      ? json(401, { code: 'invalid-refresh-token', detail: 'The refresh token is not valid.' }, 'application/problem+json')
      : json(401, { code: 'unauthenticated' }, 'application/problem+json'));
    const api = new Api();
    const signedOut = vi.fn();
    api.onSignedOut = signedOut;
    await expect(api.json('GET', '/api/projects')).rejects.toThrow('Your session has ended. Please sign in again.');
    expect(signedOut).toHaveBeenCalled();
    expect(localStorage.getItem('vaporform.refreshToken')).toBeNull();
  });

  it('says so in words when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(new Api().json('GET', '/api/projects')).rejects.toThrow('Cannot reach the server. Check your connection and try again.');
  });
});
