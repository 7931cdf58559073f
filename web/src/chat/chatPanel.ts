import type { ChatMessage } from '../api/types';
import type { ProjectEvent, ProjectSession } from '../collab/project-session';
import { clear, colorFor, formatTime, h, initials } from '../ui/dom';
import { notify } from '../ui/notify';

/** The project's chat (viewers may chat too) and the participants list. */
export class ChatPanel {
  readonly el: HTMLElement;
  readonly participantsEl: HTMLElement;
  private readonly list: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly pending = new Map<string, HTMLElement>();

  constructor(private readonly session: ProjectSession, private readonly me: { id: string; name: string }) {
    this.list = h('ol', { class: 'chat-list', 'aria-live': 'polite', 'aria-label': 'Chat messages' });
    this.input = h('textarea', { class: 'chat-input', rows: 2, placeholder: 'Message the project… (Enter to send)', 'aria-label': 'Chat message' });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); this.send(); }
    });
    const form = h('form', { class: 'chat-form', onsubmit: (e: Event) => { e.preventDefault(); this.send(); } },
      this.input, h('button', { type: 'submit', class: 'primary small' }, 'Send'));
    this.el = h('section', { class: 'chat-panel', 'aria-label': 'Chat' }, this.list, form);
    this.participantsEl = h('div', { class: 'participants', id: 'participants', 'aria-label': 'People here' });
    session.on((e) => this.onEvent(e));
    void this.loadHistory();
    this.renderParticipants();
  }

  focus(): void { this.input.focus(); }

  private async loadHistory() {
    try {
      const items = await this.session.chatHistory();
      for (const m of items) this.add(m);
    } catch { /* history is a nicety */ }
  }

  private onEvent(e: ProjectEvent) {
    if (e.type === 'chat.message') {
      const m = e as unknown as ChatMessage;
      const mine = m.clientId ? this.pending.get(m.clientId) : undefined;
      if (mine) {
        mine.classList.remove('pending');
        if (m.at) mine.querySelector('time')?.replaceWith(sentAt(m.at)); // the server's clock, as everyone else sees it
        this.pending.delete(m.clientId!);
        return;
      }
      this.add(m);
    } else if (e.type === 'subscribed' || e.type === 'participant.joined' || e.type === 'participant.left') {
      this.renderParticipants();
    } else if (e.type === 'error' && typeof e.code === 'string' && e.code.startsWith('chat')) {
      notify(e.code === 'chat-rate-limited' ? 'You are sending messages too fast.' : e.code === 'chat-too-long' ? 'That message is too long.' : 'The message was not sent.', 'error');
    }
  }

  private add(m: ChatMessage, pending = false): HTMLElement {
    const item = h('li', { class: 'chat-message' + (pending ? ' pending' : '') + (m.userId === this.me.id ? ' mine' : '') },
      h('span', { class: 'avatar small', style: `background:${colorFor(m.userId)}`, 'aria-hidden': 'true' }, initials(m.name)),
      h('div', {}, h('strong', {}, m.name), ' ', sentAt(m.at ?? new Date().toISOString()), ' ', h('span', { class: 'chat-text' }, m.text)));
    this.list.append(item);
    this.list.scrollTop = this.list.scrollHeight;
    return item;
  }

  private send() {
    const text = this.input.value.trim();
    if (!text) return;
    const clientId = crypto.randomUUID();
    if (!this.session.chat(text, clientId)) { notify('Not connected: the message was not sent. Try again in a moment.', 'error'); return; }
    this.pending.set(clientId, this.add({ userId: this.me.id, name: this.me.name, text, clientId }, true));
    this.input.value = '';
  }

  renderParticipants(): void {
    clear(this.participantsEl);
    const people = [{ userId: this.me.id, name: this.me.name }, ...[...this.session.participants.values()].filter((p) => p.userId !== this.me.id)];
    const label = (p: { userId: string; name: string }) => (p.userId === this.me.id ? `${p.name} (you)` : p.name);
    for (const p of people) {
      this.participantsEl.append(h('span', { class: 'avatar', title: label(p), 'data-user': p.userId, style: `background:${colorFor(p.userId)}` }, initials(p.name)));
    }
    this.participantsEl.setAttribute('aria-label', `People here: ${people.map(label).join(', ')}`);
  }
}

/** When a message was sent: the time of day, or the date too for an older one; the full moment on hover. */
function sentAt(iso: string): HTMLElement {
  const at = new Date(iso);
  const today = new Date().toDateString() === at.toDateString();
  const text = today ? at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : formatTime(iso);
  return h('time', { class: 'chat-time muted', datetime: iso, title: at.toLocaleString() }, text);
}
