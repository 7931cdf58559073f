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
    expect(describeProblem({ code: 'whatever', detail: 'the file is locked' }, 409)).toBe('The file is locked.');
    expect(describeProblem({ code: 'validation', errors: [{ field: 'email', message: 'must be a well-formed email address' }] }, 400))
      .toBe('Email must be a well-formed email address.');
    expect(describeProblem(null, 502)).toMatch(/server/);
  });
});
