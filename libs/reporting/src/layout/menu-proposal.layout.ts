import type { MenuProposalView, MenuWhatIfSide } from '@larder/procurement';
import { fenToYuan, FORMATS, TextCell } from './cells';
import { categoryName, codeName, fill } from './labels';
import { frameOf, labelsOf, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

export interface MenuProposalWorkbookData {
  context: ReportContext;
  proposal: MenuProposalView;
}

const text = (value: string): TextCell => ({ text: value });
/** The summary mixes yuan, kg per cover and stars in one column: two decimals, a third where it matters. */
const FIGURE_FORMAT = '#,##0.00#';

/** The proposal as a manager files it: what-if summary, the changes with their status, and the menu per day × meal. */
export function writeMenuProposalWorkbook(input: { workbook: WorkbookWriter; data: MenuProposalWorkbookData }): void {
  writeSummary(input);
  writeChanges(input);
  writeMenu(input);
}

function writeSummary({ workbook, data }: { workbook: WorkbookWriter; data: MenuProposalWorkbookData }): void {
  const { context, proposal } = data;
  const labels = labelsOf(context);
  const sheet = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.menuSummary,
      reportTitle: labels.menuTitle,
      title: labels.menuSummary,
      columns: [{ header: labels.menuFigure, width: 30 }, ...[labels.menuCurrent, labels.menuProposed, labels.menuDifference].map((header) => ({ header, width: 16, format: FIGURE_FORMAT }))],
    }),
  );
  const rows: [string, (side: MenuWhatIfSide) => number | null][] = [
    [labels.menuCovers, (side) => side.covers],
    [labels.menuCostPerCover, (side) => fenToYuan(side.costFenPerCover)],
    [labels.menuCost, (side) => fenToYuan(side.costFen)],
    [labels.menuWastePerCover, (side) => side.wasteKgPerCover],
    [labels.menuWaste, (side) => side.wasteKg],
    [labels.menuStars, (side) => side.satisfaction],
    [labels.menuSubsidyPerCover, (side) => fenToYuan(side.subsidyFenPerCover)],
    [labels.menuSubsidy, (side) => fenToYuan(side.subsidyFen)],
  ];
  for (const [label, pick] of rows) {
    const current = pick(proposal.whatIf.current);
    const proposed = pick(proposal.whatIf.proposed);
    const n = sheet.currentRow;
    sheet.add([label, current, proposed, { formula: `${sheet.ref(3, n)}-${sheet.ref(2, n)}`, result: (proposed ?? 0) - (current ?? 0) }]);
  }
  sheet.endTable();
  const decided = proposal.changes.filter((change) => change.status !== 'proposed').length;
  sheet.blank();
  sheet.add([labels.menuDecided, text(`${decided} / ${proposal.changes.length}`)], 'plain');
  sheet.add([labels.canteen, text(context.canteen ? `${nameOf(context, context.canteen)} (${context.canteen.code})` : labels.allCanteens)], 'plain');
  sheet.add([labels.menuCycleLabel, text(fill(labels.period, { from: proposal.from, to: proposal.to }))], 'plain');
  sheet.blank();
  sheet.note(labels.menuSummaryNote);
  sheet.finish();
}

function writeChanges({ workbook, data }: { workbook: WorkbookWriter; data: MenuProposalWorkbookData }): void {
  const { context, proposal } = data;
  const labels = labelsOf(context);
  const sheet = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.menuChanges,
      reportTitle: labels.menuTitle,
      title: labels.menuChanges,
      columns: [
        { header: labels.menuDate, width: 11 },
        { header: labels.menuMeal, width: 9 },
        { header: labels.menuCategory, width: 10 },
        { header: labels.menuFrom, width: 16 },
        { header: labels.menuTo, width: 16 },
        { header: labels.menuReason, width: 50 },
        { header: labels.menuEffectCost, width: 13, format: FORMATS.yuan },
        { header: labels.menuEffectWaste, width: 13, format: '0.000' },
        { header: labels.menuEffectStars, width: 12, format: FORMATS.decimal2 },
        { header: labels.menuStatus, width: 9 },
        { header: labels.menuDecidedBy, width: 12 },
        { header: labels.menuNote, width: 24 },
      ],
    }),
  );
  for (const change of proposal.changes) {
    sheet.add([
      text(change.date),
      codeName(context.language, change.meal),
      categoryName(context.language, change.category),
      text(dishName(data, change.fromDishId)),
      text(dishName(data, change.toDishId)),
      text(context.language === 'en' ? change.explanation.en : change.explanation.zh),
      fenToYuan(change.after.costFenPerCover - change.before.costFenPerCover),
      change.after.wasteKgPerCover - change.before.wasteKgPerCover,
      change.after.satisfaction - change.before.satisfaction,
      codeName(context.language, change.status),
      text(change.decidedBy ?? ''),
      text(change.reason ?? ''),
    ]);
  }
  if (proposal.changes.length === 0) sheet.add([labels.menuNoChanges]);
  sheet.endTable();
  sheet.blank();
  sheet.note(labels.menuChangesNote);
  sheet.finish();
}

function writeMenu({ workbook, data }: { workbook: WorkbookWriter; data: MenuProposalWorkbookData }): void {
  const { context, proposal } = data;
  const labels = labelsOf(context);
  const sheet = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.menuByDay,
      reportTitle: labels.menuTitle,
      title: labels.menuByDay,
      columns: [
        { header: labels.menuDate, width: 11 },
        { header: labels.menuMeal, width: 9 },
        { header: labels.menuCovers, width: 9, format: FORMATS.integer },
        { header: labels.menuCurrent, width: 44 },
        { header: labels.menuProposed, width: 44 },
        { header: `${labels.menuCurrent} · ${labels.menuCostPerCover}`, width: 14, format: FORMATS.yuan },
        { header: `${labels.menuProposed} · ${labels.menuCostPerCover}`, width: 14, format: FORMATS.yuan },
      ],
    }),
  );
  const names = (ids: readonly number[]) => ids.map((id) => dishName(data, id)).join(labels.menuDishSeparator);
  for (const slot of proposal.slots) {
    sheet.add([
      text(slot.date),
      codeName(context.language, slot.meal),
      Math.round(slot.covers),
      text(names(slot.currentDishIds)),
      text(names(slot.dishIds)),
      fenToYuan(slot.current.costFenPerCover),
      fenToYuan(slot.proposed.costFenPerCover),
    ]);
  }
  sheet.endTable();
  sheet.finish();
}

function dishName(data: MenuProposalWorkbookData, dishId: number | null): string {
  if (dishId === null) return '–';
  const dish = data.proposal.dishes[dishId];
  if (!dish) return `#${dishId}`;
  return nameOf(data.context, dish);
}
