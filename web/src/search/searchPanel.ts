import type { Api } from '../api/client';
import type { SearchHit } from '../api/types';
import { clear, h } from '../ui/dom';
import { attempt } from '../ui/notify';

/** Find in files through the search API. */
export class SearchPanel {
  readonly el: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly results: HTMLElement;

  constructor(private readonly api: Api, private readonly projectId: string, private readonly open: (path: string, line: number) => void) {
    this.input = h('input', { type: 'search', placeholder: 'Find in files', 'aria-label': 'Find in files' });
    this.results = h('ul', { class: 'search-results' });
    const form = h('form', { class: 'search-form', onsubmit: (e: Event) => { e.preventDefault(); void this.run(); } }, this.input);
    this.el = h('section', { class: 'search-panel', 'aria-label': 'Search' }, form, this.results);
  }

  focus(): void { this.input.focus(); this.input.select(); }

  private async run() {
    const q = this.input.value.trim();
    if (!q) return;
    const answer = await attempt(() => this.api.json<{ hits: SearchHit[]; total: number }>('GET',
      `/api/projects/${this.projectId}/search?q=${encodeURIComponent(q)}&limit=200`));
    clear(this.results);
    if (!answer) return;
    if (!answer.hits.length) { this.results.append(h('li', { class: 'muted' }, `Nothing matches “${q}”.`)); return; }
    this.results.append(h('li', { class: 'muted' }, `${answer.total} match${answer.total === 1 ? '' : 'es'}`));
    for (const hit of answer.hits) {
      this.results.append(h('li', {}, h('button', { type: 'button', class: 'search-hit', onclick: () => this.open(hit.path, hit.line) },
        h('span', { class: 'hit-path' }, `${hit.path}:${hit.line}`), h('code', {}, hit.preview))));
    }
  }
}
