import type { NestExpressApplication } from '@nestjs/platform-express';
import * as ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '@larder/auth';
import { DatabaseService } from '@larder/database';
import { DemoSeedService } from '@larder/ingestion';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { insertOrder } from '../support/purchase-orders-fixture';
import { createTestDatabase, TestDatabase } from '../support/test-config';

function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

function totalRow(sheet: ExcelJS.Worksheet, word: string): ExcelJS.Row {
  for (let n = 4; n <= sheet.rowCount; n += 1) if (sheet.getRow(n).getCell(1).value === word) return sheet.getRow(n);
  throw new Error(`no ${word} row on ${sheet.name}`);
}

/** A cell's number, from a formula's result or a plain value; text (such as "no budget set") as it is. */
function value(cell: ExcelJS.Cell): number | string {
  const raw = cell.value as ExcelJS.CellValue;
  if (raw !== null && typeof raw === 'object' && 'formula' in raw) return raw.result as number;
  return raw as number | string;
}

const yuan = (fen: number) => Math.round(fen) / 100;

describe('finance: one budget, the subsidy change and last year agree between page and workbook', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let dataSource: DataSource;
  let finance: SignedInAgent;
  let admin: SignedInAgent;
  const changeMonth = '2026-11';
  const changeDate = '2026-11-23';

  const page = async (from: string, to: string) => (await finance.agent.get(`/api/dashboard/finance?from=${from}&to=${to}`).expect(200)).body;
  const workbook = async (month: string, meal = '') => {
    const response = await finance.agent
      .get(`/api/reports/finance?month=${month}&lang=en${meal ? `&meal=${meal}` : ''}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body as ArrayBuffer);
    return book;
  };
  const monthEnd = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    dataSource = app.get(DatabaseService).dataSource;
    // Over a year of history, so November has a same month a year earlier.
    await app.get(DemoSeedService).seed({ seed: 11, canteens: 2, employees: 300, days: 430, endDate: '2026-11-30' });
    finance = await signIn(app, { username: 'budget-finance', role: 'finance' });
    admin = await signIn(app, { username: 'budget-admin', role: 'admin' });
    // The employer raises the lunch subsidy again on 23 November (the rule, not yet the payments).
    const rules = 'valid_from,meal,subsidy\n2026-11-23,lunch,11.00\n';
    await admin.agent.post('/api/import/subsidy_rules?profile=demo').set('x-csrf-token', admin.csrfToken).attach('file', Buffer.from(rules), 'subsidy_rules.csv').expect(200);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('seeds a demo budget, and the page and the workbook show the same budget, subsidy change and last year', async () => {
    const body = await page(`${changeMonth}-01`, monthEnd(changeMonth));
    expect(body.budget.prorated).toBe(false);
    expect(body.budget.ingredientsFen).toBeGreaterThan(0);
    expect(body.budget.subsidyFen).toBeGreaterThan(0);
    expect(body.budget.labourFen).toBeNull();
    expect(body.subsidy.usedShare).toBeCloseTo(body.subsidy.spentFen / body.budget.subsidyFen, 10);
    const subsidyChanges = body.changes.filter((change: { kind: string }) => change.kind === 'subsidy');
    expect(subsidyChanges).toEqual([{ kind: 'subsidy', date: changeDate, meal: 'lunch', beforeFen: 1000, afterFen: 1100 }]);
    expect(body.sameTimeLastYear).not.toBeNull();
    expect(body.sameTimeLastYear.from).toBe(`${Number(changeMonth.slice(0, 4)) - 1}${changeMonth.slice(4)}-01`);

    const book = await workbook(changeMonth);
    const budget = totalRow(book.getWorksheet('Budget')!, 'Total');
    expect(value(budget.getCell(2))).toBeCloseTo(yuan(body.ingredients.costFen), 2);
    expect(value(budget.getCell(3))).toBeCloseTo(yuan(body.budget.ingredientsFen), 2);
    expect(value(budget.getCell(6))).toBeCloseTo(yuan(body.subsidy.spentFen), 2);
    expect(value(budget.getCell(7))).toBeCloseTo(yuan(body.budget.subsidyFen), 2);
    expect(value(budget.getCell(10))).toBe('no budget set');
    const notes = book.getWorksheet('Budget')!.getColumn(1).values.map(String).join('\n');
    expect(notes).toContain(`${changeDate}: Lunch subsidy changed from ¥10.00 to ¥11.00 a meal.`);

    const periods = totalRow(book.getWorksheet('Month on month, year on year')!, 'Total');
    expect(value(periods.getCell(2))).toBeCloseTo(yuan(body.total.revenueFen), 2);
    expect(value(periods.getCell(3))).toBeCloseTo(yuan(body.previousPeriod.revenueFen), 2);
    expect(value(periods.getCell(4))).toBeCloseTo(yuan(body.sameTimeLastYear.revenueFen), 2);
    expect(value(periods.getCell(5))).toBeCloseTo(body.total.revenueFen / body.sameTimeLastYear.revenueFen - 1, 8);
    expect(value(periods.getCell(7))).toBeCloseTo(yuan(body.sameTimeLastYear.subsidyFen), 2);
    expect(value(periods.getCell(11))).toBeCloseTo(yuan(body.sameTimeLastYear.ingredientCostFen), 2);
    expect(value(periods.getCell(14))).toBe(body.sameTimeLastYear.covers);
  });

  it('finance sets a line on the page (audited); a canteen without one leaves the total with "no budget set"', async () => {
    const put = (lines: unknown[]) => finance.agent.put('/api/budgets').set('x-csrf-token', finance.csrfToken).send({ lines });
    await put([
      { canteenId: 1, month: changeMonth, line: 'labour', amountFen: 12_345_600 },
      { canteenId: 2, month: changeMonth, line: 'labour', amountFen: 6_543_200 },
    ]).expect(200);
    await put([{ canteenId: 2, month: changeMonth, line: 'subsidy', amountFen: null }]).expect(200);
    await put([{ canteenId: 1, month: changeMonth, line: 'fuel', amountFen: 1 }]).expect(400);
    const entries = await app.get(AuditService).search({ limit: 5, action: 'budget' });
    expect(entries.map((entry) => [entry.actor, entry.action])).toEqual([
      ['budget-finance', 'budget.set'],
      ['budget-finance', 'budget.set'],
    ]);

    const body = await page(`${changeMonth}-01`, monthEnd(changeMonth));
    expect(body.budget.labourFen).toBe(12_345_600 + 6_543_200);
    expect(body.budget.subsidyFen).toBeNull();
    expect(body.subsidy.usedShare).toBeNull();
    const book = await workbook(changeMonth);
    const sheet = book.getWorksheet('Budget')!;
    expect(value(totalRow(sheet, 'Total').getCell(7))).toBe('no budget set');
    expect(value(totalRow(sheet, 'Total').getCell(10))).toBeCloseTo(yuan(12_345_600 + 6_543_200), 2);
    const listed = (await finance.agent.get(`/api/budgets?from=${changeMonth}&to=${changeMonth}`).expect(200)).body.lines;
    expect(listed.filter((line: { line: string }) => line.line === 'subsidy').map((line: { canteenId: number }) => line.canteenId)).toEqual([1]);
  });

  it('imports budget lines as the kind "budget"', async () => {
    const file = 'canteen_code,month,line,amount\nC01,2026-12,ingredients,123456.78\nC02,2026年12月,食材,2000\n';
    const response = await admin.agent.post('/api/import/budget?profile=demo').set('x-csrf-token', admin.csrfToken).attach('file', Buffer.from(file), 'budget.csv').expect(200);
    expect(JSON.stringify(response.body)).not.toContain('rejected":1');
    const rows: { canteen_id: number; amount_fen: string; updated_by: string }[] = await dataSource.query(
      `SELECT canteen_id, amount_fen, updated_by FROM budget_line WHERE month = '2026-12-01' AND line = 'ingredients' ORDER BY 1`,
    );
    expect(rows.map((row) => [Number(row.canteen_id), Number(row.amount_fen), row.updated_by])).toEqual([
      [1, 12_345_678, 'import'],
      [2, 200_000, 'import'],
    ]);
  });

  it('shows subsidy and payments by department and grade in aggregate, hiding a group of four', async () => {
    expect((await page('2026-11-01', '2026-11-30')).staffGroups).toEqual([]);
    const diners: { diner: string }[] = await dataSource.query(`SELECT DISTINCT diner_pseudonym AS diner FROM sale_transaction WHERE service_date BETWEEN '2026-11-01' AND '2026-11-30' ORDER BY 1`);
    expect(diners.length).toBeGreaterThan(30);
    const departmentOf = (index: number) => (index < 4 ? 'Audit' : index < 12 ? 'Maintenance' : 'Operations');
    for (const [index, { diner }] of diners.entries()) {
      await dataSource.query('INSERT INTO staff_group (diner_pseudonym, department, grade) VALUES ($1, $2, $3)', [diner, departmentOf(index), 'G1']);
    }
    const body = await page('2026-11-01', '2026-11-30');
    const departments = body.staffGroups.filter((row: { dimension: string }) => row.dimension === 'department');
    expect(departments.map((row: { name: string; suppressed: boolean; diners: number | null }) => [row.name, row.suppressed, row.diners])).toEqual([
      ['Operations', false, diners.length - 12],
      ['Maintenance', true, null],
      ['Audit', true, null],
    ]);
    const grades = body.staffGroups.filter((row: { dimension: string }) => row.dimension === 'grade');
    expect(grades).toEqual([{ dimension: 'grade', name: 'G1', suppressed: false, diners: diners.length, subsidyFen: body.total.subsidyFen, paidFen: expect.any(Number) }]);
    // HR's list comes in as the kind "staff": staff numbers are keyed like the payments', never stored.
    const file = 'employee_no,department,grade\n900001,Audit,G2\n900002,Operations,\n';
    await admin.agent.post('/api/import/staff?profile=demo').set('x-csrf-token', admin.csrfToken).attach('file', Buffer.from(file), 'staff.csv').expect(200);
    const stored: { diner_pseudonym: string; grade: string }[] = await dataSource.query(`SELECT diner_pseudonym, grade FROM staff_group WHERE grade IN ('G2', '') ORDER BY grade DESC`);
    expect(stored.map((row) => row.grade)).toEqual(['G2', '']);
    expect(stored.map((row) => row.diner_pseudonym)).not.toContain('900001');
  });

  it('shows the same supplier spend by category and supplier on the page and in the workbook', async () => {
    // The demo buys its food: its received orders are the spend the orders below add to.
    const demo = (await page('2026-11-01', '2026-11-30')).supplierSpend;
    expect(demo.totalFen).toBeGreaterThan(0);
    expect(demo.awaitingReceipt.orders).toBeGreaterThan(0);
    await insertOrder(dataSource, {
      canteenId: 1,
      deliveryDate: '2026-11-09',
      status: 'received',
      lines: [
        { category: 'vegetables', packs: 20, packPriceFen: 1500, received: { packs: 18, packPriceFen: 1550 } },
        { category: 'meat_poultry', packs: 6, packPriceFen: 16_000, received: { packs: 6, packPriceFen: 16_000 } },
        { category: 'seafood', packs: 2, packPriceFen: 21_000, received: { packs: 2, packPriceFen: 20_500 } },
      ],
    });
    await insertOrder(dataSource, {
      canteenId: 2,
      deliveryDate: '2026-11-27',
      status: 'received',
      lines: [{ category: 'grain_oil', packs: 5, packPriceFen: 12_000, received: { packs: 5, packPriceFen: 12_000 } }],
    });
    await insertOrder(dataSource, { canteenId: 2, deliveryDate: '2026-11-30', status: 'sent', lines: [{ category: 'grain_oil', packs: 5, packPriceFen: 12_000 }] });
    const spend = (await page('2026-11-01', '2026-11-30')).supplierSpend;
    expect(spend.totalFen).toBe(demo.totalFen + 18 * 1550 + 6 * 16_000 + 2 * 20_500 + 5 * 12_000);
    expect(spend.byCategory.seafood).toBe((demo.byCategory.seafood ?? 0) + 2 * 20_500);
    expect(spend.categories).toEqual(expect.arrayContaining(['meat_poultry', 'seafood', 'vegetables', 'grain_oil']));
    expect(spend.awaitingReceipt).toEqual({ orders: demo.awaitingReceipt.orders + 1, totalFen: demo.awaitingReceipt.totalFen + 60_000 });

    const sheet = (await workbook('2026-11')).getWorksheet('Supplier spend')!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toHaveLength(spend.categories.length + 2);
    expect([header[0], header.at(-1)]).toEqual(['Supplier', 'All categories (¥)']);
    expect(header).toEqual(expect.arrayContaining(['Meat & poultry (¥)', 'Seafood (¥)', 'Vegetables (¥)', 'Grain & oil (¥)']));
    const total = totalRow(sheet, 'Total');
    spend.categories.forEach((category: string, index: number) => expect(value(total.getCell(index + 2))).toBeCloseTo(yuan(spend.byCategory[category]), 2));
    expect(value(total.getCell(spend.categories.length + 2))).toBeCloseTo(yuan(spend.totalFen), 2);
    spend.suppliers.forEach((supplier: { code: string; totalFen: number; byCategory: Record<string, number> }, index: number) => {
      const row = sheet.getRow(4 + index);
      expect(String(row.getCell(1).value)).toMatch(new RegExp(`^${supplier.code} `));
      spend.categories.forEach((category: string, column: number) => expect(value(row.getCell(column + 2))).toBeCloseTo(yuan(supplier.byCategory[category] ?? 0), 2));
      expect(value(row.getCell(spend.categories.length + 2))).toBeCloseTo(yuan(supplier.totalFen), 2);
    });
    const notes = sheet.getColumn(1).values.map(String).join('\n');
    expect(notes).toContain(`${spend.awaitingReceipt.orders} orders due this month are not received yet (¥${(spend.awaitingReceipt.totalFen / 100).toFixed(2)} as ordered)`);
  });

  it('a meal-limited view keeps the all-meal budget and says so, on the page and in the workbook', async () => {
    const all = await page('2026-11-01', '2026-11-30');
    const lunch = (await finance.agent.get('/api/dashboard/finance?from=2026-11-01&to=2026-11-30&meal=lunch').expect(200)).body;
    // Meal-limited is the filter itself (the page derives its notes from it).
    expect(all.filters.meal).toBeNull();
    expect(lunch.filters.meal).toBe('lunch');
    expect(lunch.total.subsidyFen).toBeLessThan(all.total.subsidyFen);
    // Not a made-up split: the same budget lines, labelled as every meal's.
    expect(lunch.budget).toEqual(all.budget);
    expect(lunch.supplierSpend).toEqual(all.supplierSpend);
    const book = await workbook('2026-11', 'lunch');
    const notes = book.getWorksheet('Budget')!.getColumn(1).values.map(String).join('\n');
    expect(notes).toContain('with the report limited to Lunch, the budget columns still cover every meal');
    expect(book.getWorksheet('Supplier spend')!.getColumn(1).values.map(String).join('\n')).toContain('this sheet covers every meal');
    const unfiltered = (await workbook('2026-11')).getWorksheet('Budget')!.getColumn(1).values.map(String).join('\n');
    expect(unfiltered).not.toContain('cover every meal');
  });

  it('answers a two-year range, month by month, with partial months marked', async () => {
    const body = await page('2024-12-15', '2026-11-30');
    expect(body.months).toHaveLength(24);
    expect(body.months[0]).toMatchObject({ month: '2024-12', partial: true, days: 17 });
    expect(body.months.slice(1).every((month: { partial: boolean }) => !month.partial)).toBe(true);
    expect(body.budget.prorated).toBe(true);
    // Without dates, whole months up to the last day with data (the month it ends in marked partial).
    const byDefault = (await finance.agent.get('/api/dashboard/finance').expect(200)).body;
    expect(byDefault.filters.from.endsWith('-01')).toBe(true);
    expect(byDefault.filters.to).toBe('2026-11-30');
    expect(byDefault.months.every((month: { partial: boolean }) => !month.partial)).toBe(true);
    const tooLong = await finance.agent.get('/api/dashboard/overview?from=2024-12-01&to=2026-11-30').expect(400);
    expect(tooLong.body.error).toBe('VALIDATION_FAILED');
  });

  describe('a settlement file reconciled on the page', () => {
    type Mismatch = { date: string; channel: string; settlementFen: number | null; larderFen: number | null; status: string };
    const reconcile = (bytes: Buffer, fileName = 'settlement.csv', who: SignedInAgent = finance) =>
      who.agent
        .post(`/api/reports/finance/reconciliation?month=${changeMonth}`)
        .set('x-csrf-token', who.csrfToken)
        .send({ fileName, contentBase64: bytes.toString('base64') });
    const yuanText = (fen: number) => (fen / 100).toFixed(2);

    it('sets the file against the payments day by day and channel by channel, GBK or UTF-8, and puts it in the workbook', async () => {
      // A file of its header only: every day × channel with payments is "only in Larder", which gives the month's totals.
      const empty = (await reconcile(Buffer.from('日期,渠道,金额\n')).expect(200)).body;
      const larder: Mismatch[] = empty.mismatches;
      expect(larder.length).toBeGreaterThan(30);
      expect(larder.every((pair) => pair.status === 'only_larder' && pair.date.startsWith(changeMonth))).toBe(true);
      expect(empty).toMatchObject({ month: changeMonth, status: 'mismatched', settlementFen: 0, differenceFen: -empty.larderFen, canteenOnly: false });
      expect(empty.larderFen).toBe(larder.reduce((sum, pair) => sum + pair.larderFen!, 0));
      expect(empty.checkedDays).toBe(new Set(larder.map((pair) => pair.date)).size);

      // The same totals as the bank would send them, in GBK: they agree.
      const lines = larder.map((pair) => `${pair.date},${pair.channel},${yuanText(pair.larderFen!)}`);
      const matched = (await reconcile(iconv.encode(`日期,渠道,金额\n${lines.join('\n')}\n`, 'gbk'), '结算.csv').expect(200)).body;
      expect(matched).toMatchObject({ status: 'matched', mismatchedDays: 0, differenceFen: 0, settlementFen: empty.larderFen, mismatches: [], rejected: [], fileName: '结算.csv' });

      // One amount ¥1.00 off, a line that is no date and one of another month (UTF-8 with a BOM).
      const [first, ...rest] = larder;
      const changed = [`${first.date},${first.channel},${yuanText(first.larderFen! + 100)}`, ...lines.slice(1), '2026-11-31,wechat,5.00', '2026-12-01,wechat,5.00'];
      const file = Buffer.from(`\uFEFFdate,channel,amount\n${changed.join('\n')}\n`);
      const differs = (await reconcile(file).expect(200)).body;
      expect(differs).toMatchObject({ status: 'mismatched', mismatchedDays: 1, differenceFen: 100 });
      expect(differs.mismatches).toEqual([{ date: first.date, channel: first.channel, settlementFen: first.larderFen! + 100, larderFen: first.larderFen, status: 'differs' }]);
      expect(differs.rejected.map((line: { line: number }) => line.line)).toEqual([rest.length + 3, rest.length + 4]);

      // The finance workbook made from the same file lists that pair on its reconciliation sheet.
      const response = await finance.agent
        .post(`/api/reports/finance?month=${changeMonth}&lang=en`)
        .set('x-csrf-token', finance.csrfToken)
        .send({ fileName: 'settlement.csv', contentBase64: file.toString('base64') })
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(response.headers['content-disposition']).toContain(`larder-finance-${changeMonth}`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.body as ArrayBuffer);
      const sheet = book.getWorksheet('Reconciliation')!;
      const rows = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1).map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell))] : []));
      expect(rows.some((row) => row[0] === first.date && row[2] === (first.larderFen! + 100) / 100 && row[3] === first.larderFen! / 100)).toBe(true);
    });

    it("refuses what is not a file in base64, and keeps it to the finance report's readers", async () => {
      const refused = (
        await finance.agent
          .post(`/api/reports/finance/reconciliation?month=${changeMonth}`)
          .set('x-csrf-token', finance.csrfToken)
          .send({ fileName: 'a.csv', contentBase64: 'not base64!' })
          .expect(400)
      ).body;
      expect(refused).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: ['contentBase64'] } });
      const badMonth = await finance.agent
        .post('/api/reports/finance/reconciliation?month=2026-13')
        .set('x-csrf-token', finance.csrfToken)
        .send({ fileName: 'a.csv', contentBase64: Buffer.from('date,channel,amount\n').toString('base64') })
        .expect(400);
      expect(badMonth.body.error).toBe('VALIDATION_FAILED');
      // the finance report's readers only, and a manager of their own canteens only
      const union = await signIn(app, { username: 'budget-union', role: 'union' });
      await reconcile(Buffer.from('date,channel,amount\n'), 'a.csv', union).expect(403);
      const manager = await signIn(app, { username: 'budget-manager', role: 'manager', canteenIds: [1] });
      await reconcile(Buffer.from('date,channel,amount\n'), 'a.csv', manager).expect(403);
    });
  });
});
