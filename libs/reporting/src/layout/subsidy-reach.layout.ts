import type { SubsidyReachView } from '@larder/analytics';
import { fenToYuan, FORMATS, noteText, TextCell } from './cells';
import { fill, Labels } from './labels';
import { frameOf, labelsOf, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

const text = (value: string): TextCell => ({ text: value });

/**
 * Subsidy reach per site (remote sites first): staff, distinct diners, reach and, with money, the
 * subsidy used against the entitlement. Hidden groups show the suppression label only; the total
 * is Larder's, not a sum of the shown rows, since hidden sites are in it.
 */
export function writeSubsidyReachSheet(input: { workbook: WorkbookWriter; context: ReportContext; reportTitle: string; reach: SubsidyReachView; money: boolean }): void {
  const { context, reach, money } = input;
  const labels = labelsOf(context);
  const sheet = ReportSheet.open(
    input.workbook,
    frameOf(context, {
      name: labels.reachSheet,
      reportTitle: input.reportTitle,
      title: fill(labels.reachTitle, { from: reach.from, to: reach.to }),
      columns: [
        { header: labels.reachSite, width: 30 },
        { header: labels.reachRemote, width: 10 },
        { header: labels.reachStaff, width: 10, format: FORMATS.integer },
        { header: labels.reachDiners, width: 10, format: FORMATS.integer },
        { header: labels.reachShare, width: 10, format: FORMATS.percent },
        ...(money
          ? [
              { header: labels.reachUsed, width: 14, format: FORMATS.yuan },
              { header: labels.reachEntitled, width: 14, format: FORMATS.yuan },
            ]
          : []),
        { header: labels.reachUsedShare, width: 12, format: FORMATS.percent },
      ],
    }),
  );
  const names = new Map(reach.siteNames.map((site) => [site.id, site]));
  const hidden = fill(labels.suppressed, { min: reach.minGroup });
  const rows = [...reach.sites].sort((a, b) => Number(a.hasCanteen) - Number(b.hasCanteen) || a.siteId - b.siteId);
  for (const site of rows) {
    const named = names.get(site.siteId);
    const remote = site.hasCanteen ? labels.reachNo : labels.reachYes;
    if (site.hidden) {
      sheet.add([text(named ? nameOf(context, named) : String(site.siteId)), remote, site.staff, hidden]);
      continue;
    }
    sheet.add([
      text(named ? nameOf(context, named) : String(site.siteId)),
      remote,
      site.staff,
      site.diners,
      site.reach,
      ...(money ? [fenToYuan(site.usedFen), fenToYuan(site.entitledFen)] : []),
      site.usedShare,
    ]);
  }
  sheet.endTable();
  const total = reach.total;
  sheet.add([labels.total, null, total.staff, total.hidden ? hidden : total.diners, total.reach, ...(money ? [fenToYuan(total.usedFen), fenToYuan(total.entitledFen)] : []), total.usedShare], 'total');
  for (const line of reachBasis(labels, reach, money)) sheet.note(line);
  sheet.note(fill(labels.reachNote, { min: reach.minGroup }));
  sheet.finish();
}

/**
 * The lines under the total: what reach and the used share are measured against, with the total's
 * own counts, as reach (anyone who ate once in the period) is easily read as daily participation.
 * A hidden total (under the group size) has no counts to give.
 */
function reachBasis(labels: Labels, reach: SubsidyReachView, money: boolean): string[] {
  const total = reach.total;
  if (total.hidden || total.diners === null) return [];
  const rate = (ratio: number | null) => (ratio === null ? labels.noDataCell : noteText.percent(ratio));
  const lines = [fill(labels.reachBasis, { diners: noteText.count(total.diners), staff: noteText.count(total.staff), rate: rate(total.reach), from: reach.from, to: reach.to })];
  if (money && total.usedFen !== null && total.entitledFen !== null) {
    lines.push(fill(labels.reachUsedMoney, { used: noteText.yuan(total.usedFen), entitled: noteText.yuan(total.entitledFen), rate: rate(total.usedShare) }));
  } else {
    lines.push(fill(labels.reachUsedShares, { rate: rate(total.usedShare) }));
  }
  return lines;
}
