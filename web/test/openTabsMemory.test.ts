// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { OpenTabsMemory } from '../src/editor/openTabsMemory';

describe('OpenTabsMemory', () => {
  beforeEach(() => { sessionStorage.clear(); localStorage.clear(); });

  it('gives back the tabs saved for the same person and project, and nothing for another', () => {
    new OpenTabsMemory('u1', 'p1').save({ paths: ['a.ts', 'src/b.ts'], active: 'src/b.ts' });
    expect(new OpenTabsMemory('u1', 'p1').load()).toEqual({ paths: ['a.ts', 'src/b.ts'], active: 'src/b.ts' });
    expect(new OpenTabsMemory('u2', 'p1').load()).toEqual({ paths: [], active: null });
    expect(new OpenTabsMemory('u1', 'p2').load()).toEqual({ paths: [], active: null });
  });

  it("prefers this browser tab's own tabs, and falls back to the latest of any tab", () => {
    const memory = new OpenTabsMemory('u1', 'p1');
    memory.save({ paths: ['mine.ts'], active: 'mine.ts' });
    localStorage.setItem('vaporform.openTabs.u1.p1', JSON.stringify({ paths: ['other-tab.ts'], active: null }));
    expect(memory.load().paths).toEqual(['mine.ts']);
    sessionStorage.clear(); // a new browser tab
    expect(memory.load().paths).toEqual(['other-tab.ts']);
  });

  it('ignores what it did not write', () => {
    for (const junk of ['not json', '{"paths":"a.ts"}', '{"paths":[1,2]}', 'null']) {
      sessionStorage.setItem('vaporform.openTabs.u1.p1', junk);
      localStorage.removeItem('vaporform.openTabs.u1.p1');
      expect(new OpenTabsMemory('u1', 'p1').load()).toEqual({ paths: [], active: null });
    }
  });
});
