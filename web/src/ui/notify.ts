import { h } from './dom';

let host: HTMLElement | null = null;

/** Shows a short message at the bottom of the screen; errors stay longer and are announced. */
export function notify(message: string, kind: 'info' | 'error' | 'success' = 'info'): void {
  if (!host) {
    host = h('div', { class: 'toasts', 'aria-live': 'polite' });
    document.body.append(host);
  }
  const toast = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  host.append(toast);
  setTimeout(() => toast.remove(), kind === 'error' ? 8000 : 3500);
}

/** Runs an action and shows its failure as a sentence instead of throwing. */
export async function attempt<T>(action: () => Promise<T>, success?: string): Promise<T | undefined> {
  try {
    const result = await action();
    if (success) notify(success, 'success');
    return result;
  } catch (e) {
    notify(e instanceof Error ? e.message : String(e), 'error');
    return undefined;
  }
}
