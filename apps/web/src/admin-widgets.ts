import { ApiError } from './api';
import { h } from './dom';
import { formErrorText, type FormReading, refusedFields } from './error-text';
import type { Translate } from './i18n';

/**
 * An API refusal of a form in the page's language: what happened from the error code (a refused value
 * by the form's label of its field, `reading.fields`), then what to do. The API's English words stay in
 * an attribute for support, not on screen; the refused API fields in `data-fields` for `say`.
 */
export function errorNotice(t: Translate, error: unknown, reading: FormReading = {}): HTMLElement {
  const text = formErrorText(t, error, reading);
  // A form's own reading of a code (a taken username) already says what to do.
  const own = error instanceof ApiError && reading.byCode?.[error.code] !== undefined;
  return h(
    'span',
    { 'data-error': text.code, 'data-fields': refusedFields(error).join(' ') || undefined, 'data-api-message': error instanceof Error ? error.message : String(error) },
    own ? text.sentence : `${text.sentence} ${text.action}`,
  );
}

/**
 * Shows a message in a form's message slot (or clears it). When the slot is in a form and the message
 * is a notice naming refused fields, the form's controls of those fields (by `name` or `data-field`)
 * are marked `aria-invalid` until the form is sent again or says something else.
 */
export function say(slot: HTMLElement, message: HTMLElement | string | null): void {
  slot.replaceChildren(message ?? '');
  const form = slot.closest('form');
  if (!form) return;
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const fields = typeof message === 'object' && message?.dataset.fields ? message.dataset.fields.split(' ') : [];
  const refused = [...form.querySelectorAll<HTMLElement>('[name], [data-field]')].filter((control) => fields.includes(control.dataset.field ?? control.getAttribute('name') ?? ''));
  if (refused.length === 0) return;
  for (const control of refused) control.setAttribute('aria-invalid', 'true');
  form.addEventListener('submit', () => refused.forEach((control) => control.removeAttribute('aria-invalid')), { once: true });
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
