/** An RFC 9457 problem as the server sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
  [key: string]: unknown;
}

// Sentences for codes whose server detail is written for API users rather than people at a screen.
const SENTENCES: Record<string, string> = {
  'invalid-credentials': 'That email and password do not match an account.',
  'email-taken': 'An account with that email already exists. Try signing in instead.',
  'unauthenticated': 'Your session has ended. Please sign in again.',
  'invalid-refresh-token': 'Your session has ended. Please sign in again.',
  'account-deactivated': 'This account has been deactivated.',
  'project-not-found': 'This project does not exist, or you are no longer a member.',
  'project-role-too-low': 'Your role in this project does not allow that.',
  'forbidden': 'You are not allowed to do that.',
  'stale-file-version': 'Someone changed this file in the meantime. Reload it and try again.',
  'user-not-found': 'There is no account with that email.',
  'already-member': 'That person is already a member of this project.',
  'last-owner': 'A project needs at least one owner. Make someone else owner first.',
  'internal-error': 'Something went wrong on the server. Please try again in a moment.',
  'docker-unavailable': 'Workspaces are not available on this installation: it has no Docker engine.',
};

/** Turns a problem into one sentence a person can act on; never raw JSON. */
export function describeProblem(problem: Problem | null | undefined, status?: number): string {
  if (problem && typeof problem === 'object') {
    const code = typeof problem.code === 'string' ? problem.code : undefined;
    if (code === 'validation' && Array.isArray(problem.errors) && problem.errors.length) {
      return problem.errors.map((e) => `${capitalise(e.field)} ${e.message}.`).join(' ');
    }
    if (code === 'rate-limited' || status === 429) return 'Too many attempts. Please wait a moment and try again.';
    if (code && SENTENCES[code] && !(code === 'docker-unavailable' && problem.detail)) return SENTENCES[code];
    const text = typeof problem.detail === 'string' && problem.detail ? problem.detail
      : typeof problem.title === 'string' && problem.title ? problem.title : '';
    if (text) return sentence(text);
  }
  switch (status) {
    case 401: return 'Your session has ended. Please sign in again.';
    case 403: return 'You are not allowed to do that.';
    case 404: return 'That could not be found.';
    case 413: return 'That is too large.';
    case 503: return 'This service is not available right now.';
    default: return status && status >= 500 ? 'Something went wrong on the server. Please try again in a moment.'
      : 'The request could not be completed.';
  }
}

function capitalise(s: string) { return s ? s[0].toUpperCase() + s.slice(1) : s; }
// The server's details are sentences already, and may begin with a name (a file, a person) whose
// case must stay as it is: only the final stop is added, never a capital letter.
function sentence(s: string) { const t = s.trim(); return /[.!?]$/.test(t) ? t : t + '.'; }

/** An API call that failed; `message` is the human sentence. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly problem: Problem | null) {
    super(message);
    this.name = 'ApiError';
  }
  get code(): string | undefined { return this.problem?.code; }
}
