import { api, query } from '../api';
import { errorNotice, say } from '../admin-widgets';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { FieldLabels } from '../error-text';
import type { PageContext } from '../page-context';

/** The shape of GET /api/admin/audit (libs/auth AuditService), newest first. */
interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** Actions offered in the filter; a family name ("user") matches every action under it. */
const ACTIONS = [
  'login',
  'login.failed',
  'password.change',
  'password.change.failed',
  'user',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.password.reset',
  'token',
  'token.create',
  'token.revoke',
  'plan',
  'plan.approve',
  'plan.override',
  'plan.revise',
  'purchase-order',
  'purchase-order.edit',
  'purchase-order.send',
  'purchase-order.receive',
  'purchase-order.cancel',
  'import',
  'import.failed',
  'import.rollback',
  'report',
  'report.export',
  'report.export.failed',
  'subscription',
  'subscription.create',
  'subscription.delete',
  'subscription.unsubscribe',
];
const LIMIT = 500;
/** The labels the filter shows for the fields the API may refuse. */
const AUDIT_FIELDS: FieldLabels = { actor: 'by', action: 'actionLabel', from: 'from', to: 'to', canteen: 'canteens' };

export async function renderAudit(context: PageContext): Promise<void> {
  const { t, root, meta } = context;
  const actor = h('input', { type: 'text', name: 'actor', maxlength: 64, autocomplete: 'off', placeholder: t('anyone') });
  const action = h('select', { name: 'action' }, h('option', { value: '' }, t('allActions')), ...ACTIONS.map((value) => h('option', { value }, textOr(t, `action.${value}`, value))));
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const canteen = h('select', { name: 'canteen' }, h('option', { value: '' }, t('allCanteens')), ...meta.canteens.map((entry) => h('option', { value: entry.code }, context.canteenName(entry.id))));
  const exportLink = h('a', { class: 'button ghost', 'data-export': 'audit-csv', download: '' }, `⬇ ${t('exportCsv')}`);
  const message = h('p', { class: 'form-message', role: 'alert' });
  const results = h('div', { 'data-slot': 'audit-results' });
  const field = (label: string, input: HTMLElement) => h('label', { class: 'field' }, h('span', { class: 'filter-label' }, label), input);
  const form = h(
    'form',
    { class: 'card admin-form audit-filter', 'data-form': 'audit-filter' },
    field(t('by'), actor),
    field(t('actionLabel'), action),
    field(t('from'), from),
    field(t('to'), to),
    field(t('canteens'), canteen),
    h('button', { type: 'submit', class: 'primary' }, t('filter')),
    exportLink,
    message,
  );

  const load = async () => {
    const filters = { actor: actor.value.trim(), action: action.value, from: from.value, to: to.value, canteen: canteen.value };
    // The export asks for the same rows as the table, so what is downloaded is what was seen.
    exportLink.setAttribute('href', `/api/admin/audit${query({ ...filters, limit: LIMIT, format: 'csv' })}`);
    try {
      const rows = await api.get<AuditRow[]>(`/api/admin/audit${query({ ...filters, limit: LIMIT })}`);
      say(message, null);
      results.replaceChildren();
      context.table(results, {
        id: 'audit-log',
        title: t('page.audit'),
        rows,
        emptyText: t('noData'),
        columns: [
          { label: t('at'), cell: (row) => context.f.dateTime(row.at), csv: (row) => row.at },
          { label: t('by'), cell: (row) => row.actor },
          { label: t('actionLabel'), cell: (row) => textOr(t, `action.${row.action}`, row.action), csv: (row) => row.action },
          { label: t('detail'), cell: (row) => detailText(row.detail), csv: (row) => JSON.stringify(row.detail) },
        ],
      });
    } catch (error) {
      results.replaceChildren();
      say(message, errorNotice(t, error, { fields: AUDIT_FIELDS }));
    }
    results.dataset.loaded = String(Number(results.dataset.loaded ?? 0) + 1);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  root.append(form, results);
  await load();
}

/** "username: ana, role: viewer": the detail as a reader scans it; the CSV keeps the JSON. */
function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(' ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}
