import * as ExcelJS from 'exceljs';
import { SupplierComparisonService, SupplierComparisonView } from '@larder/procurement';
import { openReportingContext, ReportingContext, renderReport } from '../support/reporting-context';

/** The names in the first column of a sheet's table rows (data from row 4 until the total). */
function firstColumn(sheet: ExcelJS.Worksheet): string[] {
  const names: string[] = [];
  for (let n = 4; n <= sheet.rowCount; n += 1) names.push(String(sheet.getRow(n).getCell(1).value ?? ''));
  return names;
}

/** The column headed "Choice" (选择) on the comparison sheet. */
function choiceColumn(sheet: ExcelJS.Worksheet): number {
  const header = sheet.getRow(3);
  for (let n = 1; n <= header.cellCount; n += 1) if (['Choice', '选择'].includes(String(header.getCell(n).value))) return n;
  throw new Error(`no choice column on ${sheet.name}`);
}

describe('supplier comparison on the demo month', () => {
  let context: ReportingContext;
  let view: SupplierComparisonView;

  beforeAll(async () => {
    context = await openReportingContext();
    view = await context.app.get(SupplierComparisonService).compare({ canteenIds: [1, 2] });
  });

  afterAll(async () => {
    await context?.app.close();
    await context?.database.drop();
  });

  it('compares the month of the last sales day, and lists every ingredient with two or more suppliers', async () => {
    expect(view.month).toBe('2026-11');
    const multi: { ingredient_id: number; items: number }[] = await context.dataSource.query(
      'SELECT ingredient_id, count(*)::int AS items FROM supplier_item GROUP BY 1 HAVING count(*) >= 2 ORDER BY 1',
    );
    expect(multi.length).toBeGreaterThan(5);
    for (const { ingredient_id: id, items } of multi) {
      const row = view.ingredients.find((ingredient) => ingredient.ingredientId === Number(id));
      expect({ id, offers: row?.offers.length }).toEqual({ id, offers: items });
    }
    // The demo's kitchens use most multi-supplier ingredients in a month: the planner chose one for them.
    const chosen = view.ingredients.filter((row) => row.offers.length >= 2 && row.chosenSupplierItemId !== null);
    expect(chosen.length).toBeGreaterThan(multi.length / 2);
    expect(view.priceMonths).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it("adds up: each saving is last month's supplier's cost less the chosen cost, the month's the sum", () => {
    for (const row of view.ingredients) expect(row.savingFen).toBe(row.lastMonthCostFen - row.chosenCostFen);
    expect(view.savingFen).toBe(view.ingredients.reduce((sum, row) => sum + row.savingFen, 0));
    expect(view.chosenCostFen).toBeGreaterThan(0);
  });

  it.each(['en', 'zh-CN'] as const)('the purchase-plan workbook (%s) carries the same comparison as a sheet', async (language) => {
    const { workbook, summary } = await renderReport(context.reports, { kind: 'purchase-plan', month: '2026-11', canteen: undefined, language });
    const sheet = workbook.getWorksheet(language === 'en' ? 'Supplier comparison' : '货比三家')!;
    expect(sheet).toBeDefined();
    const names = new Map(
      ((await context.dataSource.query('SELECT id, name, name_en FROM ingredient')) as { id: number; name: string; name_en: string }[]).map((row) => [
        Number(row.id),
        language === 'en' ? row.name_en : row.name,
      ]),
    );
    const listed = firstColumn(sheet);
    for (const row of view.ingredients.filter((ingredient) => ingredient.offers.length >= 2)) {
      expect(listed.filter((name) => name === names.get(row.ingredientId)).length).toBe(row.offers.length);
    }
    const totalRow = sheet.getRow(4 + view.ingredients.reduce((sum, row) => sum + row.offers.length, 0));
    const saving = totalRow.getCell(totalRow.cellCount).value as ExcelJS.CellFormulaValue;
    expect(saving.formula).toMatch(/^SUM\(/);
    expect(Number(saving.result)).toBeCloseTo(view.savingFen / 100, 2);
    expect(summary.totals.comparisonSavingFen).toBe(view.savingFen);
    // The choice column says which offer was last month's supplier in words that stand alone.
    const choices = new Set<string>();
    for (let n = 4; n < totalRow.number; n += 1) choices.add(String(sheet.getRow(n).getCell(choiceColumn(sheet)).value ?? ''));
    const lastMonth = [...choices].filter((choice) => choice.includes(language === 'en' ? "Last month's" : '上月'));
    expect(lastMonth.length).toBeGreaterThan(0);
    for (const choice of lastMonth) expect(choice).toMatch(language === 'en' ? /Last month's supplier$/ : /上月供应商$/);
  });
});
