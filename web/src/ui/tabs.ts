import { h } from './dom';

/** A panel with tabs along its top; each tab shows one child. */
export class TabbedPanel {
  readonly el: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly body: HTMLElement;
  private readonly panes = new Map<string, { button: HTMLButtonElement; content: HTMLElement }>();
  current = '';

  constructor(label: string, private readonly onShow: (name: string) => void = () => {}) {
    this.bar = h('div', { class: 'tabs panel-tabs', role: 'tablist', 'aria-label': label });
    this.body = h('div', { class: 'panel-body' });
    this.el = h('div', { class: 'tabbed' }, this.bar, this.body);
  }

  add(name: string, title: string, content: HTMLElement): this {
    const button = h('button', { type: 'button', role: 'tab', class: 'tab', 'data-tab': name, onclick: () => this.show(name) }, title);
    this.bar.append(button);
    content.classList.add('hidden');
    this.body.append(content);
    this.panes.set(name, { button, content });
    if (!this.current) this.show(name);
    return this;
  }

  show(name: string): void {
    if (!this.panes.has(name)) return;
    this.current = name;
    for (const [n, p] of this.panes) {
      p.button.classList.toggle('active', n === name);
      p.button.setAttribute('aria-selected', String(n === name));
      p.content.classList.toggle('hidden', n !== name);
    }
    this.onShow(name);
  }
}
