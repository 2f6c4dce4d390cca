import { api } from '../api';
import { errorNotice, say } from '../admin-widgets';
import { confirmDialog } from '../dialog';
import { h } from '../dom';
import { textOr } from '../i18n';
import { mayReadReport, type DashboardRole, type ReportKind } from '../contract';
import type { PageContext } from '../page-context';
import { badge } from '../widgets';

/** The shape of GET /api/subscriptions and /api/admin/subscriptions (libs/delivery SubscriptionService). */
interface SubscriptionRow {
  id: string;
  username: string;
  topic: 'report' | 'alert';
  subject: string;
  period: string | null;
  canteen: string | null;
  language: string;
  email: string | null;
  webhookUrl: string | null;
  active: boolean;
  createdAt: string;
}

/** The API's alert readers and report periods (libs/delivery subscription-rules), so the form offers only what it accepts. */
const ALERT_READERS: Record<string, DashboardRole[]> = {
  forecast_drift: ['admin', 'manager', 'finance', 'viewer'],
  unusual_waste: ['admin', 'manager', 'finance', 'viewer'],
  falling_ratings: ['admin', 'manager', 'finance', 'viewer', 'union'],
  plan_ready: ['admin', 'manager'],
  price_rise: ['admin', 'manager', 'finance'],
};
const REPORT_PERIODS: Record<ReportKind, ('weekly' | 'monthly')[]> = {
  finance: ['monthly'],
  satisfaction: ['weekly', 'monthly'],
  waste: ['weekly', 'monthly'],
  accuracy: ['weekly', 'monthly'],
  'purchase-plan': ['weekly'],
  congress: ['monthly'],
};

/** Every person's own subscriptions to reports and alerts, with a form to add one; admins also see everyone's. */
export async function renderSubscriptions(context: PageContext): Promise<void> {
  const { t, f, root, me } = context;
  const [own, all] = await Promise.all([api.get<SubscriptionRow[]>('/api/subscriptions'), me.role === 'admin' ? api.get<SubscriptionRow[]>('/api/admin/subscriptions') : Promise.resolve(null)]);
  const message = h('p', { class: 'form-message', role: 'alert', 'data-message': 'subscriptions' });
  const remove = async (row: SubscriptionRow) => {
    if (!(await confirmDialog({ id: 'confirm-remove', title: t('confirmTitle'), body: [h('p', {}, t('confirmRemove'))], confirmLabel: t('remove'), cancelLabel: t('cancel') }))) return;
    try {
      await api.delete(`/api/subscriptions/${row.id}`);
      context.go({});
    } catch (error) {
      say(message, errorNotice(t, error));
    }
  };
  const subject = (row: SubscriptionRow) => (row.topic === 'report' ? textOr(t, `subjectReport.${row.subject}`, row.subject) : textOr(t, `alert.${row.subject}`, row.subject));
  const canteen = (code: string | null) => (code === null ? t('allCanteens') : context.canteenName(context.meta.canteens.find((entry) => entry.code === code)?.id ?? null));
  const table = (id: string, title: string, rows: SubscriptionRow[], withOwner: boolean) =>
    context.table(root, {
      id,
      title,
      rows,
      emptyText: t('noData'),
      columns: [
        ...(withOwner ? [{ label: t('owner'), cell: (row: SubscriptionRow) => row.username }] : []),
        { label: t('topicLabel'), cell: (row) => t(`topic.${row.topic}`), csv: (row) => row.topic },
        { label: t('subjectLabel'), cell: subject, csv: (row) => row.subject },
        { label: t('periodLabel'), cell: (row) => (row.period ? textOr(t, `period.${row.period}`, row.period) : '–'), csv: (row) => row.period },
        { label: t('canteens'), cell: (row) => canteen(row.canteen), csv: (row) => row.canteen ?? 'all' },
        { label: t('languageLabel'), cell: (row) => textOr(t, `language.${row.language}`, row.language), csv: (row) => row.language },
        {
          label: t('channels'),
          cell: (row) => [row.email, row.webhookUrl ? new URL(row.webhookUrl).host : null].filter(Boolean).join('、'),
          csv: (row) => [row.email, row.webhookUrl].filter(Boolean).join(' '),
        },
        {
          label: t('status'),
          cell: (row) => badge(t(row.active ? 'subscription.active' : 'subscription.ended'), row.active ? 'good' : 'muted'),
          csv: (row) => (row.active ? 'active' : 'unsubscribed'),
        },
        { label: t('createdAt'), cell: (row) => f.dateTime(row.createdAt), csv: (row) => row.createdAt },
        {
          label: t('actions'),
          csv: () => null,
          cell: (row) => h('button', { type: 'button', class: 'ghost small', 'data-action': 'remove', 'data-subscription': row.id, onclick: () => void remove(row) }, t('remove')),
        },
      ],
    });
  root.append(h('p', { class: 'muted small' }, t('subscriptionsHint')), message);
  table('subscriptions', t('mySubscriptions'), own, false);
  root.append(addForm(context));
  if (all) table('all-subscriptions', t('allSubscriptions'), all, true);
}

function addForm(context: PageContext): HTMLFormElement {
  const { t, me, meta, lang } = context;
  const option = (value: string, label: string, selected = false) => h('option', { value, selected }, label);
  const topic = h('select', { name: 'topic' }, option('report', t('topic.report')), option('alert', t('topic.alert')));
  const subject = h('select', { name: 'subject' });
  const period = h('select', { name: 'period' });
  const reports = (Object.keys(REPORT_PERIODS) as ReportKind[]).filter((kind) => mayReadReport(me.role, kind));
  const alerts = Object.keys(ALERT_READERS).filter((kind) => ALERT_READERS[kind].includes(me.role));
  // A manager's report is for one of their canteens; their alerts and everyone else's may cover every canteen they read.
  const canteens = me.role === 'manager' ? meta.canteens.filter((entry) => me.canteenIds.includes(entry.id)) : meta.canteens;
  const canteen = h('select', { name: 'canteen' });
  const fillCanteens = () =>
    canteen.replaceChildren(
      ...(me.role === 'manager' && topic.value === 'report' ? [] : [option('', t('allCanteens'))]),
      ...canteens.map((entry) => option(entry.code, context.canteenName(entry.id))),
    );
  const fillPeriods = () => {
    const periods = topic.value === 'report' ? (REPORT_PERIODS[subject.value as ReportKind] ?? []) : [];
    period.replaceChildren(...periods.map((value) => option(value, t(`period.${value}`))));
    period.disabled = periods.length === 0;
  };
  const fillSubjects = () => {
    const choices = topic.value === 'report' ? reports.map((kind) => option(kind, textOr(t, `subjectReport.${kind}`, kind))) : alerts.map((kind) => option(kind, textOr(t, `alert.${kind}`, kind)));
    subject.replaceChildren(...choices);
    fillPeriods();
    fillCanteens();
  };
  topic.addEventListener('change', fillSubjects);
  subject.addEventListener('change', fillPeriods);
  fillSubjects();
  const language = h('select', { name: 'language' }, option('zh-CN', t('language.zh-CN'), lang === 'zh-CN'), option('en', t('language.en'), lang === 'en'));
  const email = h('input', { type: 'email', name: 'email', maxlength: 254, autocomplete: 'email', placeholder: t('emailLabel') });
  const webhook = h('input', { type: 'url', name: 'webhookUrl', maxlength: 2000, autocomplete: 'off', placeholder: t('webhookLabel') });
  const slot = h('p', { class: 'form-message', role: 'alert' });
  const field = (label: string, control: HTMLElement) => h('label', { class: 'field' }, h('span', { class: 'filter-label' }, label), control);
  const form = h(
    'form',
    { class: 'card admin-form', 'data-form': 'add-subscription' },
    h('h3', {}, t('addSubscription')),
    h('div', { class: 'row' }, field(t('topicLabel'), topic), field(t('subjectLabel'), subject), field(t('periodLabel'), period), field(t('canteens'), canteen), field(t('languageLabel'), language)),
    h('div', { class: 'row' }, field(t('emailLabel'), email), field(t('webhookLabel'), webhook), h('button', { type: 'submit', class: 'primary' }, t('create'))),
    slot,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Said here in the page's language rather than as the API's English validation message.
    if (!email.value.trim() && !webhook.value.trim()) return say(slot, t('needChannel'));
    const body = {
      topic: topic.value,
      subject: subject.value,
      language: language.value,
      ...(period.disabled ? {} : { period: period.value }),
      ...(canteen.value ? { canteen: canteen.value } : {}),
      ...(email.value.trim() ? { email: email.value.trim() } : {}),
      ...(webhook.value.trim() ? { webhookUrl: webhook.value.trim() } : {}),
    };
    void (async () => {
      try {
        await api.post('/api/subscriptions', body);
        context.go({});
      } catch (error) {
        // The form's only free fields are the addresses: a refusal is about one of them, never about filters.
        say(slot, errorNotice(t, error, { byCode: { VALIDATION_FAILED: 'channelRule' } }));
      }
    })();
  });
  return form;
}
