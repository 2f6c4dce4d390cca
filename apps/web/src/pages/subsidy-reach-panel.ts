/** Subsidy reach per site on the finance and satisfaction pages: staff, who ate, the subsidy used against the entitlement. */
import { api } from '../api';
import { h } from '../dom';
import { toYuan } from '../format';
import type { PageContext } from '../page-context';
import { badge } from '../widgets';
import { localName } from '../../../../libs/domain/src/local-name';

/** GET /api/subsidy-reach (libs/analytics SubsidyReachService); the union's answer has no yuan. */
interface SiteReach {
  siteId: number;
  hasCanteen: boolean;
  staff: number;
  diners: number | null;
  reach: number | null;
  usedFen: number | null;
  entitledFen: number | null;
  usedShare: number | null;
  hidden: boolean;
}
interface SubsidyReachView {
  from: string;
  to: string;
  minGroup: number;
  sites: SiteReach[];
  total: Omit<SiteReach, 'siteId' | 'hasCanteen'>;
  siteNames: { id: number; code: string; name: string; nameEn: string }[];
}

/** Readers of GET /api/subsidy-reach (apps/api SubsidyReachController). */
const READERS = ['admin', 'finance', 'union'];

/** The reach in the month the page's range ends in (a month in progress counts to its last day with sales), or nothing for roles that may not read it. */
export async function subsidyReachPanel(context: PageContext, month: string): Promise<HTMLElement | null> {
  if (!READERS.includes(context.me.role)) return null;
  const { t, f } = context;
  const view = await api.get<SubsidyReachView>(`/api/subsidy-reach?month=${month}`);
  const money = context.me.role !== 'union';
  const names = new Map(view.siteNames.map((site) => [site.id, localName(site, context.lang)]));
  const hidden = t('reach.hidden', { n: view.minGroup });
  const rows = [...view.sites].sort((a, b) => Number(a.hasCanteen) - Number(b.hasCanteen) || a.siteId - b.siteId);
  const section = h('section', { class: 'card', 'data-panel': 'subsidy-reach', 'data-month': month });
  section.append(h('h3', {}, t('reach.title', { month })), h('p', { class: 'muted small' }, t('reach.hint', { n: view.minGroup })));
  // Reach counts anyone who ate once in the month, against the payroll: said with the total's own counts, as the workbook does.
  const total = view.total;
  if (!total.hidden && total.diners !== null) {
    const basis = { diners: f.number(total.diners), staff: f.number(total.staff), rate: f.pct(total.reach), used: f.pct(total.usedShare), from: view.from, to: view.to };
    section.append(h('p', { class: 'muted small', 'data-basis': 'reach' }, t('reach.basis', basis)));
  }
  const shown = <T>(row: SiteReach, value: T, format: (value: T) => string) => (row.hidden ? hidden : format(value));
  context.table(section, {
    id: `subsidy-reach-${month}`,
    title: t('reach.table'),
    rows: [...rows, { ...view.total, siteId: 0, hasCanteen: true }],
    columns: [
      {
        label: t('reach.site'),
        cell: (row) => (row.siteId === 0 ? t('reach.total') : h('span', {}, names.get(row.siteId) ?? String(row.siteId), ' ', row.hasCanteen ? null : badge(t('reach.remote'), 'info'))),
        csv: (row) => (row.siteId === 0 ? t('reach.total') : (names.get(row.siteId) ?? String(row.siteId))),
      },
      { label: t('reach.staff'), cell: (row) => f.number(row.staff), csv: (row) => row.staff, numeric: true },
      { label: t('reach.diners'), cell: (row) => shown(row, row.diners, (value) => f.number(value)), csv: (row) => row.diners, numeric: true },
      { label: t('reach.share'), cell: (row) => shown(row, row.reach, (value) => f.pct(value)), csv: (row) => row.reach, numeric: true },
      ...(money
        ? [
            { label: t('reach.used'), cell: (row: SiteReach) => shown(row, row.usedFen, (value) => f.yuan(value)), csv: (row: SiteReach) => toYuan(row.usedFen), numeric: true },
            { label: t('reach.entitled'), cell: (row: SiteReach) => shown(row, row.entitledFen, (value) => f.yuan(value)), csv: (row: SiteReach) => toYuan(row.entitledFen), numeric: true },
          ]
        : []),
      { label: t('reach.usedShare'), cell: (row) => shown(row, row.usedShare, (value) => f.pct(value)), csv: (row) => row.usedShare, numeric: true },
    ],
  });
  return section;
}
