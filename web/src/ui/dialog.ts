import { h } from './dom';

export interface Field { name: string; label: string; value?: string; type?: string; options?: string[]; placeholder?: string }

/**
 * Runs when the form is submitted: a sentence (a refusal, say the server's problem) is shown in
 * the dialog, which stays open with what was typed; null lets the dialog close.
 */
export type Submit = (values: Record<string, string>) => Promise<string | null>;

/**
 * A modal form; resolves with the values, or null when cancelled (Escape or Cancel). With
 * `submit`, it resolves only once `submit` accepted the values.
 */
export function ask(title: string, fields: Field[], submitLabel = 'OK', body?: Node, submit?: Submit): Promise<Record<string, string> | null> {
  return new Promise((resolve) => {
    const inputs = fields.map((f) => {
      const input = f.options
        ? h('select', { name: f.name }, ...f.options.map((o) => h('option', { value: o, selected: o === f.value }, o)))
        : h('input', { name: f.name, type: f.type ?? 'text', value: f.value ?? '', placeholder: f.placeholder ?? '', autocomplete: 'off' });
      return { f, input };
    });
    const error = h('p', { class: 'dialog-error hidden', role: 'alert' });
    const form = h('form', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
      h('h2', {}, title),
      body ?? null,
      ...inputs.map(({ f, input }) => h('label', {}, h('span', {}, f.label), input)),
      error,
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'secondary', onclick: () => done(null) }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary' }, submitLabel)));
    const backdrop = h('div', { class: 'backdrop' }, form);
    const done = (value: Record<string, string> | null) => {
      backdrop.remove();
      resolve(value);
    };
    let busy = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (busy) return;
      const values: Record<string, string> = {};
      for (const { f, input } of inputs) values[f.name] = (input as HTMLInputElement).value;
      if (!submit) { done(values); return; }
      busy = true;
      submit(values).catch((failure: unknown) => (failure instanceof Error ? failure.message : String(failure))).then((refusal) => {
        busy = false;
        if (refusal === null) { done(values); return; }
        error.textContent = refusal;
        error.classList.remove('hidden');
        (inputs[0]?.input as HTMLElement | undefined)?.focus();
      });
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
