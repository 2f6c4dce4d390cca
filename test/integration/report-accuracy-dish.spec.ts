import { INestApplicationContext } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { accuracyOf } from '@larder/analytics';
import { ReportService } from '@larder/reporting';
import { openReportingContext, renderReport as render } from '../support/reporting-context';
import { TestDatabase } from '../support/test-config';

function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let n = 4; n <= sheet.rowCount; n += 1) if (sheet.getRow(n).getCell(1).value !== null) rows.push(sheet.getRow(n));
  return rows;
}

function formulaResult(cell: ExcelJS.Cell): number | string {
  const value = cell.value as ExcelJS.CellFormulaValue;
  expect(typeof value.formula).toBe('string');
  return value.result as number | string;
}

/** A canteen manager's report of one dish: its stored forecasts against its portions sold, day by day. */
describe('the accuracy report of one dish', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let reports: ReportService;
  let dataSource: DataSource;
  let dish: { id: number; code: string; name: string; name_en: string };
  const days = ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
  // p50 = actual + offset; the last day's band lies above what sold
  const offsets = [3, -2, 1.5, 6];
  let actuals: number[];
  const bandOf = (i: number) => (i === 3 ? { p10: actuals[i] + 1, p90: actuals[i] + 10 } : { p10: Math.max(0, actuals[i] - 4), p90: actuals[i] + 4 });

  beforeAll(async () => {
    ({ database, app, reports, dataSource } = await openReportingContext());
    // canteen 2's most sold lunch dish of those days; a day it was not on sale counts zero, as a forecast meal that sold none
    [dish] = await dataSource.query(
      `SELECT d.id, d.code, d.name, d.name_en FROM daily_dish_rollup r JOIN dish d ON d.id = r.dish_id
       WHERE r.canteen_id = 2 AND r.meal = 'lunch' AND r.service_date = ANY($1::date[]) GROUP BY 1, 2, 3, 4 ORDER BY sum(r.quantity) DESC, 1 LIMIT 1`,
      [days],
    );
    actuals = [];
    for (const day of days) {
      const [row] = await dataSource.query(
        `SELECT (SELECT count(*) FROM daily_meal_rollup WHERE canteen_id = 2 AND meal = 'lunch' AND service_date = $1)::int AS served,
                COALESCE((SELECT sum(quantity) FROM daily_dish_rollup WHERE canteen_id = 2 AND meal = 'lunch' AND service_date = $1 AND dish_id = $2), 0)::float AS sold`,
        [day, dish.id],
      );
      expect(row.served).toBe(1);
      actuals.push(row.sold);
    }
    expect(actuals.filter((sold) => sold > 0).length).toBeGreaterThanOrEqual(2);
    const runId = '00000000-0000-4000-8000-0000000000d1';
    await dataSource.query(`INSERT INTO forecast_run (id, as_of, horizon_days, status) VALUES ($1, '2026-11-09', 14, 'done')`, [runId]);
    const insert = `INSERT INTO forecast (canteen_id, run_id, service_date, meal, dish_id, model, p50, p10, p90) VALUES (2, $1, $2, 'lunch', $3, 'test', $4, $5, $6)`;
    for (const [i, day] of days.entries()) {
      await dataSource.query(insert, [runId, day, dish.id, actuals[i] + offsets[i], bandOf(i).p10, bandOf(i).p90]);
      // covers and another dish forecast the same days: the dish's report leaves them out
      await dataSource.query(insert, [runId, day, 0, 500, 400, 600]);
      await dataSource.query(insert, [runId, day, dish.id === 1 ? 2 : 1, 50, 40, 60]);
    }
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('scores the dish day by day against its portions sold, titled with its name', async () => {
    const { workbook, summary } = await render(reports, { kind: 'accuracy', month: '2026-11', canteen: 'C02', dish: dish.code, language: 'en' });
    const error = offsets.reduce((sum, offset) => sum + Math.abs(offset), 0);
    const sold = actuals.reduce((sum, value) => sum + value, 0);
    expect(summary.dish).toBe(dish.code);
    expect(summary.fileName).toContain(dish.code);
    expect(summary.totals).toMatchObject({ storedForecasts: 4, pairs: 4 });
    expect(summary.totals.dishWape).toBeCloseTo(error / sold, 10);
    expect(summary.totals.dishBias).toBeCloseTo(offsets.reduce((sum, offset) => sum + offset, 0) / sold, 10);
    expect(String(workbook.getWorksheet('Summary')!.getCell('A1').value)).toContain(`Forecast accuracy report: ${dish.name_en}`);

    const daily = workbook.getWorksheet('Daily')!;
    expect(String(daily.getCell('A1').value)).toContain(`Daily · ${dish.name_en}`);
    const rows = rowsOf(daily);
    expect(rows.map((row) => (row.getCell(1).value as Date).toISOString().slice(0, 10))).toEqual(days);
    for (const [i, row] of rows.entries()) {
      const p50 = actuals[i] + offsets[i];
      expect(row.getCell(3).value).toBe(1);
      expect(row.getCell(4).value).toBe(actuals[i]);
      expect(row.getCell(5).value).toBeCloseTo(p50, 2);
      expect(row.getCell(6).value).toBeCloseTo(Math.abs(offsets[i]), 2);
      if (actuals[i] > 0) expect(formulaResult(row.getCell(7))).toBeCloseTo(Math.abs(offsets[i]) / actuals[i], 10);
      else expect(formulaResult(row.getCell(7)) ?? '').toBe(''); // no WAPE of a day that sold none
      // inside the band but the last day; a day that sold none ties with its p10 of 0 and counts in part, as the metric's owner counts it
      const hit = accuracyOf([{ canteenId: 2, serviceDate: days[i], meal: 'lunch', dishId: dish.id, p50, ...bandOf(i), actual: actuals[i] }]).intervalHitRate;
      expect(hit).toBe(i === 3 ? 0 : actuals[i] > 0 ? 1 : hit);
      expect(row.getCell(9).value).toBeCloseTo(hit!, 10);
    }
    // the one dish, no covers, in every sheet
    expect(rowsOf(workbook.getWorksheet('Dishes')!).map((row) => row.getCell(1).value)).toEqual([dish.name_en]);
    const targets = rowsOf(workbook.getWorksheet('Summary')!).map((row) => row.getCell(2).value);
    expect(targets).toEqual([dish.name_en, dish.name_en]);
    const notes = workbook.getWorksheet('Notes')!;
    expect(notes.getSheetValues().flat().join(' ')).toContain(`of ${dish.name_en} alone`);
  });

  it('takes the dish by id and names it in Chinese', async () => {
    const { workbook, summary } = await render(reports, { kind: 'accuracy', month: '2026-11', canteen: 'C02', dish: String(dish.id), language: 'zh-CN' });
    expect(summary.totals.pairs).toBe(4);
    expect(String(workbook.getWorksheet('汇总')!.getCell('A1').value)).toContain(`预测准确度报告：${dish.name}`);
  });

  it('refuses a dish it does not know, naming it, and a dish for another report', async () => {
    await expect(reports.prepare({ kind: 'accuracy', month: '2026-11', dish: 'NO-SUCH-DISH' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"NO-SUCH-DISH"') });
    await expect(reports.prepare({ kind: 'waste', month: '2026-11', dish: dish.code })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('accuracy') });
  });
});
