import { currentPlanOf } from '../../../../libs/procurement/src/planning/plan-choice';
import { api } from '../api';
import { COLOURS } from '../charts';
import { h } from '../dom';
import { toYuan } from '../format';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { nextWeek } from '../weeks';
import { badge, grid } from '../widgets';
import { jobName } from './job-runs';
import { lateBadge, orderPanel } from './order-panel';
import { act, approveFlow, type PlanListItem, type PlanView } from './plan-actions';
import { planLinesSection } from './plan-lines';
import { supplierComparisonPanel } from './supplier-comparison-panel';
import { whatIfPanel } from './what-if-panel';
import { localName } from '../../../../libs/domain/src/local-name';

/** GET /api/stock (libs/procurement StockService), as far as the page reads it. */
interface StockView {
  date: string;
  countedOn: string | null;
  lines: {
    ingredientId: number;
    name: string;
    nameEn: string;
    unit: string;
    counted: number | null;
    received: number;
    onHand: number;
    onTheWay: number;
    noneUsable: { reason: 'not-counted' | 'counted-none' | 'used-up' | 'past-shelf-life'; usableUntil: string | null } | null;
  }[];
}

/** Why a line shows no usable stock and what to do, from the reason the stock view gives. */
function noneUsableText(context: PageContext, stock: StockView, row: StockView['lines'][number]): string | null {
  const { t } = context;
  const reason = row.noneUsable?.reason;
  if (reason === undefined) return null;
  if (reason === 'past-shelf-life') return t('noneUsable.pastShelfLife', { date: row.noneUsable!.usableUntil ?? '' });
  if (stock.countedOn === null) {
    // only admins may open the import page: anyone else is told whom to ask
    return t(context.me.role === 'admin' ? 'noneUsable.noCountStored' : 'noneUsable.noCountStoredAskAdmin', { where: `${t('nav.admin')} → ${t('page.imports')}` });
  }
  const key = reason === 'not-counted' ? 'noneUsable.notCounted' : reason === 'counted-none' ? 'noneUsable.countedNone' : 'noneUsable.usedUp';
  return t(key, { date: stock.countedOn });
}

export async function renderPurchasing(context: PageContext): Promise<void> {
  const { t, f, root, state } = context;
  const visible = new Set(state.canteens.length > 0 ? state.canteens : context.meta.canteens.map((canteen) => canteen.id));
  const plans = (await api.get<PlanListItem[]>(panelUrl(state))).filter((plan) => visible.has(plan.canteenId));
  const mayPlan = context.me.role === 'manager' || context.me.role === 'admin';
  const coming = nextWeek();
  // The canteen a new draft is for: the one in view, else the first the person may plan.
  const draftButton = (canteenId: number | undefined, week: string, label: string) =>
    mayPlan && canteenId !== undefined
      ? h(
          'button',
          {
            type: 'button',
            'data-action': 'draft-plan',
            onclick: (event: Event) => {
              (event.target as HTMLButtonElement).disabled = true;
              void act(context, async () => {
                const made = await api.post<PlanView>('/api/plans', { canteen: canteenId, week });
                context.go({ week, plan: made.id });
                return 'navigated';
              });
            },
          },
          label,
        )
      : null;
  const ownCanteens = [...visible].filter((id) => context.me.role !== 'manager' || context.me.canteenIds.includes(id)).sort((a, b) => a - b);
  if (plans.length === 0) {
    root.append(h('section', { class: 'card', 'data-view': 'no-plan' }, h('p', { class: 'muted' }, t('noPlan')), draftButton(ownCanteens[0], coming, `${t('draftNextWeek')} (${coming})`)));
    return;
  }
  const weeks = [...new Set(plans.map((plan) => plan.week))].sort().reverse();
  // The coming week first: it is the one to plan and order for now.
  const week = state.week && weeks.includes(state.week) ? state.week : weeks.includes(coming) ? coming : weeks[0]!;
  const ofWeek = plans.filter((plan) => plan.week === week).sort((a, b) => a.canteenId - b.canteenId || b.version - a.version);
  // The version shown is the one the purchase-plan workbook counts (one rule, libs/procurement plan-choice).
  const chosen = ofWeek.find((plan) => plan.id === state.plan) ?? currentPlanOf(ofWeek.filter((plan) => plan.canteenId === ofWeek[0]!.canteenId))!;

  const weekSelect = h('select', { name: 'week' }, ...weeks.map((value) => h('option', { value, selected: value === week }, value)));
  weekSelect.addEventListener('change', () => context.go({ week: weekSelect.value, plan: null }));
  const plan = await api.get<PlanView>(`/api/plans/${chosen.id}`);
  const mayOwn = mayPlan && (context.me.role === 'admin' || context.me.canteenIds.includes(plan.canteenId));
  const mayEdit = mayOwn && plan.status === 'draft';
  const approve = mayEdit ? h('button', { type: 'button', class: 'primary', 'data-action': 'approve', onclick: () => void approveFlow(context, plan) }, t('approve')) : null;
  const revise =
    mayOwn && plan.status === 'approved'
      ? h(
          'button',
          {
            type: 'button',
            'data-action': 'revise',
            onclick: (event: Event) => {
              (event.target as HTMLButtonElement).disabled = true;
              void act(context, async () => {
                const made = await api.post<PlanView>(`/api/plans/${plan.id}/revise`);
                context.go({ week: plan.week, plan: made.id });
                return 'navigated';
              });
            },
          },
          t('revise'),
        )
      : null;
  const comingButton = !weeks.includes(coming) ? draftButton(ownCanteens[0], coming, `${t('draftNextWeek')} (${coming})`) : null;
  root.append(
    h(
      'div',
      { class: 'toolbar' },
      h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('week')), weekSelect),
      h(
        'span',
        { 'data-plan-status': plan.status, 'data-plan-version': plan.version },
        `${context.canteenName(plan.canteenId)} · v${plan.version} `,
        badge(textOr(t, `status.${plan.status}`, plan.status), plan.status === 'approved' ? 'good' : plan.status === 'draft' ? 'warn' : 'muted'),
      ),
      approve,
      revise,
      comingButton,
      context.report('purchase-plan', { week, canteens: [plan.canteenId], plan: plan.id }),
    ),
  );

  const card = (id: string, label: string, value: string) => h('div', { class: 'kpi card', 'data-kpi': id }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value));
  const cards = grid('grid kpis');
  cards.append(
    card('covers', t('covers'), f.number(plan.summary.covers)),
    card('planned', t('plannedPortions'), f.number(plan.summary.plannedPortions)),
    card('purchase-cost', t('purchaseCost'), f.yuan(plan.summary.purchaseCostFen)),
    card('food-cost', t('foodCost'), f.yuan(plan.summary.foodCostFen)),
    card('leftover', t('expectedLeftover'), `${f.number(plan.summary.expectedLeftoverKg, 1)} kg`),
  );
  root.append(cards);
  // The what-if answers managers and finance (the API's roles), against the plan shown.
  if (plan.lines.length > 0 && (mayPlan || context.me.role === 'finance')) root.append(whatIfPanel(context, plan));
  if (plan.lines.length === 0) {
    // The API's notes are for logs (English, a run's id): the page says where the quantities come from in its own words.
    root.append(
      h(
        'section',
        { class: 'card', 'data-view': 'empty-plan' },
        h('p', { class: 'muted' }, t('emptyPlan')),
        h('p', { class: 'muted small', 'data-plan-origin': plan.forecastSource }, textOr(t, `planOrigin.${plan.forecastSource}`, '')),
      ),
    );
  }

  context.table(root, {
    id: `plans-${week}`,
    title: `${t('plan')} · ${week}`,
    rows: ofWeek,
    onRowClick: (row) => context.go({ week, plan: row.id }),
    columns: [
      { label: t('canteens'), cell: (row) => context.canteenName(row.canteenId) },
      { label: t('version'), cell: (row) => `v${row.version}`, csv: (row) => row.version },
      { label: t('status'), cell: (row) => textOr(t, `status.${row.status}`, row.status), csv: (row) => row.status },
      { label: t('by'), cell: (row) => jobName(t, row.createdBy), csv: (row) => row.createdBy },
      { label: t('approved'), cell: (row) => (row.approvedAt ? `${f.dateTime(row.approvedAt)} ${row.approvedBy ?? ''}` : '–'), csv: (row) => row.approvedAt },
    ],
  });

  const bySupplier = new Map<number, number>();
  for (const order of plan.orders) bySupplier.set(order.supplierId, (bySupplier.get(order.supplierId) ?? 0) + order.totalFen);
  // Smallest first: a category axis across draws its first bar at the bottom, so the largest is on top.
  const suppliers = [...bySupplier.entries()].sort((a, b) => a[1] - b[1]);
  const charts = grid('grid two');
  if (plan.lines.length > 0) root.append(charts);
  if (plan.lines.length > 0)
    context.chart(charts, {
      id: 'orders-by-supplier',
      title: t('ordersBySupplier'),
      height: 300,
      option: {
        // Supplier names are long: bars run across, each name on one line.
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 24, top: 30, bottom: 20, containLabel: true },
        xAxis: { type: 'value', name: '¥', splitNumber: 4 },
        yAxis: { type: 'category', data: suppliers.map(([id]) => context.supplierName(id)), axisLabel: { width: 220 } },
        series: [{ name: t('purchaseCost'), type: 'bar', data: suppliers.map(([, fen]) => toYuan(fen)), color: COLOURS.forecast }],
      },
    });
  const days = [...new Set(plan.lines.map((line) => line.serviceDate))].sort();
  if (plan.lines.length > 0)
    context.chart(charts, {
      id: 'plan-by-day',
      title: t('planLines'),
      height: 300,
      option: {
        legend: { top: 4, left: 8 },
        xAxis: { type: 'category', data: days },
        yAxis: { type: 'value' },
        series: [
          {
            name: t('forecastP50'),
            type: 'line',
            data: days.map((day) =>
              Math.round(
                sum(
                  plan.lines.filter((line) => line.serviceDate === day),
                  (line) => line.forecastP50,
                ),
              ),
            ),
            color: COLOURS.forecast,
          },
          {
            name: t('plannedPortions'),
            type: 'bar',
            data: days.map((day) =>
              sum(
                plan.lines.filter((line) => line.serviceDate === day),
                (line) => line.plannedPortions,
              ),
            ),
            color: COLOURS.actual,
          },
        ],
      },
    });
  if (state.order && plan.orders.some((order) => order.id === state.order)) root.append(await orderPanel(context, state.order, mayOwn));
  // Every order of the plan's week, each opened by a click; those that cannot arrive in time said first.
  if (plan.summary.lateOrders > 0) root.append(h('div', { class: 'alert warn', 'data-notice': 'late-orders' }, t('lateOrdersNotice', { n: plan.summary.lateOrders })));
  context.table(root, {
    id: `orders-${week}`,
    title: `${t('ordersBySupplier')} · ${t('openOrderHint')}`,
    rows: plan.orders,
    emptyText: t('noOrders'),
    onRowClick: (row) => context.go({ order: row.id }),
    columns: [
      { label: t('supplier'), cell: (row) => context.supplierName(row.supplierId) },
      { label: t('orderBy'), cell: (row) => `${row.orderDate} ${row.orderCutoff ?? ''}`.trim() },
      {
        label: t('delivery'),
        cell: (row) => (row.late ? h('span', {}, `${row.deliveryDate} `, lateBadge(t)) : row.deliveryDate),
        csv: (row) => (row.late ? `${row.deliveryDate} (${t('lateOrder')})` : row.deliveryDate),
      },
      { label: t('leadTime'), cell: (row) => (row.leadTimeDays === null ? '–' : t('leadDays', { n: row.leadTimeDays })), csv: (row) => row.leadTimeDays },
      { label: t('lineCount'), cell: (row) => f.number(row.lines.length), csv: (row) => row.lines.length, numeric: true },
      { label: t('status'), cell: (row) => textOr(t, `status.${row.status}`, row.status), csv: (row) => row.status },
      { label: t('total'), cell: (row) => f.yuan(row.totalFen, 2), csv: (row) => toYuan(row.totalFen), numeric: true },
    ],
  });
  root.append(await supplierComparisonPanel(context, { canteenId: plan.canteenId, week }));
  // What the next plan nets: the last count, received since, usable today and on the way.
  const stock = await api.get<StockView>(`/api/stock?canteen=${plan.canteenId}`);
  const ingredientName = (row: StockView['lines'][number]) => localName(row, context.lang);
  context.table(root, {
    id: `stock-${plan.canteenId}`,
    title: `${t('stockOnHand')} · ${t('stockAsOf', { date: stock.date, counted: stock.countedOn ?? t('noCount') })}`,
    rows: stock.lines,
    emptyText: t('noStock'),
    limit: 20,
    columns: [
      { label: t('ingredient'), cell: ingredientName },
      { label: t('unitLabel'), cell: (row) => textOr(t, `unit.${row.unit}`, row.unit), csv: (row) => row.unit },
      { label: t('lastCount'), cell: (row) => f.number(row.counted, 1), csv: (row) => row.counted, numeric: true },
      { label: t('receivedSince'), cell: (row) => f.number(row.received, 1), csv: (row) => row.received, numeric: true },
      {
        label: t('onHand'),
        // a trace under 0.05 would read 0.0: it is shown to the gram rather than as nothing
        cell: (row) => {
          const why = noneUsableText(context, stock, row);
          const amount = f.number(row.onHand, row.onHand > 0 && row.onHand < 0.05 ? 3 : 1);
          return why === null ? amount : h('span', {}, amount, h('div', { class: 'muted small', 'data-none-usable': row.noneUsable!.reason }, why));
        },
        csv: (row) => row.onHand,
        numeric: true,
      },
      { label: t('onTheWay'), cell: (row) => f.number(row.onTheWay, 1), csv: (row) => row.onTheWay, numeric: true },
    ],
  });
  const tables = grid('grid two');
  root.append(tables);
  context.table(tables, {
    id: `overrides-${week}`,
    title: t('overrides'),
    rows: plan.overrides,
    // The page's filters do not touch this table: say what no override means and, to whom may make one, how.
    emptyText: mayEdit && plan.lines.length > 0 ? t('noOverridesYet') : t('noOverrides'),
    columns: [
      { label: t('date'), cell: (row) => `${row.serviceDate} ${textOr(t, `meal.${row.meal}`, row.meal)}` },
      { label: t('dish'), cell: (row) => context.dishName(row.dishId) },
      { label: t('previous'), cell: (row) => f.number(row.previousPortions), csv: (row) => row.previousPortions, numeric: true },
      { label: t('newPortions'), cell: (row) => f.number(row.newPortions), csv: (row) => row.newPortions, numeric: true },
      { label: t('reason'), cell: (row) => row.reason },
      { label: t('by'), cell: (row) => row.createdBy },
    ],
  });
  if (plan.lines.length > 0) root.append(planLinesSection(context, plan, mayEdit));
}
function sum<T>(rows: T[], value: (row: T) => number): number {
  return rows.reduce((total, row) => total + value(row), 0);
}
