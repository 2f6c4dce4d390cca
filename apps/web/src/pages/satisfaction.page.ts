import { api } from '../api';
import { COLOURS } from '../charts';
import type { SatisfactionPanel } from '../contract';
import { h } from '../dom';
import { tagName } from '../feedback-tags';
import { toYuan } from '../format';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { grid } from '../widgets';
import { reportPeriodOf } from '../report-period';
import { subsidyReachPanel } from './subsidy-reach-panel';

export async function renderSatisfaction(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  const panel = await api.get<SatisfactionPanel>(panelUrl(context.state));
  context.applied(panel.filters);
  const hidden = t('suppressed', { n: panel.minGroupDiners });
  const card = (id: string, label: string, value: string) => h('div', { class: 'kpi card', 'data-kpi': id }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value));
  const cards = grid('grid kpis');
  cards.append(
    card('average', t('average'), panel.total.suppressed ? hidden : f.number(panel.total.average, 2)),
    card('responses', t('responses'), f.number(panel.total.responses)),
    card('satisfied', t('satisfied'), f.pct(panel.total.satisfiedShare)),
  );
  root.append(
    h('p', { class: 'muted hint' }, t('aggregatedOnly', { n: panel.minGroupDiners })),
    cards,
    h(
      'div',
      { class: 'toolbar' },
      context.report('satisfaction', { ...reportPeriodOf(panel.filters, { weekly: true }), ...context.reportScope(panel.filters) }),
      context.report('congress', { ...reportPeriodOf(panel.filters, { weekly: true }), ...context.reportScope(panel.filters) }),
    ),
  );

  // Partial weeks (the data begins or ends within them) are drawn as points apart, never on the line of whole weeks.
  const partial = new Map(panel.partialWeeks.map((row) => [row.week, row.days]));
  const weekAxis = (weeks: string[]) => ({ type: 'category', data: weeks, axisLabel: { formatter: (week: string) => (partial.has(week) ? `${week}*` : week) } });
  const whole = <T>(weeks: string[], values: (T | null)[]) => values.map((value, index) => (partial.has(weeks[index]) ? null : value));
  const apart = <T>(weeks: string[], values: (T | null)[]) => values.map((value, index) => (partial.has(weeks[index]) ? value : null));
  const partialPoints = (name: string, weeks: string[], values: (number | null)[], colour: string, yAxisIndex = 0) => ({
    name,
    type: 'scatter',
    yAxisIndex,
    data: apart(weeks, values),
    color: colour,
    symbol: 'emptyCircle',
    symbolSize: 9,
  });
  const charts = grid('grid two');
  root.append(charts);
  const trendWeeks = panel.trend.map((row) => row.week);
  const trendValues = panel.trend.map((row) => (row.suppressed ? null : row.average));
  context.chart(charts, {
    id: 'rating-trend',
    title: t('ratingTrend'),
    height: 300,
    option: {
      xAxis: weekAxis(trendWeeks),
      yAxis: { type: 'value', min: 1, max: 5 },
      series: [{ name: t('average'), type: 'line', data: whole(trendWeeks, trendValues), color: COLOURS.actual }, partialPoints(t('partialWeek'), trendWeeks, trendValues, COLOURS.muted)],
    },
  });
  const visible = panel.canteens.filter((row) => !row.suppressed);
  // Drawing an empty chart would look like missing data; say why instead.
  if (visible.length === 0)
    charts.append(
      h(
        'section',
        { class: 'card', 'data-panel': 'rating-by-canteen' },
        h('h3', {}, t('byCanteen')),
        h('p', { class: 'muted' }, `${panel.canteens.map((row) => context.canteenName(row.canteenId)).join('、')}: ${hidden}`),
      ),
    );
  else
    context.chart(charts, {
      id: 'rating-by-canteen',
      title: t('byCanteen'),
      height: 300,
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', data: visible.map((row) => context.canteenName(row.canteenId)) },
        yAxis: { type: 'value', min: 0, max: 5 },
        series: [
          {
            name: t('average'),
            type: 'bar',
            data: visible.map((row) => row.average),
            color: COLOURS.forecast,
            label: { show: true, position: 'top', formatter: (params: { value: number }) => params.value.toFixed(2) },
          },
        ],
      },
    });
  const tags = panel.tags.filter((row) => !row.suppressed).sort((a, b) => (b.mentions ?? 0) - (a.mentions ?? 0));
  const tagChart = (id: string, title: string, kind: 'complaint' | 'praise', colour: string, emptyKey: 'noComplaints' | 'noPraise') => {
    const rows = tags.filter((row) => row.kind === kind);
    if (rows.length === 0) {
      charts.append(h('section', { class: 'card', 'data-panel': id }, h('h3', {}, title), h('p', { class: 'muted' }, t(emptyKey))));
      return;
    }
    context.chart(charts, {
      id,
      title,
      height: 300,
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 24, top: 30, bottom: 16, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: rows.map((row) => tagName(row.tag, context.lang)).reverse() },
        series: [{ name: t('mentions'), type: 'bar', data: rows.map((row) => row.mentions).reverse(), color: colour }],
      },
    });
  };
  tagChart('complaint-tags', t('tags'), 'complaint', COLOURS.warn, 'noComplaints');
  tagChart('praise-tags', t('praiseTags'), 'praise', COLOURS.actual, 'noPraise');
  // the participation and price series share one axis: the price weeks include the participation ones
  const participationWeeks = panel.priceFairness.map((row) => row.week);
  const participationRates = participationWeeks.map((week) => panel.participation.find((row) => row.week === week)?.rate ?? null);
  const priceWeeks = participationWeeks;
  const priceShares = panel.priceFairness.map((row) => row.priceComplaintShare);
  context.chart(charts, {
    id: 'participation-price',
    title: `${t('participation')} · ${t('priceFairness')}`,
    height: 300,
    help: t('help.participation'),
    option: {
      legend: { top: 4, left: 8 },
      xAxis: weekAxis(participationWeeks),
      yAxis: [
        { type: 'value', axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` } },
        { type: 'value', name: '¥', splitLine: { show: false } },
      ],
      series: [
        { name: t('participation'), type: 'line', data: whole(participationWeeks, participationRates), color: COLOURS.actual },
        partialPoints(`${t('participation')} · ${t('partialWeek')}`, participationWeeks, participationRates, COLOURS.actual),
        { name: t('priceComplaints'), type: 'line', data: whole(priceWeeks, priceShares), color: COLOURS.bad },
        partialPoints(`${t('priceComplaints')} · ${t('partialWeek')}`, priceWeeks, priceShares, COLOURS.bad),
        { name: t('averagePaid'), type: 'bar', yAxisIndex: 1, data: panel.priceFairness.map((row) => toYuan(row.averagePaidFen)), color: '#d1d5db' },
      ],
    },
  });
  const shownWeeks = new Set([...trendWeeks, ...participationWeeks]);
  const partialNote = panel.partialWeeks
    .filter((row) => shownWeeks.has(row.week))
    .map((row) => t('partialWeekDays', { week: row.week, n: row.days }))
    .join(context.lang === 'en' ? '; ' : '；');
  if (partialNote) root.append(h('p', { class: 'muted hint', 'data-partial-weeks': panel.partialWeeks.map((row) => row.week).join(',') }, `* ${t('partialWeeksNote')} ${partialNote}`));
  const tables = grid('grid two');
  root.append(tables);
  context.table(tables, {
    id: 'ratings-by-dish',
    title: t('byDish'),
    rows: panel.dishes.filter((row) => !row.suppressed).sort((a, b) => (b.average ?? 0) - (a.average ?? 0)),
    limit: 20,
    columns: [
      { label: t('canteens'), cell: (row) => context.canteenName(row.canteenId) },
      { label: t('dish'), cell: (row) => context.dishName(row.dishId) },
      { label: t('average'), cell: (row) => f.number(row.average, 2), csv: (row) => row.average, numeric: true },
      { label: t('responses'), cell: (row) => f.number(row.responses), csv: (row) => row.responses, numeric: true },
    ],
  });
  context.table(tables, {
    id: 'feedback-tags',
    title: t('allTags'),
    rows: tags,
    columns: [
      { label: t('allTags'), cell: (row) => tagName(row.tag, context.lang) },
      { label: t('tagKind'), cell: (row) => t(`tagKind.${row.kind}`) },
      { label: t('mentions'), cell: (row) => f.number(row.mentions), csv: (row) => row.mentions, numeric: true },
      { label: t('share'), cell: (row) => f.pct(row.shareOfResponses), csv: (row) => row.shareOfResponses, numeric: true },
      { label: t('lowShare'), cell: (row) => f.pct(row.lowRatingShare), csv: (row) => row.lowRatingShare, numeric: true },
    ],
  });
  renderThemes(context, panel);
  const reach = await subsidyReachPanel(context, panel.filters.to.slice(0, 7));
  if (reach) root.append(reach);
}

/** Comment themes: per canteen and dish, groups of five diners or more, one masked comment per theme word. */
function renderThemes(context: PageContext, panel: SatisfactionPanel): void {
  const { t, f, root } = context;
  const dishLabel = (dishId: number | null) => (dishId === null ? t('wholeCanteen') : context.dishName(dishId));
  const section = h('section', { class: 'themes', 'data-panel': 'comment-themes' }, h('h3', {}, t('commentThemes')), h('p', { class: 'muted hint' }, t('themesHint', { n: panel.minGroupDiners })));
  root.append(section);
  context.table(section, {
    id: 'theme-groups',
    title: t('themeGroups'),
    rows: panel.themes,
    columns: [
      { label: t('canteens'), cell: (row) => context.canteenName(row.canteenId) },
      { label: t('dish'), cell: (row) => dishLabel(row.dishId) },
      { label: t('diners'), cell: (row) => f.number(row.diners), csv: (row) => row.diners, numeric: true },
      { label: t('sentiment.complaint'), cell: (row) => f.number(row.sentiment.complaint), csv: (row) => row.sentiment.complaint, numeric: true },
      { label: t('sentiment.praise'), cell: (row) => f.number(row.sentiment.praise), csv: (row) => row.sentiment.praise, numeric: true },
      { label: t('sentiment.neutral'), cell: (row) => f.number(row.sentiment.neutral), csv: (row) => row.sentiment.neutral, numeric: true },
      { label: t('sentimentWithheld'), cell: (row) => f.number(row.sentimentWithheld), csv: (row) => row.sentimentWithheld, numeric: true },
    ],
  });
  const words = panel.themes
    .flatMap((group) => group.keywords.map((keyword) => ({ ...keyword, canteenId: group.canteenId, dishId: group.dishId })))
    .sort((a, b) => (a.sentiment === 'complaint' ? 0 : 1) - (b.sentiment === 'complaint' ? 0 : 1) || b.diners - a.diners);
  context.table(section, {
    id: 'theme-words',
    title: t('themeWords'),
    rows: words,
    limit: 30,
    columns: [
      { label: t('canteens'), cell: (row) => context.canteenName(row.canteenId) },
      { label: t('dish'), cell: (row) => dishLabel(row.dishId) },
      { label: t('theme'), cell: (row) => row.word },
      { label: t('sentiment'), cell: (row) => t(`sentiment.${row.sentiment}`) },
      { label: t('diners'), cell: (row) => f.number(row.diners), csv: (row) => row.diners, numeric: true },
      { label: t('example'), cell: (row) => h('q', { class: 'comment' }, row.example), csv: (row) => row.example },
    ],
  });
}
