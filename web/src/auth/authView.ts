import type { Api } from '../api/client';
import { h } from '../ui/dom';

/** Sign in and sign up on one screen. */
export function authView(api: Api, mode: 'signin' | 'signup', onDone: () => void): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const name = h('input', { name: 'name', type: 'text', autocomplete: 'name', required: mode === 'signup' });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: mode === 'signup' ? 'new-password' : 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, mode === 'signup' ? 'Create account' : 'Sign in');
  const form = h('form', { class: 'auth-form', 'aria-label': mode === 'signup' ? 'Sign up' : 'Sign in' },
    h('h1', {}, 'Vaporform'),
    h('p', { class: 'muted' }, mode === 'signup' ? 'Create your account.' : 'Sign in to your projects.'),
    mode === 'signup' ? h('label', {}, h('span', {}, 'Name'), name) : null,
    h('label', {}, h('span', {}, 'Email'), email),
    h('label', {}, h('span', {}, 'Password'), password),
    mode === 'signup' ? h('p', { class: 'muted small' }, 'Use a long passphrase: short or common passwords are refused.') : null,
    error, submit,
    h('p', {}, mode === 'signup'
      ? h('a', { href: '#/login' }, 'Already have an account? Sign in')
      : h('a', { href: '#/signup' }, 'New here? Create an account')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      if (mode === 'signup') await api.signUp(name.value.trim(), email.value.trim(), password.value);
      else await api.signIn(email.value.trim(), password.value);
      onDone();
    } catch (err) {
      error.textContent = (err as Error).message;
    } finally {
      submit.disabled = false;
    }
  });
  queueMicrotask(() => (mode === 'signup' ? name : email).focus());
  return h('div', { class: 'auth-screen' }, form);
}
