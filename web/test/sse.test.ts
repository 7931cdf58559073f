import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from '../src/api/sse';
import { describeProblem } from '../src/api/problems';

describe('SseParser', () => {
  it('assembles events split across chunks', () => {
    const events: SseEvent[] = [];
    const p = new SseParser((e) => events.push(e));
    p.push('event: delta\ndata: {"text":"Hel');
    p.push('lo"}\n\nevent: done\r\ndata: {}\r\n\r\n');
    expect(events).toEqual([{ event: 'delta', data: '{"text":"Hello"}' }, { event: 'done', data: '{}' }]);
  });
});

describe('describeProblem', () => {
  it('prefers our sentence, then the detail, never JSON', () => {
    expect(describeProblem({ code: 'invalid-credentials', detail: 'x' }, 401)).toBe('That email and password do not match an account.');
    expect(describeProblem({ code: 'whatever', detail: 'the file is locked' }, 409)).toBe('the file is locked.'); // never re-cased: it may begin with a name
    expect(describeProblem({ code: 'validation', errors: [{ field: 'email', message: 'must be a well-formed email address' }] }, 400))
      .toBe('Email must be a well-formed email address.');
    expect(describeProblem(null, 502)).toMatch(/server/);
  });
});

import { diffLines, readableAnswer } from '../src/ai/aiPanel';

describe('AI answers', () => {
  it('shows SEARCH/REPLACE blocks as a note, and an unfinished one as in progress', () => {
    const answer = 'Fix:\n\n```js\ncalc.js\n<<<<<<< SEARCH\n  return a - b;\n=======\n  return a + b;\n>>>>>>> REPLACE\n```\nDone.';
    expect(readableAnswer(answer)).toBe('Fix:\n\n[edit to calc.js: see below]\nDone.');
    expect(readableAnswer('Fix:\ncalc.js\n<<<<<<< SEARCH\n  return a')).toBe('Fix:\n[writing an edit to calc.js…]');
  });
  it('lists an edit as removed then added lines', () => {
    expect(diffLines({ path: 'x', search: 'a\nb\n', replace: 'c' })).toEqual([
      { kind: 'del', text: 'a' }, { kind: 'del', text: 'b' }, { kind: 'add', text: 'c' }]);
  });
});
