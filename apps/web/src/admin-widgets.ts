import { ApiError } from './api';
import { h } from './dom';
import { errorText } from './error-text';
import type { TextKey, Translate } from './i18n';

/**
 * An API refusal in the page's language: what happened from the error code (or the caller's reading
 * of it), then what to do. The API's English words stay in an attribute for support, not on screen.
 */
export function errorNotice(t: Translate, error: unknown, byCode: Partial<Record<string, TextKey>> = {}): HTMLElement {
  const text = errorText(t, error, byCode);
  // A form's own reading of a code (a taken username) already says what to do.
  const own = error instanceof ApiError && byCode[error.code] !== undefined;
  return h('span', { 'data-error': text.code, 'data-api-message': error instanceof Error ? error.message : String(error) }, own ? text.sentence : `${text.sentence} ${text.action}`);
}

/** Shows a message in a form's message slot (or clears it). */
export function say(slot: HTMLElement, message: HTMLElement | string | null): void {
  slot.replaceChildren(message ?? '');
}

function modal(name: string, ...children: HTMLElement[]): HTMLDialogElement {
  const dialog = h('dialog', { class: 'card admin-dialog', 'data-dialog': name }, ...children);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  return dialog;
}

/** A password or token shown once: it cannot be read again, so the dialog offers a copy button. */
export function showSecretOnce(t: Translate, params: { title: string; secret: string }): Promise<void> {
  const copied = h('span', { class: 'muted', role: 'status' });
  const secret = h('code', { class: 'secret', 'data-secret': '' }, params.secret);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(params.secret);
      copied.textContent = t('copied');
    } catch {
      // Without clipboard access (plain http, denied permission) the text is selected for Ctrl+C.
      getSelection()?.selectAllChildren(secret);
      copied.textContent = t('copyManually');
    }
  };
  return new Promise((resolve) => {
    const dialog = modal(
      'secret',
      h('h3', {}, params.title),
      h('p', {}, t('shownOnce')),
      h('p', {}, secret),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', class: 'ghost', 'data-action': 'copy', onclick: () => void copy() }, t('copy')),
        copied,
        h('button', { type: 'button', class: 'primary', 'data-action': 'close', onclick: () => dialog.close() }, t('done')),
      ),
    );
    dialog.addEventListener('close', () => resolve());
  });
}
