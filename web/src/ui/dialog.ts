import { h } from './dom';

export interface Field { name: string; label: string; value?: string; type?: string; options?: string[]; placeholder?: string }

/** A modal form; resolves with the values, or null when cancelled (Escape or Cancel). */
export function ask(title: string, fields: Field[], submitLabel = 'OK', body?: Node): Promise<Record<string, string> | null> {
  return new Promise((resolve) => {
    const inputs = fields.map((f) => {
      const input = f.options
        ? h('select', { name: f.name }, ...f.options.map((o) => h('option', { value: o, selected: o === f.value }, o)))
        : h('input', { name: f.name, type: f.type ?? 'text', value: f.value ?? '', placeholder: f.placeholder ?? '', autocomplete: 'off' });
      return { f, input };
    });
    const form = h('form', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
      h('h2', {}, title),
      body ?? null,
      ...inputs.map(({ f, input }) => h('label', {}, h('span', {}, f.label), input)),
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'secondary', onclick: () => done(null) }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary' }, submitLabel)));
    const backdrop = h('div', { class: 'backdrop' }, form);
    const done = (value: Record<string, string> | null) => {
      backdrop.remove();
      resolve(value);
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const values: Record<string, string> = {};
      for (const { f, input } of inputs) values[f.name] = (input as HTMLInputElement).value;
      done(values);
    });
    backdrop.addEventListener('keydown', (e) => { if (e.key === 'Escape') done(null); });
    backdrop.addEventListener('mousedown', (e) => { if (e.target === backdrop) done(null); });
    document.body.append(backdrop);
    const first = inputs[0]?.input ?? form.querySelector('button.primary');
    (first as HTMLElement | null)?.focus();
    if (first instanceof HTMLInputElement) first.select();
  });
}

export async function confirmDialog(title: string, message: string, action = 'Confirm'): Promise<boolean> {
  return (await ask(title, [], action, h('p', {}, message))) !== null;
}

/** A modal showing arbitrary content with a Close button. */
export function showPanel(title: string, content: Node, extraButtons: HTMLElement[] = []): () => void {
  const close = () => backdrop.remove();
  const panel = h('div', { class: 'dialog wide', role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
    h('h2', {}, title), content,
    h('div', { class: 'dialog-buttons' }, ...extraButtons, h('button', { type: 'button', class: 'secondary', onclick: close }, 'Close')));
  const backdrop = h('div', { class: 'backdrop' }, panel);
  backdrop.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
  document.body.append(backdrop);
  (panel.querySelector('button') as HTMLElement | null)?.focus();
  return close;
}
