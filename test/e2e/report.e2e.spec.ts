import type { NestExpressApplication } from '@nestjs/platform-express';
import * as ExcelJS from 'exceljs';
import request from 'supertest';
import { AuditService } from '@larder/auth';
import { DemoSeedService } from '@larder/ingestion';
import { DataSource } from 'typeorm';
import { createHttpApp, signIn } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/** supertest buffers binary bodies with this parser. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('reports over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let get: (path: string) => request.Test;
  let guarded = false;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    await app.get(DemoSeedService).seed({ seed: 7, canteens: 2, employees: 800, days: 40, endDate: '2026-11-20' });
    const open = await request(app.getHttpServer()).get('/api/reports/waste?month=2026-11');
    guarded = open.status === 401;
    if (guarded) {
      const { agent } = await signIn(app, { username: 'report-finance', role: 'finance' });
      get = (path) => agent.get(path);
    } else {
      get = (path) => request(app.getHttpServer()).get(path);
    }
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('GET /api/reports/finance streams the workbook as an attachment', async () => {
    const response = await get('/api/reports/finance?month=2026-11&lang=en').buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('larder-finance-2026-11-en.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Summary');
    expect(String(workbook.getWorksheet('Summary')!.getCell('A1').value)).toContain('Monthly finance cost report');
  });

  it('GET /api/reports/finance/payments streams the payments export, which the finance workbook leaves out', async () => {
    const response = await get('/api/reports/finance/payments?month=2026-11&canteen=C02&lang=en').buffer(true).parse(binary).expect(200);
    expect(response.headers['content-disposition']).toContain('larder-finance-payments-2026-11-C02-en.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Payments']);
    const [row] = await app.get(DataSource).query("SELECT count(*)::int AS n FROM sale_transaction WHERE canteen_id = 2 AND service_date BETWEEN '2026-11-01' AND '2026-11-30'");
    // Header rows 1–3, one row per payment, then the total.
    expect(workbook.worksheets[0].getCell(`A${4 + row.n}`).value).toBe('Total');
    await get('/api/reports/finance/payments?week=2026-W46').expect(400);
  });

  it('serves each report in Chinese by default', async () => {
    for (const kind of ['satisfaction', 'waste', 'accuracy']) {
      const response = await get(`/api/reports/${kind}?month=2026-11&canteen=C02`).buffer(true).parse(binary).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as ArrayBuffer);
      expect(workbook.worksheets[0].name).toBe('汇总');
    }
    await get('/api/reports/purchase-plan?week=2026-W48').buffer(true).parse(binary).expect(200);
  });

  it('answers mistakes with a clear 4xx before writing anything', async () => {
    expect((await get('/api/reports/budget?month=2026-11').expect(404)).body.message).toContain('finance');
    expect((await get('/api/reports/finance?month=2026-13').expect(400)).body.message).toContain('YYYY-MM');
    expect((await get('/api/reports/finance?week=2026-W47').expect(400)).body.message).toContain('monthly');
    expect((await get('/api/reports/waste?month=2026-11&lang=fr').expect(400)).body.message).toContain('lang');
    expect((await get('/api/reports/waste?month=2026-11&canteen=C77').expect(404)).body.error).toBe('NOT_FOUND');
    const unknownDish = (await get('/api/reports/accuracy?month=2026-11&dish=D999').expect(404)).body;
    expect([unknownDish.error, unknownDish.message]).toEqual(['NOT_FOUND', expect.stringContaining('"D999"')]);
    expect((await get('/api/reports/waste?month=2026-11&dish=D001').expect(400)).body.message).toContain('accuracy');
  });

  it('keeps the finance report from the union and managers to their canteens', async () => {
    if (!guarded) return;
    const union = await signIn(app, { username: 'report-union', role: 'union' });
    await union.agent.get('/api/reports/finance?month=2026-11').expect(403);
    await union.agent.get('/api/reports/satisfaction?month=2026-11').expect(200);
    const manager = await signIn(app, { username: 'report-manager', role: 'manager', canteenIds: [2] });
    await manager.agent.get('/api/reports/waste?month=2026-11').expect(403);
    await manager.agent.get('/api/reports/waste?month=2026-11&canteen=C01').expect(403);
    await manager.agent.get('/api/reports/waste?month=2026-11&canteen=C02').expect(200);
  });

  it('records each download in the audit log: who, which report, period and canteens', async () => {
    if (!guarded) return;
    const manager = await signIn(app, { username: 'report-auditee', role: 'manager', canteenIds: [2] });
    await manager.agent.get('/api/reports/waste?month=2026-10&canteen=C02&lang=en').buffer(true).parse(binary).expect(200);
    // the entry is written once the workbook is complete, which may be just after the client has it all
    const recorded = async () => (await app.get(AuditService).recent(20)).filter((row) => row.actor === 'report-auditee' && row.action === 'report.export');
    for (let wait = 0; wait < 50 && (await recorded()).length === 0; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    const [entry] = await recorded();
    expect(entry).toMatchObject({ detail: { kind: 'waste', period: '2026-10', canteens: ['C02'], language: 'en' } });
    expect(entry.at).toBeInstanceOf(Date);
  });

  it('follows several canteens and a meal exactly, and keeps a manager to their own canteens', async () => {
    if (!guarded) return;
    const two = await signIn(app, { username: 'report-two-canteens', role: 'manager', canteenIds: [1, 2] });
    const response = await two.agent.get('/api/reports/waste?month=2026-11&canteen=1,2&meal=lunch&lang=en').buffer(true).parse(binary).expect(200);
    expect(response.headers['content-disposition']).toContain('C01+C02-lunch');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Summary')!;
    const names: { name_en: string }[] = await app.get(DataSource).query('SELECT name_en FROM canteen WHERE id IN (1, 2) ORDER BY id');
    expect(String(sheet.getCell('A2').value)).toContain(`${names[0].name_en}, ${names[1].name_en} · Lunch`);
    const rows = Array.from({ length: sheet.rowCount - 3 }, (_, i) => sheet.getRow(i + 4));
    expect(rows.filter((row) => names.some((n) => row.getCell(1).value === n.name_en))).toHaveLength(2);
    const total = rows.find((row) => row.getCell(1).value === 'Total')!;
    const [lunch]: { prepared: string }[] = await app
      .get(DataSource)
      .query(`SELECT sum(prepared) AS prepared FROM daily_dish_rollup WHERE service_date BETWEEN '2026-11-01' AND '2026-11-30' AND meal = 'lunch' AND canteen_id IN (1, 2)`);
    expect(Number((total.getCell(3).value as ExcelJS.CellFormulaValue).result)).toBe(Number(lunch.prepared));
    // the same canteens named one by one
    await two.agent.get('/api/reports/waste?month=2026-11&canteen=C01&canteen=C02').buffer(true).parse(binary).expect(200);
    const one = await signIn(app, { username: 'report-one-canteen', role: 'manager', canteenIds: [2] });
    await one.agent.get('/api/reports/waste?month=2026-11&canteen=1,2').expect(403);
    expect((await two.agent.get('/api/reports/waste?month=2026-11&canteen=1&meal=brunch').expect(400)).body.message).toContain('meal');
  });

  it("gives the union the workers' congress summary, on one page and without money", async () => {
    if (!guarded) return;
    const union = await signIn(app, { username: 'report-congress-union', role: 'union' });
    const response = await union.agent.get('/api/reports/congress?month=2026-11&lang=en').buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Summary')!;
    expect(sheet.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 1 });
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.some((text) => text.includes('not shown to this role'))).toBe(true);
    expect(texts.some((text) => text.includes('(¥)'))).toBe(false);
    const finance = await get('/api/reports/congress?month=2026-11&lang=en').buffer(true).parse(binary).expect(200);
    const withMoney = new ExcelJS.Workbook();
    await withMoney.xlsx.load(finance.body as ArrayBuffer);
    expect(withMoney.getWorksheet('Summary')!.getColumn(1).values).toContain('Employer subsidy per meal (¥)');
  });
});
