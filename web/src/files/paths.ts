/**
 * What a path typed into a dialog cannot be sent as, in the words the server uses for it. A
 * '..' part cannot travel in a URL at all (the browser resolves it away before sending, so the
 * request would name another address), so it is refused here; every other rule, and the
 * canonical form of the path, is the server's to judge.
 */
export function unsendablePath(path: string): string | null {
  if (path.split('/').includes('..')) return "A path may not contain '..'.";
  return null;
}

/** A path as typed: surrounding spaces and leading slashes gone (trailing ones mean a folder). */
export function typedPath(raw: string): string {
  return raw.trim().replace(/^\/+/, '');
}
