import { FinanceFigures, hasFinanceData, RangeBudget } from '@larder/analytics';
import { fenToYuan, FORMATS, TextCell } from './cells';
import { codeName, fill } from './labels';
import { frameOf, labelsOf, Named, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

export interface FinanceRow {
  figures: FinanceFigures;
  lastMonth: FinanceFigures;
  /** The same month a year earlier. */
  lastYear: FinanceFigures;
  /** The budget table's lines for the month; null where none is set. */
  budget: RangeBudget;
}

export interface SubsidyChange {
  date: string;
  meal: string;
  beforeFen: number;
  afterFen: number;
}

interface ComparisonData {
  context: ReportContext;
  canteens: (FinanceRow & { canteen: Named })[];
  total: FinanceRow;
  subsidyChanges: SubsidyChange[];
}

const yuan = fenToYuan;
const text = (value: string): TextCell => ({ text: value });
type Sums = { from: number; to: number } | null;

/** Ingredient cost and subsidy against the budget table, per canteen and in total; "no budget set" where none is. */
export function writeBudgetSheet(workbook: WorkbookWriter, data: ComparisonData): void {
  const labels = labelsOf(data.context);
  const money = { width: 15, format: FORMATS.yuan };
  const sheet = ReportSheet.open(
    workbook,
    frameOf(data.context, {
      name: labels.comparison,
      reportTitle: labels.financeTitle,
      title: labels.comparison,
      columns: [
        { header: labels.canteen, width: 26 },
        { header: labels.ingredientCost, ...money },
        { header: labels.ingredientBudget, ...money },
        { header: labels.variance, ...money },
        { header: labels.variancePct, width: 10, format: FORMATS.percent },
        { header: labels.subsidy, ...money },
        { header: labels.subsidyBudget, ...money },
        { header: labels.variance, ...money },
        { header: labels.variancePct, width: 10, format: FORMATS.percent },
        { header: labels.labourBudget, ...money },
      ],
    }),
  );
  const rowOf = (label: string | TextCell, row: FinanceRow, n: number, sums: Sums) => {
    const r = (column: number) => sheet.ref(column, n);
    const budgetCell = (column: number, fen: number | null) => (fen === null ? labels.budgetNone : sums ? { formula: sheet.sum(column, sums.from, sums.to), result: yuan(fen) } : yuan(fen));
    const actual = (column: number, fen: number) => (sums ? { formula: sheet.sum(column, sums.from, sums.to), result: yuan(fen) } : yuan(fen));
    const variance = (actualColumn: number, budgetColumn: number, actualFen: number, budgetFen: number | null) => [
      { formula: `IF(ISNUMBER(${r(budgetColumn)}),${r(actualColumn)}-${r(budgetColumn)},"")`, result: budgetFen === null ? '' : fenToYuan(actualFen - budgetFen) },
      { formula: `IF(AND(ISNUMBER(${r(budgetColumn)}),N(${r(budgetColumn)})<>0),${r(budgetColumn + 1)}/${r(budgetColumn)},"")`, result: budgetFen ? (actualFen - budgetFen) / budgetFen : '' },
    ];
    const f = row.figures;
    return [
      label,
      actual(2, f.ingredientCostFen),
      budgetCell(3, row.budget.ingredientsFen),
      ...variance(2, 3, f.ingredientCostFen, row.budget.ingredientsFen),
      actual(6, f.subsidyFen),
      budgetCell(7, row.budget.subsidyFen),
      ...variance(6, 7, f.subsidyFen, row.budget.subsidyFen),
      budgetCell(10, row.budget.labourFen),
    ];
  };
  for (const row of data.canteens) sheet.add(rowOf(text(nameOf(data.context, row.canteen)), row, sheet.currentRow, null));
  const last = sheet.currentRow - 1;
  sheet.endTable();
  // The total's budget is the canteens' sum only when every canteen has one (FinanceBudgetService), so the SUM agrees.
  sheet.add(rowOf(labels.total, data.total, sheet.currentRow, { from: sheet.firstDataRow, to: last }), 'total');
  const meal = (code: string) => codeName(data.context.language, code);
  const changes = data.subsidyChanges.map((change) =>
    fill(labels.subsidyChange, { date: change.date, meal: meal(change.meal), before: fenToYuan(change.beforeFen).toFixed(2), after: fenToYuan(change.afterFen).toFixed(2) }),
  );
  for (const note of changes.length > 0 ? changes : [labels.noSubsidyChange]) sheet.note(note);
  // Budget lines carry no meal: a meal-limited report says its budget is every meal's rather than invent a split.
  if (data.context.meal) sheet.note(fill(labels.budgetAllMeals, { meal: meal(data.context.meal) }));
  sheet.finish();
}

/** This month against last month and the same month a year earlier. */
export function writePeriodsSheet(workbook: WorkbookWriter, data: ComparisonData): void {
  const labels = labelsOf(data.context);
  const money = { width: 14, format: FORMATS.yuan };
  const pct = { width: 10, format: FORMATS.percent };
  const sheet = ReportSheet.open(
    workbook,
    frameOf(data.context, {
      name: labels.periods,
      reportTitle: labels.financeTitle,
      title: labels.periods,
      columns: [
        { header: labels.canteen, width: 24 },
        { header: `${labels.revenue} ${labels.thisMonth}`, ...money },
        { header: `${labels.revenue} ${labels.lastMonth}`, ...money },
        { header: `${labels.revenue} ${labels.sameMonthLastYear}`, ...money },
        { header: labels.yearOnYearPct, ...pct },
        { header: `${labels.subsidy} ${labels.thisMonth}`, ...money },
        { header: `${labels.subsidy} ${labels.sameMonthLastYear}`, ...money },
        { header: labels.yearOnYearPct, ...pct },
        { header: `${labels.ingredientCost} ${labels.thisMonth}`, ...money },
        { header: `${labels.ingredientCost} ${labels.lastMonth}`, ...money },
        { header: `${labels.ingredientCost} ${labels.sameMonthLastYear}`, ...money },
        { header: labels.yearOnYearPct, ...pct },
        { header: `${labels.covers} ${labels.thisMonth}`, width: 11, format: FORMATS.integer },
        { header: `${labels.covers} ${labels.sameMonthLastYear}`, width: 11, format: FORMATS.integer },
      ],
    }),
  );
  const rowOf = (label: string | TextCell, row: FinanceRow, n: number, sums: Sums) => {
    const r = (column: number) => sheet.ref(column, n);
    const cell = (column: number, value: number) => (sums ? { formula: sheet.sum(column, sums.from, sums.to), result: value } : value);
    const [f, m, y] = [row.figures, row.lastMonth, row.lastYear];
    // A month without trade says so, as the Finance page does, rather than showing ¥0.00 as if nothing had been spent.
    const noData = text(labels.noDataCell);
    const [hasMonth, hasYear] = [hasFinanceData(m), hasFinanceData(y)];
    const before = (has: boolean, column: number, value: number) => (has ? cell(column, value) : noData);
    const change = (has: boolean, now: number, past: number) => (has && past !== 0 ? now / past - 1 : '');
    return [
      label,
      cell(2, yuan(f.revenueFen)!),
      before(hasMonth, 3, yuan(m.revenueFen)!),
      before(hasYear, 4, yuan(y.revenueFen)!),
      { formula: `IF(N(${r(4)})=0,"",${r(2)}/${r(4)}-1)`, result: change(hasYear, f.revenueFen, y.revenueFen) },
      cell(6, yuan(f.subsidyFen)!),
      before(hasYear, 7, yuan(y.subsidyFen)!),
      { formula: `IF(N(${r(7)})=0,"",${r(6)}/${r(7)}-1)`, result: change(hasYear, f.subsidyFen, y.subsidyFen) },
      cell(9, yuan(f.ingredientCostFen)!),
      before(hasMonth, 10, yuan(m.ingredientCostFen)!),
      before(hasYear, 11, yuan(y.ingredientCostFen)!),
      { formula: `IF(N(${r(11)})=0,"",${r(9)}/${r(11)}-1)`, result: change(hasYear, f.ingredientCostFen, y.ingredientCostFen) },
      cell(13, f.covers),
      before(hasYear, 14, y.covers),
    ];
  };
  for (const row of data.canteens) sheet.add(rowOf(text(nameOf(data.context, row.canteen)), row, sheet.currentRow, null));
  const last = sheet.currentRow - 1;
  sheet.endTable();
  sheet.add(rowOf(labels.total, data.total, sheet.currentRow, { from: sheet.firstDataRow, to: last }), 'total');
  sheet.finish();
}
