import { clear, h } from '../ui/dom';

export interface Command { id: string; title: string; shortcut?: string; run: () => void; enabled?: () => boolean }

/** The command palette (Ctrl/Cmd+K or Ctrl+Shift+P): type to filter, arrows to choose, Enter to run. */
export class CommandPalette {
  private commands: Command[] = [];
  private backdrop: HTMLElement | null = null;

  set(commands: Command[]): void { this.commands = commands; }

  get isOpen(): boolean { return this.backdrop !== null; }

  open(extra: Command[] = [], placeholder = 'Type a command…'): void {
    this.close();
    const input = h('input', { type: 'text', class: 'palette-input', placeholder, 'aria-label': 'Command', autocomplete: 'off', role: 'combobox', 'aria-expanded': 'true', 'aria-controls': 'palette-list' });
    const list = h('ul', { class: 'palette-list', id: 'palette-list', role: 'listbox' });
    const panel = h('div', { class: 'palette', role: 'dialog', 'aria-label': 'Command palette' }, input, list);
    const backdrop = h('div', { class: 'backdrop palette-backdrop' }, panel);
    this.backdrop = backdrop;
    const all = [...extra, ...this.commands].filter((c) => c.enabled?.() ?? true);
    let shown: Command[] = [];
    let index = 0;
    const render = () => {
      const q = input.value.toLowerCase().trim();
      shown = all.filter((c) => !q || q.split(/\s+/).every((w) => c.title.toLowerCase().includes(w))).slice(0, 50);
      index = Math.min(index, Math.max(0, shown.length - 1));
      clear(list);
      shown.forEach((c, i) => list.append(h('li', {
        role: 'option', class: i === index ? 'active' : '', 'aria-selected': String(i === index),
        onmousedown: (e: Event) => { e.preventDefault(); run(c); },
      }, h('span', {}, c.title), c.shortcut ? h('kbd', {}, c.shortcut) : null)));
      if (!shown.length) list.append(h('li', { class: 'muted' }, 'No matching command'));
    };
    const run = (c: Command) => { this.close(); c.run(); };
    input.addEventListener('input', () => { index = 0; render(); });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') { index = Math.min(index + 1, shown.length - 1); render(); e.preventDefault(); }
      else if (e.key === 'ArrowUp') { index = Math.max(index - 1, 0); render(); e.preventDefault(); }
      else if (e.key === 'Enter') { const c = shown[index]; if (c) run(c); e.preventDefault(); }
      else if (e.key === 'Escape') { this.close(); e.preventDefault(); }
    });
    backdrop.addEventListener('mousedown', (e) => { if (e.target === backdrop) this.close(); });
    render();
    document.body.append(backdrop);
    input.focus();
  }

  close(): void {
    this.backdrop?.remove();
    this.backdrop = null;
  }
}

/** Matches a keyboard event against "Ctrl+Shift+P"-style shortcuts (Ctrl also means Cmd on a Mac). */
export function matches(e: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.toLowerCase().split('+');
  const key = parts.pop()!;
  const want = { ctrl: parts.includes('ctrl'), shift: parts.includes('shift'), alt: parts.includes('alt') };
  const eventKey = e.key.toLowerCase();
  return (e.ctrlKey || e.metaKey) === want.ctrl && e.shiftKey === want.shift && e.altKey === want.alt
    && (eventKey === key || e.code.toLowerCase() === `key${key}` || (key === '`' && e.code === 'Backquote'));
}
