import { h } from './dom';

type Child = Node | string | null | undefined | false;

/** A modal question: resolves true when confirmed, false when cancelled (or Escape). */
export function confirmDialog(params: { id: string; title: string; body: Child[]; confirmLabel: string; cancelLabel: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const close = (answer: boolean) => {
      modal.remove();
      document.removeEventListener('keydown', onKey);
      resolve(answer);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(false);
    };
    const confirm = h('button', { type: 'button', class: 'primary', 'data-action': 'confirm', onclick: () => close(true) }, params.confirmLabel);
    const modal = h(
      'div',
      { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'data-dialog': params.id },
      h(
        'div',
        { class: 'card' },
        h('h3', {}, params.title),
        ...params.body,
        h('div', { class: 'actions' }, h('button', { type: 'button', 'data-action': 'cancel', onclick: () => close(false) }, params.cancelLabel), confirm),
      ),
    );
    document.addEventListener('keydown', onKey);
    document.body.append(modal);
    confirm.focus();
  });
}

/** A small two-or-more-column table for a dialog: a header row, then label and figures. */
export function figuresTable(header: string[], rows: (string | number)[][]): HTMLTableElement {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...header.map((label, index) => h('th', { class: index > 0 ? 'num' : '' }, label)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell, index) => h('td', { class: index > 0 ? 'num' : '' }, String(cell)))))),
  );
}
