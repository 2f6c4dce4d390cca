import type { FinancePanel } from '../contract';
import { h } from '../dom';
import type { PageContext } from '../page-context';
import { toYuan } from '../format';

/** Subsidy and payments by department and grade, aggregated; never per person, small groups hidden. */
export function staffGroupsTable(context: PageContext, panel: FinancePanel): void {
  const { t, f, root } = context;
  if (panel.staffGroups.length === 0) return;
  const hidden = (row: FinancePanel['staffGroups'][number], text: string) => (row.suppressed ? t('hiddenGroup') : text);
  context.table(root, {
    id: 'finance-staff-groups',
    title: t('staffGroups'),
    rows: panel.staffGroups,
    columns: [
      { label: t('staffDimension'), cell: (row) => t(`staffDimension.${row.dimension}`) },
      { label: t('staffGroup'), cell: (row) => (row.name === '' ? t('notRecorded') : row.name) },
      { label: t('diners'), cell: (row) => hidden(row, f.number(row.diners)), csv: (row) => row.diners, numeric: true },
      { label: t('subsidy'), cell: (row) => hidden(row, f.yuan(row.subsidyFen)), csv: (row) => toYuan(row.subsidyFen), numeric: true },
      { label: t('paidByDiners'), cell: (row) => hidden(row, f.yuan(row.paidFen)), csv: (row) => toYuan(row.paidFen), numeric: true },
    ],
  });
  root.append(h('p', { class: 'muted hint' }, t('staffGroupsHint', { n: 5 })));
}
