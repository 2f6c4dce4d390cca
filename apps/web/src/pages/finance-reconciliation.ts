import { errorNotice, say } from '../admin-widgets';
import { api } from '../api';
import type { FinancePanel, FinanceReconciliation } from '../contract';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { reportPeriodOf, reportQuery } from '../report-period';
import { badge, filePicker } from '../widgets';
import { toYuan } from '../format';

/** Mismatches shown; the table's CSV and the workbook hold them all. */
const SHOWN = 10;

/** The file's bytes in base64, in slices so a large file does not overflow the argument list. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

function showResult(context: PageContext, slot: HTMLElement, result: FinanceReconciliation, download: () => Promise<unknown>): void {
  const { t, f } = context;
  slot.replaceChildren(
    h(
      'p',
      { 'data-recon-summary': '' },
      badge(t(`recon.${result.status}`), result.status === 'matched' ? 'good' : result.status === 'incomplete' ? 'warn' : 'bad'),
      ` ${t('checkedDays')} ${result.checkedDays} · ${t('mismatchedDays')} ${result.mismatchedDays} · ${t('difference')} ${f.yuan(result.differenceFen, 2)}`,
    ),
    h('p', { class: 'muted small' }, t('recon.totals', { file: result.fileName, month: result.month, settlement: f.yuan(result.settlementFen, 2), larder: f.yuan(result.larderFen, 2) })),
    ...(result.rejected.length > 0
      ? [
          h(
            'p',
            { class: 'small warn-text', 'data-rejected': result.rejected.map((line) => line.line).join(','), title: result.rejected.map((line) => `#${line.line} ${line.reason}`).join('\n') },
            t('recon.rejected', {
              n: result.rejected.length,
              lines: result.rejected
                .slice(0, 10)
                .map((line) => line.line)
                .join(t('listSeparator')),
            }),
          ),
        ]
      : []),
    ...(result.canteenOnly ? [h('p', { class: 'muted small' }, t('recon.canteenOnly'))] : []),
    h('button', { type: 'button', class: 'ghost', 'data-action': 'recon-workbook', onclick: () => void download() }, `⬇ ${t('recon.workbook')}`),
  );
  if (result.mismatches.length === 0) return;
  const status = { differs: t('recon.differs'), only_settlement: t('recon.onlySettlement'), only_larder: t('recon.onlyLarder') };
  context.table(slot, {
    id: 'reconciliation-mismatches',
    title: t('recon.mismatches'),
    rows: result.mismatches,
    limit: SHOWN,
    columns: [
      { label: t('date'), cell: (row) => row.date },
      { label: t('recon.channel'), cell: (row) => textOr(t, `channel.${row.channel}`, row.channel) },
      { label: t('recon.settlement'), cell: (row) => f.yuan(row.settlementFen, 2), csv: (row) => toYuan(row.settlementFen), numeric: true },
      { label: t('recon.larder'), cell: (row) => f.yuan(row.larderFen, 2), csv: (row) => toYuan(row.larderFen), numeric: true },
      { label: t('difference'), cell: (row) => f.yuan((row.settlementFen ?? 0) - (row.larderFen ?? 0), 2), csv: (row) => toYuan((row.settlementFen ?? 0) - (row.larderFen ?? 0)), numeric: true },
      { label: t('recon.status'), cell: (row) => status[row.status] },
    ],
  });
}

/**
 * The finance page's reconciliation: the dashboard holds no settlement file, so finance picks the
 * month's file here and the API sets it against the payments (the finance workbook can carry it too).
 */
export function reconciliationSection(context: PageContext, panel: FinancePanel): HTMLElement {
  const { t } = context;
  // The month the page's finance workbook link stands for: the same month, reconciled.
  const period = reportPeriodOf(panel.filters, { weekly: false });
  const month = 'month' in period ? period.month : '';
  const scope = context.reportScope(panel.filters);
  // The workbook is of the page's meal, as its link is; the reconciliation itself has no meal.
  const address = (path: string, meal?: string) => `/api/reports/${path}?${reportQuery({ month, canteens: scope.canteens, meal }, context.lang)}`;
  const file = h('input', { type: 'file', name: 'settlement', accept: '.csv,text/csv', 'data-field': 'contentBase64', required: true });
  const message = h('p', { class: 'form-message', role: 'alert' });
  const result = h('div', { 'data-recon-result': '' });
  const form = h(
    'form',
    { class: 'toolbar', 'data-form': 'reconciliation' },
    h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('recon.file', { month })), filePicker(file, { choose: t('chooseFile'), none: t('noFileChosen') })),
    h('button', { type: 'submit', class: 'primary' }, t('recon.check')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    say(message, t('recon.checking'));
    try {
      const body = { fileName: chosen.name, contentBase64: await base64Of(chosen) };
      const answer = await api.post<FinanceReconciliation>(address('finance/reconciliation'), body);
      say(message, null);
      const download = () => api.download(address('finance', scope.meal), body).catch((error: unknown) => say(message, errorNotice(t, error)));
      showResult(context, result, answer, download);
    } catch (error) {
      result.replaceChildren();
      say(message, errorNotice(t, error, { fields: { contentBase64: 'recon.fileLabel', fileName: 'recon.fileLabel' } }));
    }
  });
  return h('section', { class: 'card', 'data-section': 'reconciliation' }, h('h3', {}, t('reconciliation')), h('p', { class: 'muted small' }, t('recon.howTo')), form, message, result);
}
