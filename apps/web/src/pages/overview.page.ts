import { alertSentence } from '../alert-text';
import { api } from '../api';
import { forecastBandOption } from '../charts';
import { closedText } from '../closed-text';
import type { DashboardAlert, OverviewPanel } from '../contract';
import { h } from '../dom';
import { textOr, type TextKey } from '../i18n';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { badge, grid, kpiCard } from '../widgets';

type KpiKey = keyof OverviewPanel['kpis'];

/** The measures a manager may not know by name. */
const HELP: Partial<Record<KpiKey, TextKey>> = { participationRate: 'help.participation', foodCostPct: 'help.foodCostPct', wastePct: 'help.wastePct' };

export async function renderOverview(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  const panel = await api.get<OverviewPanel>(panelUrl(context.state));
  context.applied(panel.filters);

  const headline = grid('grid kpis headline');
  headline.append(
    todayCard(context, panel.coversToday),
    h(
      'div',
      { class: 'kpi card big', 'data-kpi': 'week' },
      h('div', { class: 'kpi-label' }, `${t('thisWeek')} · ${panel.coversWeek.week}`),
      panel.coversWeek.actual === null ? h('div', { class: 'kpi-value kpi-note' }, t('week.awaiting')) : h('div', { class: 'kpi-value' }, f.number(panel.coversWeek.actual)),
      h('div', { class: 'muted' }, `${t('forecast')} ${f.number(panel.coversWeek.forecast)}`),
    ),
  );
  root.append(headline);

  const formatters: Record<KpiKey, { format: (value: number | null) => string; higherIsBetter: boolean }> = {
    covers: { format: (value) => f.number(value), higherIsBetter: true },
    participationRate: { format: (value) => f.pct(value), higherIsBetter: true },
    revenueFen: { format: (value) => f.yuan(value), higherIsBetter: true },
    subsidyFen: { format: (value) => f.yuan(value), higherIsBetter: false },
    foodCostPct: { format: (value) => f.pct(value), higherIsBetter: false },
    wasteKg: { format: (value) => `${f.number(value, 1)} kg`, higherIsBetter: false },
    wastePct: { format: (value) => f.pct(value), higherIsBetter: false },
    satisfaction: { format: (value) => f.number(value, 2), higherIsBetter: true },
  };
  const kpis = grid('grid kpis');
  for (const key of Object.keys(formatters) as KpiKey[]) {
    const help = HELP[key];
    kpis.append(
      kpiCard({ id: key, label: t(`kpi.${key}`), kpi: panel.kpis[key], previousLabel: t('vsPrevious'), ...formatters[key], help: help ? { text: t(help), label: t('helpLabel') } : undefined }),
    );
  }
  root.append(kpis);

  const main = grid('grid two-one');
  root.append(main);
  const rows = panel.coversVsForecast;
  context.chart(main, {
    id: 'covers-vs-forecast',
    title: t('coversVsForecast'),
    height: 340,
    option: forecastBandOption(
      rows,
      { band: t('band'), forecast: t('forecast'), actual: t('actual') },
      panel.closedDays.map((day) => ({ date: day.date, label: closedText(context, day) })),
    ),
  });
  const alerts = h('section', { class: 'card alerts', 'data-panel': 'alerts' }, h('h3', {}, t('alerts')));
  if (panel.alerts.length === 0) alerts.append(h('p', { class: 'muted' }, t('noAlerts')));
  for (const alert of panel.alerts) alerts.append(alertItem(context, alert));
  main.append(alerts);
}

/**
 * Today's covers; before any are in, whether the canteen awaits them, has no menu for today yet
 * (and what to do), or is closed today, and why.
 */
function todayCard(context: PageContext, today: OverviewPanel['coversToday']): HTMLElement {
  const { t, f } = context;
  const value = today.status === 'served' ? f.number(today.actual) : t(`today.${today.status}`);
  return h(
    'div',
    { class: 'kpi card big', 'data-kpi': 'today', 'data-today': today.status },
    h('div', { class: 'kpi-label' }, `${t('today')} · ${today.date}`),
    h('div', { class: today.status === 'served' ? 'kpi-value' : 'kpi-value kpi-note' }, value),
    h('div', { class: 'muted', 'data-today-note': '' }, todayNote(context, today)),
  );
}

function todayNote(context: PageContext, today: OverviewPanel['coversToday']): string {
  const { t, f } = context;
  // only admins may open the import page: anyone else is told whom to ask
  if (today.status === 'no_menu') return t(context.me.role === 'admin' ? 'today.noMenuHint' : 'today.noMenuAskAdmin', { where: `${t('nav.admin')} → ${t('page.imports')}` });
  if (today.status === 'closed' && today.closed) return closedText(context, today.closed);
  return `${t('forecast')} ${f.number(today.forecast)}`;
}

function alertItem(context: PageContext, alert: DashboardAlert): HTMLElement {
  const { t, f } = context;
  const tone = alert.severity === 'critical' ? 'bad' : alert.severity === 'warning' ? 'warn' : 'info';
  const subject = [alert.canteenId !== null ? context.canteenName(alert.canteenId) : null, alert.dishId !== null ? context.dishName(alert.dishId) : null, alert.date ?? null]
    .filter(Boolean)
    .join(' · ');
  return h(
    'div',
    { class: `alert ${tone}`, 'data-alert': alert.kind },
    badge(textOr(t, `alert.${alert.kind}`, alert.kind), tone),
    h('div', { class: 'alert-body' }, h('strong', {}, subject || t('allCanteens')), h('div', { class: 'muted small', 'data-alert-text': '' }, alertSentence(alert, t, f))),
  );
}
