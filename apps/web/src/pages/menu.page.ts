import { isoWeekStart } from '../../../../libs/domain/src/local-date';
import { api } from '../api';
import { COLOURS } from '../charts';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { nextWeek } from '../weeks';
import { badge } from '../widgets';
import { act } from './plan-actions';
import { localName } from '../../../../libs/domain/src/local-name';

/** GET /api/menu/proposals/:id (libs/procurement MenuProposalService), as far as the page reads it. */
interface SlotFigures {
  covers: number;
  wasteKgPerCover: number;
  costFenPerCover: number;
  satisfaction: number;
}
interface MenuChangeView {
  seq: number;
  date: string;
  meal: string;
  kind: string;
  category: string;
  fromDishId: number | null;
  toDishId: number | null;
  explanation: { zh: string; en: string };
  before: SlotFigures;
  after: SlotFigures;
  status: 'proposed' | 'accepted' | 'rejected' | 'edited';
}
/** One side of the what-if over the cycle (MenuWhatIfSide in libs/procurement). */
interface WhatIfSide {
  covers: number;
  costFenPerCover: number;
  costFen: number;
  wasteKgPerCover: number;
  wasteKg: number;
  satisfaction: number;
  subsidyFenPerCover: number;
  subsidyFen: number;
}
interface MenuProposalView {
  id: string;
  canteenId: number;
  from: string;
  to: string;
  totals: { current: SlotFigures; proposed: SlotFigures };
  whatIf: { current: WhatIfSide; proposed: WhatIfSide };
  issues: { date: string; meal: string; reason: string; category?: string }[];
  slots: { date: string; meal: string; covers: number; dishIds: number[]; currentDishIds: number[]; current: SlotFigures; proposed: SlotFigures }[];
  changes: MenuChangeView[];
  dishes: Record<number, { name: string; nameEn: string; category: string }>;
}
type ProposalListItem = Pick<MenuProposalView, 'id' | 'canteenId' | 'from' | 'to'>;

const CYCLE_WEEKS = 2;
const STATUS_TONE = { proposed: 'info', accepted: 'good', rejected: 'muted', edited: 'warn' } as const;

export async function renderMenu(context: PageContext): Promise<void> {
  const { t, f, root, state, lang } = context;
  const own = context.meta.canteens.map((canteen) => canteen.id).filter((id) => context.me.role === 'admin' || context.me.canteenIds.includes(id));
  const canteenId = state.canteens.length > 0 ? state.canteens[0]! : own[0];
  if (canteenId === undefined) {
    root.append(h('p', { class: 'muted' }, t('noData')));
    return;
  }
  const listed = (await api.get<ProposalListItem[]>(panelUrl({ ...state, canteens: [canteenId] }))).filter((entry) => entry.canteenId === canteenId);
  const from = isoWeekStart(nextWeek());
  const propose = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      'data-action': 'propose-menu',
      onclick: (event: Event) => {
        (event.target as HTMLButtonElement).disabled = true;
        void act(context, () => api.post('/api/menu/proposals', { canteen: canteenId, from, weeks: CYCLE_WEEKS }));
      },
    },
    `${t('menuPropose')} (${from})`,
  );
  // A menu is proposed per canteen: with several chosen the page names the one shown and offers the others.
  const others = state.canteens.filter((id) => id !== canteenId);
  const switcher =
    others.length === 0
      ? null
      : h(
          'p',
          { class: 'muted small', 'data-menu-others': others.join(',') },
          t('menuOneCanteen'),
          ...others.map((id) => h('button', { type: 'button', class: 'link', 'data-menu-canteen': id, onclick: () => context.go({ canteens: [id] }) }, context.canteenName(id))),
        );
  const header = h('section', { class: 'card', 'data-view': 'menu-head' }, h('h3', {}, context.canteenName(canteenId)), switcher, propose);
  root.append(header);
  if (listed.length === 0) {
    header.append(h('p', { class: 'muted', 'data-view': 'no-proposal' }, t('menuNoProposal')));
    return;
  }
  const proposal = await api.get<MenuProposalView>(`/api/menu/proposals/${listed[0]!.id}`);
  header.append(
    h('p', { 'data-proposal': proposal.id }, `${t('menuCycle')}: ${proposal.from} – ${proposal.to}`),
    h('a', { class: 'button', 'data-action': 'menu-workbook', href: `/api/menu/proposals/${proposal.id}/workbook?lang=${lang}`, download: '' }, t('menuDownload')),
  );
  const dishName = (id: number | null) => {
    const dish = id === null ? undefined : proposal.dishes[id];
    return dish ? localName(dish, lang) : context.dishName(id);
  };
  const separator = lang === 'en' ? ', ' : '、';
  const mealName = (meal: string) => textOr(t, `meal.${meal}`, meal);

  const { current, proposed } = proposal.whatIf;
  const figures: Array<{ label: string; pick: (value: WhatIfSide) => string }> = [
    { label: t('costPerCover'), pick: (value) => f.yuan(value.costFenPerCover, 2) },
    { label: t('menuCost'), pick: (value) => f.yuan(value.costFen, 0) },
    { label: t('wastePerCover'), pick: (value) => f.number(value.wasteKgPerCover, 3) },
    { label: t('menuWaste'), pick: (value) => f.number(value.wasteKg, 1) },
    { label: t('expectedStars'), pick: (value) => f.number(value.satisfaction, 2) },
    { label: t('menuSubsidyPerCover'), pick: (value) => f.yuan(value.subsidyFenPerCover, 2) },
    { label: t('menuSubsidy'), pick: (value) => f.yuan(value.subsidyFen, 0) },
  ];
  context.table(root, {
    id: 'menu-what-if',
    title: t('menuWhatIf'),
    rows: figures,
    columns: [
      { label: t('menuFigure'), cell: (row) => row.label },
      { label: t('menuCurrent'), cell: (row) => row.pick(current), numeric: true },
      { label: t('menuProposed'), cell: (row) => row.pick(proposed), numeric: true },
    ],
  });

  // Per day, cover-weighted over its meals: leftovers per cover of the current and the proposed menu.
  const days = [...new Set(proposal.slots.map((slot) => slot.date))].sort();
  const perDay = (pick: 'current' | 'proposed') =>
    days.map((day) => {
      const slots = proposal.slots.filter((slot) => slot.date === day);
      const covers = slots.reduce((sum, slot) => sum + slot.covers, 0);
      return covers > 0 ? Number((slots.reduce((sum, slot) => sum + slot.covers * slot[pick].wasteKgPerCover, 0) / covers).toFixed(4)) : null;
    });
  context.chart(root, {
    id: 'menu-waste-by-day',
    title: `${t('wastePerCover')} · ${t('menuCurrent')} / ${t('menuProposed')}`,
    height: 260,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value' },
      series: [
        { name: t('menuCurrent'), type: 'bar', data: perDay('current'), itemStyle: { color: COLOURS.muted } },
        { name: t('menuProposed'), type: 'bar', data: perDay('proposed'), itemStyle: { color: COLOURS.actual } },
      ],
    },
  });

  const mayDecide = context.me.role === 'admin' || context.me.canteenIds.includes(proposal.canteenId);
  const decide = (change: MenuChangeView, decision: 'accept' | 'reject' | 'edit', dishId?: number) =>
    void act(context, () => api.post(`/api/menu/proposals/${proposal.id}/changes/${change.seq}`, dishId === undefined ? { decision } : { decision, dishId }));
  const actions = (change: MenuChangeView): HTMLElement => {
    if (!mayDecide || change.status !== 'proposed') return badge(t(`change.${change.status}`), STATUS_TONE[change.status]);
    const choices = context.meta.dishes.filter((dish) => dish.category === change.category);
    const pick = h(
      'select',
      { name: 'edit-dish', 'aria-label': t('dish') },
      ...choices.map((dish) => h('option', { value: String(dish.id), selected: dish.id === change.toDishId }, context.dishName(dish.id))),
    );
    return h(
      'span',
      { class: 'actions', 'data-change': String(change.seq) },
      h('button', { type: 'button', 'data-action': 'accept-change', onclick: () => decide(change, 'accept') }, t('menuAccept')),
      h('button', { type: 'button', 'data-action': 'reject-change', onclick: () => decide(change, 'reject') }, t('menuReject')),
      choices.length > 0 ? pick : null,
      choices.length > 0 ? h('button', { type: 'button', 'data-action': 'edit-change', onclick: () => decide(change, 'edit', Number((pick as HTMLSelectElement).value)) }, t('menuEdit')) : null,
    );
  };
  context.table(root, {
    id: 'menu-changes',
    title: t('menuChanges'),
    rows: [...proposal.changes],
    columns: [
      { label: t('date'), cell: (row) => row.date },
      { label: t('meal'), cell: (row) => mealName(row.meal), csv: (row) => row.meal },
      { label: t('category'), cell: (row) => textOr(t, `dishCategory.${row.category}`, row.category), csv: (row) => row.category },
      { label: t('menuWhy'), cell: (row) => (lang === 'en' ? row.explanation.en : row.explanation.zh) },
      {
        label: t('menuEffect'),
        cell: (row) =>
          `${t('costPerCover')} ${f.yuan(row.before.costFenPerCover, 2)} → ${f.yuan(row.after.costFenPerCover, 2)}; ${t('wastePerCover')} ${f.number(row.before.wasteKgPerCover, 3)} → ${f.number(row.after.wasteKgPerCover, 3)}; ${t('expectedStars')} ${f.number(row.before.satisfaction, 2)} → ${f.number(row.after.satisfaction, 2)}`,
      },
      { label: t('menuDecision'), cell: (row) => actions(row), csv: (row) => row.status },
    ],
  });

  context.table(root, {
    id: 'menu-by-day',
    title: t('menuByDay'),
    rows: [...proposal.slots],
    columns: [
      { label: t('date'), cell: (row) => row.date },
      { label: t('meal'), cell: (row) => mealName(row.meal), csv: (row) => row.meal },
      { label: t('menuCurrent'), cell: (row) => row.currentDishIds.map(dishName).join(separator) },
      { label: t('menuProposed'), cell: (row) => row.dishIds.map(dishName).join(separator) },
    ],
  });
  if (proposal.issues.length > 0) {
    context.table(root, {
      id: 'menu-issues',
      title: t('menuIssues'),
      rows: [...proposal.issues],
      columns: [
        { label: t('date'), cell: (row) => row.date },
        { label: t('meal'), cell: (row) => mealName(row.meal), csv: (row) => row.meal },
        { label: t('category'), cell: (row) => (row.category ? textOr(t, `dishCategory.${row.category}`, row.category) : ''), csv: (row) => row.category ?? '' },
        { label: t('status'), cell: (row) => textOr(t, `issue.${row.reason}`, row.reason), csv: (row) => row.reason },
      ],
    });
  }
}
