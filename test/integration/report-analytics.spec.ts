import { INestApplicationContext } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ParticipationService } from '@larder/analytics';
import { addDays, isoWeekStart } from '@larder/domain';
import { ReportService } from '@larder/reporting';
import { openReportingContext, ReportingContext, renderReport as render } from '../support/reporting-context';
import { TestDatabase } from '../support/test-config';

function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let n = 4; n <= sheet.rowCount; n += 1) rows.push(sheet.getRow(n));
  return rows;
}

function formulaResult(cell: ExcelJS.Cell): number {
  const value = cell.value as ExcelJS.CellFormulaValue;
  expect(typeof value.formula).toBe('string');
  return Number(value.result);
}

const INJECTIONS = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];

describe('satisfaction, waste, accuracy and purchase-plan reports', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let reports: ReportService;
  let dataSource: DataSource;
  let one: ReportingContext['one'];

  beforeAll(async () => {
    ({ database, app, reports, dataSource, one } = await openReportingContext());
    // December has no demo feedback: canteen 1 dish 1 six diners, dish 2 seven, dish 3 two anonymous, dish 4 five; canteen 2 one diner three times.
    const feedback: [number, number, number, string | null, string[]][] = [];
    [5, 4, 4, 3, 2, 5].forEach((rating, i) => feedback.push([1, 1, rating, `p1-${i}`, [...INJECTIONS, 'plain']]));
    [4, 4, 4, 4, 4, 4, 4].forEach((rating, i) => feedback.push([1, 2, rating, `p2-${i}`, []]));
    [1, 2].forEach((rating) => feedback.push([1, 3, rating, null, ['难吃']]));
    [3, 3, 3, 3, 3].forEach((rating, i) => feedback.push([1, 4, rating, `p4-${i}`, []]));
    [5, 5, 5].forEach((rating) => feedback.push([2, 1, rating, 'same-diner', ['好吃']]));
    let id = 9_000_000;
    for (const [canteenId, dishId, rating, pseudonym, tags] of feedback) {
      await dataSource.query(
        `INSERT INTO feedback (canteen_id, id, submitted_at, service_date, meal, dish_id, rating, tags, diner_pseudonym) VALUES ($1, $2, '2026-12-07T04:00:00Z', '2026-12-07', 'lunch', $3, $4, $5, $6)`,
        [canteenId, id++, dishId, rating, tags, pseudonym],
      );
    }
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  // made after December: its figures come from the whole ISO weeks that have ended (2026-W50 here)
  const AFTER_DECEMBER = new Date('2027-01-05T04:00:00Z');

  it('satisfaction: publishes only released cells, suppressing the small dishes and the next smallest with them', async () => {
    const { workbook } = await render(reports, { kind: 'satisfaction', month: '2026-12', language: 'en', now: AFTER_DECEMBER });
    // canteen 1's lunch cell of 2026-W50 (20 diners) is released: dish 3 (2 diners) is hidden and dish 4 (5, the next smallest) with it
    const dishes = rowsOf(workbook.getWorksheet('Dishes')!).filter((row) => row.getCell(1).value);
    expect(dishes.map((row) => row.getCell(3).value).sort()).toEqual([6, 7]);
    expect(dishes.find((row) => row.getCell(3).value === 6)!.getCell(4).value).toBeCloseTo(23 / 6, 10);
    // canteen 2's cell (one diner) enters no figure, not even the total: the total is canteen 1's
    const summary = rowsOf(workbook.getWorksheet('Summary')!);
    expect(summary[0].getCell(2).value).toBe(20);
    expect(String(summary[1].getCell(2).value)).toMatch(/^fewer than 5/);
    const total = summary.find((row) => row.getCell(1).value === 'Total')!;
    expect(total.getCell(2).value).toBe(20);
    expect(total.getCell(3).value).toBeCloseTo((23 + 28 + 3 + 15) / 20, 10);
    // the tag of only two diners is not published; no comment text appears anywhere
    const tags = rowsOf(workbook.getWorksheet('Tags')!);
    expect(tags.some((row) => row.getCell(2).value === '难吃' && typeof row.getCell(3).value === 'number')).toBe(false);
    expect(tags.some((row) => row.getCell(2).value === 'plain' && row.getCell(3).value === 6)).toBe(true);
    const notes = rowsOf(workbook.getWorksheet('Notes')!).map((row) => String(row.getCell(1).value));
    expect(notes.some((note) => note.includes('2026-11-30 to 2027-01-03'))).toBe(true);
  });

  it('writes text from imported data that looks like a formula as text, never as a formula', async () => {
    const { workbook } = await render(reports, { kind: 'satisfaction', month: '2026-12', language: 'zh-CN', now: AFTER_DECEMBER });
    const tags = workbook.getWorksheet('标签')!;
    const found = new Map<string, ExcelJS.Cell>();
    tags.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula ?? undefined).toBeUndefined();
        if (typeof cell.value === 'string') found.set(cell.value, cell);
      }),
    );
    for (const text of INJECTIONS) {
      // XML turns a bare carriage return into a line feed on reading; the cell stays text either way.
      const cell = found.get(text) ?? found.get(text.replace(/\r/g, '\n'));
      if (!cell) throw new Error(`${JSON.stringify(text)} not found among ${JSON.stringify([...found.keys()])}`);
      expect(cell).toBeDefined();
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
      expect(cell!.numFmt).toBe('@');
    }
  });

  it('participation: each week, per canteen and in total, equals the same figures read for that week alone', async () => {
    const participation = app.get(ParticipationService);
    // Every site's staff, and only canteen 2's own site's.
    for (const range of [
      { from: '2026-10-07', to: '2026-11-03', canteenIds: [1, 2], allSites: true },
      { from: '2026-10-07', to: '2026-11-03', canteenIds: [2], allSites: false },
    ]) {
      const weeks = await participation.weekly(range);
      const totals = weeks.filter((week) => week.canteenId === null);
      expect(totals.map((week) => week.week)).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45']);
      for (const week of totals) {
        // The first and last weeks are cut to the range.
        const from = [isoWeekStart(week.week), range.from].sort()[1];
        const to = [addDays(isoWeekStart(week.week), 6), range.to].sort()[0];
        expect(week).toMatchObject(await participation.total({ ...range, from, to }));
        for (const canteenId of range.canteenIds) {
          const alone = (await participation.byCanteen({ ...range, from, to, canteenIds: [canteenId] })).get(canteenId);
          const row = weeks.find((candidate) => candidate.week === week.week && candidate.canteenId === canteenId);
          // A canteen closed all week has no row, as it has no figures read alone.
          expect(row && { dinerDays: row.dinerDays, staffOnDutyDays: row.staffOnDutyDays, serviceDays: row.serviceDays }).toEqual(alone);
        }
      }
      expect(totals.every((week) => week.dinerDays > 0 && week.staffOnDutyDays > week.dinerDays)).toBe(true);
    }
  });

  it('satisfaction: says what participation, the rating shares and the tag shares are measured against, with the sheet’s figures', async () => {
    // Made on 2026-12-05: the whole weeks November touches that have ended, 2026-W44 to 2026-W48.
    const weeks = ['2026-10-26', '2026-11-29'];
    const keptDays = `SELECT canteen_id, service_date, max(covers) AS busiest FROM daily_meal_rollup WHERE service_date BETWEEN $1 AND $2 GROUP BY 1, 2 HAVING max(covers) >= 5`;
    const diners = await one(`SELECT sum(busiest) FROM (${keptDays}) d`, weeks);
    const everySite = await one(`SELECT sum(on_duty) FROM headcount WHERE day IN (SELECT service_date FROM (${keptDays}) d)`, weeks);
    const ownSites = await one(`SELECT sum(on_duty) FROM headcount WHERE day IN (SELECT service_date FROM (${keptDays}) d) AND site_id IN (SELECT site_id FROM canteen)`, weeks);
    expect(everySite).toBeGreaterThan(ownSites);
    const grouped = (n: number) => n.toLocaleString('en-US');
    const number = (text: string) => Number(text.replace(/,/g, ''));

    for (const language of ['en', 'zh-CN'] as const) {
      const { workbook } = await render(reports, { kind: 'satisfaction', month: '2026-11', language, now: new Date('2026-12-05T04:00:00Z') });
      const [summary, , , trendSheet] = workbook.worksheets;
      const rows = rowsOf(summary);
      const totalIndex = rows.findIndex((row) => row.getCell(1).value === (language === 'en' ? 'Total' : '合计'));
      const total = rows[totalIndex];
      const [participationNote, weeksNote, ratingNote] = rows.slice(totalIndex + 1, totalIndex + 4).map((row) => String(row.getCell(1).value));
      expect(summary.getRow(3).getCell(6).value).toBe(language === 'en' ? 'Participation (diners / staff on duty)' : '就餐率（就餐人数/在岗人数）');

      // Participation: diner-days over every site's staff-on-duty days, the figure in the total's cell.
      expect(Number(total.getCell(6).value)).toBeCloseTo(diners / everySite, 10);
      const rate = `${((diners / everySite) * 100).toFixed(1)}%`;
      expect(participationNote).toContain(
        language === 'en'
          ? `The total is ${grouped(diners)} diner-days over ${grouped(everySite)} staff-on-duty days at every site, sites without a canteen included (${rate})`
          : `合计为 ${grouped(diners)} 就餐人日除以全部单位（含没有食堂的单位）的 ${grouped(everySite)} 在岗人日（${rate}）`,
      );
      expect(weeksNote).toContain(language === 'en' ? '2026-10-26 to 2026-11-29' : '2026-10-26 至 2026-11-29');

      // Ratings: shares of the responses in the total's cells, with the counts they are made of.
      const responses = Number(total.getCell(2).value);
      expect(responses).toBeGreaterThan(0);
      const counts = (language === 'en' ? /in total ([\d,]+) and ([\d,]+) of the ([\d,]+) responses/ : /的 ([\d,]+) 条评价中的 ([\d,]+) 条和 ([\d,]+) 条/).exec(ratingNote)!.slice(1).map(number);
      const [satisfied, dissatisfied, noteResponses] = language === 'en' ? counts : [counts[1], counts[2], counts[0]];
      expect(noteResponses).toBe(responses);
      expect(satisfied / responses).toBeCloseTo(Number(total.getCell(4).value), 10);
      expect(dissatisfied / responses).toBeCloseTo(Number(total.getCell(5).value), 10);

      expect(trendSheet.getRow(3).getCell(7).value).toBe(language === 'en' ? 'Participation (diners / staff on duty)' : '就餐率（就餐人数/在岗人数）');
      expect(rowsOf(trendSheet).some((row) => String(row.getCell(1).value).includes(language === 'en' ? 'over the staff-on-duty days at its own site' : '其所在单位的在岗人日'))).toBe(true);
    }

    // Tags (the feedback of December above; the demo's has none): all canteens' shares are mentions over the summary's total responses.
    for (const language of ['en', 'zh-CN'] as const) {
      const { workbook } = await render(reports, { kind: 'satisfaction', month: '2026-12', language, now: AFTER_DECEMBER });
      const [summary, , tagSheet] = workbook.worksheets;
      const responses = Number(
        rowsOf(summary)
          .find((row) => row.getCell(1).value === (language === 'en' ? 'Total' : '合计'))!
          .getCell(2).value,
      );
      expect(responses).toBe(20);
      const tagRows = rowsOf(tagSheet);
      const tagNote = String(tagRows.find((row) => /Share of responses =|占评价比例 =/.test(String(row.getCell(1).value)))!.getCell(1).value);
      expect(tagNote).toContain(language === 'en' ? `(${grouped(responses)} for all canteens` : `全部食堂为 ${grouped(responses)} 条`);
      const allCanteens = tagRows.filter((row) => row.getCell(1).value === (language === 'en' ? 'All canteens' : '全部食堂') && typeof row.getCell(3).value === 'number');
      expect(allCanteens.length).toBeGreaterThan(0);
      for (const row of allCanteens) expect(Number(row.getCell(4).value)).toBeCloseTo(Number(row.getCell(3).value) / responses, 10);
    }
  });

  it('waste: totals equal the rollups and the waste log', async () => {
    const { workbook, summary } = await render(reports, { kind: 'waste', month: '2026-11', language: 'en' });
    const total = rowsOf(workbook.getWorksheet('Summary')!).find((row) => row.getCell(1).value === 'Total')!;
    const range = ['2026-11-01', '2026-11-30'];
    expect(formulaResult(total.getCell(3))).toBe(await one('SELECT sum(prepared) FROM daily_dish_rollup WHERE service_date BETWEEN $1 AND $2', range));
    expect(formulaResult(total.getCell(5))).toBe(await one('SELECT sum(wasted_portions) FROM daily_dish_rollup WHERE service_date BETWEEN $1 AND $2', range));
    expect(formulaResult(total.getCell(7))).toBeCloseTo(await one(`SELECT sum(kg) FROM waste_log WHERE kind = 'plate' AND service_date BETWEEN $1 AND $2`, range), 3);
    expect(formulaResult(total.getCell(12))).toBeCloseTo(summary.totals.wasteCostFen! / 100, 2);
    expect(summary.totals.wasteCostFen).toBeGreaterThan(0);
  });

  /** Canteen 2's lunch covers forecast by a run: P10-P90 is the P50 ± 8. */
  const storeLunchCovers = (runId: string, serviceDate: string, p50: number, options: { superseded?: boolean } = {}) =>
    dataSource.query(`INSERT INTO forecast (canteen_id, run_id, service_date, meal, dish_id, model, p50, p10, p90, superseded) VALUES (2, $1, $2, 'lunch', 0, 'test', $3, $4, $5, $6)`, [
      runId,
      serviceDate,
      p50,
      p50 - 8,
      p50 + 8,
      options.superseded ?? false,
    ]);

  it('accuracy: says so plainly when no forecasts are stored, and scores them once they are', async () => {
    const empty = await render(reports, { kind: 'accuracy', month: '2026-11', language: 'en' });
    expect(String(empty.workbook.getWorksheet('Summary')!.getCell('A4').value)).toContain('No forecasts are stored');
    expect(empty.summary.totals.pairs).toBe(0);

    const runId = '00000000-0000-4000-8000-000000000001';
    await dataSource.query(`INSERT INTO forecast_run (id, as_of, horizon_days, status) VALUES ($1, '2026-11-09', 14, 'done')`, [runId]);
    const actuals: { service_date: string; covers: number }[] = await dataSource.query(
      `SELECT service_date::text, covers FROM daily_meal_rollup WHERE canteen_id = 2 AND meal = 'lunch' AND service_date BETWEEN '2026-11-10' AND '2026-11-12' ORDER BY 1`,
    );
    expect(actuals.length).toBe(3);
    for (const [i, day] of actuals.entries()) await storeLunchCovers(runId, day.service_date, day.covers + (i === 0 ? 10 : -5));
    const { workbook, summary } = await render(reports, { kind: 'accuracy', month: '2026-11', language: 'en' });
    const actualSum = actuals.reduce((sum, day) => sum + day.covers, 0);
    expect(summary.totals.pairs).toBe(3);
    expect(summary.totals.coversWape).toBeCloseTo(20 / actualSum, 10);
    const total = rowsOf(workbook.getWorksheet('Summary')!).find((row) => row.getCell(1).value === 'Total')!;
    expect(formulaResult(total.getCell(7))).toBeCloseTo(20 / actualSum, 10);
    expect(total.getCell(9).value).toBeCloseTo(2 / 3, 10); // the over-forecast day misses P10-P90
  });

  it('accuracy: every stored forecast of a day by the week it was made in, superseded ones too, one per as-of', async () => {
    const days: { service_date: string; covers: number }[] = await dataSource.query(
      `SELECT service_date::text, covers FROM daily_meal_rollup WHERE canteen_id = 2 AND meal = 'lunch' AND service_date BETWEEN '2026-11-10' AND '2026-11-12' ORDER BY 1`,
    );
    // Besides the run as of 2026-11-09 stored above (1–3 days ahead), two runs as of 2026-11-02 (8–10 days
    // ahead): the later one counts; the run of 2026-11-09 has superseded both.
    const runs = [
      { id: '00000000-0000-4000-8000-000000000003', createdAt: '2026-11-02T20:00:00Z', off: 500 },
      { id: '00000000-0000-4000-8000-000000000004', createdAt: '2026-11-03T20:00:00Z', off: 30 },
    ];
    for (const run of runs) {
      await dataSource.query(`INSERT INTO forecast_run (id, created_at, as_of, horizon_days, status) VALUES ($1, $2, '2026-11-02', 28, 'done')`, [run.id, run.createdAt]);
      for (const day of days) await storeLunchCovers(run.id, day.service_date, day.covers + run.off, { superseded: true });
    }
    const { workbook, summary } = await render(reports, { kind: 'accuracy', month: '2026-11', language: 'en' });
    const actualSum = days.reduce((sum, day) => sum + day.covers, 0);
    // The latest forecast before each day is still the run as of 2026-11-09's.
    expect(summary.totals.coversWape).toBeCloseTo(20 / actualSum, 10);
    const byLead = workbook.getWorksheet('By days ahead')!;
    expect(String(byLead.getCell('A1').value)).toContain('By days ahead · Covers');
    const weeks = rowsOf(byLead).filter((row) => row.getCell(1).value);
    expect(weeks.map((row) => row.getCell(1).value)).toEqual(['1–7', '8–14']);
    const [near, far] = weeks;
    expect(near.getCell(2).value).toBe(3);
    expect(formulaResult(near.getCell(6))).toBeCloseTo(20 / actualSum, 10);
    expect(far.getCell(2).value).toBe(3);
    expect(formulaResult(far.getCell(6))).toBeCloseTo(90 / actualSum, 10);
    expect(far.getCell(8).value).toBe(0); // 30 over with a band of ±8: every day above P90
  });

  it('accuracy: meals in the order of the day, covers whole and forecasts to a tenth', async () => {
    const runId = '00000000-0000-4000-8000-000000000002';
    await dataSource.query(`INSERT INTO forecast_run (id, as_of, horizon_days, status) VALUES ($1, '2026-11-09', 14, 'done')`, [runId]);
    const days: { meal: string; covers: number }[] = await dataSource.query(`SELECT meal, covers FROM daily_meal_rollup WHERE canteen_id = 2 AND service_date = '2026-11-10' ORDER BY meal`);
    expect(days.length).toBeGreaterThanOrEqual(3);
    for (const day of days) {
      await dataSource.query(`INSERT INTO forecast (canteen_id, run_id, service_date, meal, dish_id, model, p50, p10, p90) VALUES (2, $1, '2026-11-10', $2, 0, 'test', $3, $4, $5)`, [
        runId,
        day.meal,
        day.covers + 0.25,
        day.covers - 8,
        day.covers + 8,
      ]);
    }
    const { workbook } = await render(reports, { kind: 'accuracy', month: '2026-11', language: 'en' });
    const byMeal = workbook.getWorksheet('By meal')!;
    const meals = rowsOf(byMeal).map((row) => row.getCell(1).value);
    const order = ['Breakfast', 'Lunch', 'Dinner', 'Night meal'].filter((meal) => meals.includes(meal));
    expect(meals).toEqual(order);
    expect(meals.length).toBeGreaterThanOrEqual(3);
    expect(byMeal.getCell('D4').numFmt).toBe('#,##0');
    expect(byMeal.getCell('E4').numFmt).toBe('#,##0.0');
  });

  it('purchase plan: a summary linked to one sheet per supplier, totals equal the orders', async () => {
    const orders = [
      {
        id: '00000000-0000-4000-8000-0000000000a1',
        supplier: 1,
        canteen: 1,
        delivery: '2026-11-24',
        lines: [
          [1, 1, 3, 6645],
          [3, 2, 2, 5000],
        ],
      },
      { id: '00000000-0000-4000-8000-0000000000a2', supplier: 2, canteen: 2, delivery: '2026-11-26', lines: [[2, 1, 5, 12359]] },
      { id: '00000000-0000-4000-8000-0000000000a3', supplier: 2, canteen: 2, delivery: '2026-11-27', lines: [[2, 1, 9, 12359]], status: 'cancelled' },
      // Next week's draft delivers on Saturday of this one: it belongs to W49's plan, not to W48's workbook.
      { id: '00000000-0000-4000-8000-0000000000a4', supplier: 1, canteen: 2, delivery: '2026-11-28', lines: [[1, 1, 4, 6645]], status: 'draft', week: '2026-W49' },
      // A superseded version's order is not the week's either.
      { id: '00000000-0000-4000-8000-0000000000a5', supplier: 1, canteen: 1, delivery: '2026-11-25', lines: [[1, 1, 7, 6645]], status: 'cancelled', version: 1 },
    ];
    const planId = (canteen: number, week: string, version: number) => `00000000-0000-4000-8000-${String(canteen * 1000 + version).padStart(4, '0')}${week.slice(-2)}000000`;
    for (const [canteen, week, version, status] of [
      [1, '2026-W48', 1, 'superseded'],
      [1, '2026-W48', 2, 'approved'],
      [2, '2026-W48', 1, 'approved'],
      [2, '2026-W49', 1, 'draft'],
    ] as const) {
      await dataSource.query(`INSERT INTO production_plan (id, canteen_id, week, version, status, created_by) VALUES ($1, $2, $3, $4, $5, 'test')`, [
        planId(canteen, week, version),
        canteen,
        week,
        version,
        status,
      ]);
    }
    for (const order of orders) {
      const total = order.lines.reduce((sum, [, , packs, price]) => sum + packs * price, 0);
      const plan = planId(order.canteen, order.week ?? '2026-W48', order.version ?? (order.canteen === 1 ? 2 : 1));
      await dataSource.query(`INSERT INTO purchase_order (id, canteen_id, plan_id, supplier_id, order_date, delivery_date, status, total_fen) VALUES ($1, $2, $3, $4, '2026-11-20', $5, $6, $7)`, [
        order.id,
        order.canteen,
        plan,
        order.supplier,
        order.delivery,
        order.status ?? 'approved',
        total,
      ]);
      for (const [item, ingredient, packs, price] of order.lines) {
        await dataSource.query(
          `INSERT INTO purchase_order_line (order_id, supplier_item_id, canteen_id, ingredient_id, packs, pack_price_fen, amount_fen, needed_quantity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [order.id, item, order.canteen, ingredient, packs, price, packs * price, packs * 9.5],
        );
      }
    }
    const { workbook, summary } = await render(reports, { kind: 'purchase-plan', week: '2026-W48', language: 'en' });
    const expected = 3 * 6645 + 2 * 5000 + 5 * 12359;
    expect(summary.totals.amountFen).toBe(expected);
    // Summary, two suppliers, the supplier comparison and the notes.
    expect(workbook.worksheets.map((sheet) => sheet.name).slice(3)).toEqual(['Supplier comparison', 'Notes']);
    const sheet = workbook.getWorksheet('Summary')!;
    const total = rowsOf(sheet).find((row) => row.getCell(1).value === 'Total')!;
    expect(formulaResult(total.getCell(4))).toBeCloseTo(expected / 100, 2);
    const link = sheet.getCell('D4').value as ExcelJS.CellFormulaValue;
    expect(link.formula).toMatch(/^'.+'!I6$/);
    const supplierSheet = workbook.worksheets[1];
    expect(supplierSheet.getCell('I4').value).toMatchObject({ formula: 'G4*H4', result: (3 * 6645) / 100 });
    expect(supplierSheet.getCell('J4').value).toBe('Approved, to send');
    expect(supplierSheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:3' });
  });
});
