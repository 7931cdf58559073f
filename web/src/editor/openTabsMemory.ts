import type { OpenTabs } from './editorPane';

/**
 * Which files a person had open in a project, and which was in front, kept across reloads.
 * The browser tab's own sessionStorage comes first, so two tabs on one project each get theirs
 * back; localStorage holds the latest of any tab, for a new tab or the next day.
 */
export class OpenTabsMemory {
  private readonly key: string;

  constructor(userId: string, projectId: string) {
    this.key = `vaporform.openTabs.${userId}.${projectId}`;
  }

  load(): OpenTabs {
    for (const storage of [sessionStorage, localStorage]) {
      const tabs = parse(storage.getItem(this.key));
      if (tabs) return tabs;
    }
    return { paths: [], active: null };
  }

  save(tabs: OpenTabs): void {
    const text = JSON.stringify(tabs);
    try {
      sessionStorage.setItem(this.key, text);
      localStorage.setItem(this.key, text);
    } catch { /* storage full or refused: tabs are a convenience */ }
  }
}

/** Stored tabs, or null for nothing or something that is not what we wrote. */
function parse(text: string | null): OpenTabs | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<OpenTabs>;
    if (!Array.isArray(value.paths) || !value.paths.every((p) => typeof p === 'string')) return null;
    return { paths: value.paths, active: typeof value.active === 'string' ? value.active : null };
  } catch {
    return null;
  }
}
