import { api } from '../api';
import { errorNotice, say, showSecretOnce } from '../admin-widgets';
import { confirmDialog } from '../dialog';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { FieldLabels } from '../error-text';
import type { PageContext } from '../page-context';
import { badge } from '../widgets';

/** The shape of GET /api/admin/tokens (libs/auth ApiTokenService): never the token itself. */
interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

/** The scopes the API accepts (libs/auth TOKEN_SCOPES); the API refuses any other. */
const SCOPES = ['read', 'import', 'metrics'] as const;
/** The labels the form shows for the fields the API may refuse. */
const TOKEN_FIELDS: FieldLabels = { name: 'tokenName', scopes: 'scopes' };

export async function renderTokens(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  const tokens = await api.get<TokenRow[]>('/api/admin/tokens');
  const message = h('p', { class: 'form-message', role: 'alert', 'data-message': 'tokens' });
  const revoke = async (token: TokenRow) => {
    if (!(await confirmDialog({ id: 'confirm-revoke', title: t('confirmTitle'), body: [h('p', {}, t('confirmRevoke', { name: token.name }))], confirmLabel: t('revoke'), cancelLabel: t('cancel') })))
      return;
    try {
      await api.delete(`/api/admin/tokens/${token.id}`);
      context.go({});
    } catch (error) {
      say(message, errorNotice(t, error));
    }
  };
  const scopeNames = (token: TokenRow) => token.scopes.map((scope) => textOr(t, `scope.${scope}`, scope)).join('、');
  root.append(message);
  context.table(root, {
    id: 'tokens',
    title: t('page.tokens'),
    rows: tokens,
    columns: [
      { label: t('tokenName'), cell: (token) => token.name },
      { label: t('scopes'), cell: scopeNames, csv: (token) => token.scopes.join(' ') },
      { label: t('createdAt'), cell: (token) => f.dateTime(token.createdAt), csv: (token) => token.createdAt },
      { label: t('revokedAt'), cell: (token) => (token.revokedAt ? f.dateTime(token.revokedAt) : '–'), csv: (token) => token.revokedAt },
      {
        label: t('status'),
        cell: (token) => badge(t(token.revokedAt ? 'token.revoked' : 'token.active'), token.revokedAt ? 'muted' : 'good'),
        csv: (token) => (token.revokedAt ? 'revoked' : 'active'),
      },
      {
        label: t('actions'),
        csv: () => null,
        cell: (token) =>
          token.revokedAt ? '' : h('button', { type: 'button', class: 'ghost small', 'data-action': 'revoke', 'data-token': token.name, onclick: () => void revoke(token) }, t('revoke')),
      },
    ],
  });
  root.append(createForm(context));
}

function createForm(context: PageContext): HTMLFormElement {
  const { t } = context;
  const name = h('input', { type: 'text', name: 'name', maxlength: 64, autocomplete: 'off', placeholder: t('tokenName') });
  const scopes = SCOPES.map((scope) => h('label', { class: 'chip' }, h('input', { type: 'checkbox', name: 'scopes', value: scope }), t(`scope.${scope}`)));
  const slot = h('p', { class: 'form-message', role: 'alert' });
  const form = h(
    'form',
    { class: 'card admin-form', 'data-form': 'create-token' },
    h('h3', {}, t('createToken')),
    h('div', { class: 'row' }, name, h('button', { type: 'submit', class: 'primary' }, t('create'))),
    h('div', { class: 'canteen-chips', role: 'group', 'aria-label': t('scopes') }, h('span', { class: 'filter-label' }, t('scopes')), ...scopes),
    slot,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...form.querySelectorAll<HTMLInputElement>('input[name=scopes]:checked')].map((box) => box.value);
    // Said here in the page's language rather than as the API's English validation message.
    if (!name.value.trim()) return say(slot, t('nameRequired'));
    if (chosen.length === 0) return say(slot, t('pickScope'));
    void (async () => {
      try {
        const created = await api.post<{ id: string; token: string }>('/api/admin/tokens', { name: name.value.trim(), scopes: chosen });
        await showSecretOnce(t, { title: t('tokenFor', { name: name.value.trim() }), secret: created.token });
        context.go({});
      } catch (error) {
        say(slot, errorNotice(t, error, { fields: TOKEN_FIELDS }));
      }
    })();
  });
  return form;
}
