import type { NestExpressApplication } from '@nestjs/platform-express';
import * as ExcelJS from 'exceljs';
import request from 'supertest';
import { DemoSeedService } from '@larder/ingestion';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/** supertest buffers binary bodies with this parser. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** A cell's value as a reader sees it: a formula's computed result (exceljs stores no result of 0), text as text. */
function valueOf(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  return value && typeof value === 'object' && 'formula' in value ? (value.result ?? 0) : value;
}

describe('menu proposals over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let manager: SignedInAgent;
  let other: SignedInAgent;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    await app.get(DemoSeedService).seed({ seed: 7, canteens: 2, employees: 800, days: 90, endDate: '2026-11-20', futureDays: 10 });
    manager = await signIn(app, { username: 'menu-manager', role: 'manager', canteenIds: [1] });
    other = await signIn(app, { username: 'other-manager', role: 'manager', canteenIds: [2] });
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const post = (agent: SignedInAgent, path: string) => agent.agent.post(path).set('x-csrf-token', agent.csrfToken);

  it("proposes for a manager's own canteen, records the decision and refuses other canteens", async () => {
    const created = await post(manager, '/api/menu/proposals').send({ canteen: 'C01', from: '2026-11-23', weeks: 1, repeatGapDays: 5 }).expect(201);
    const proposal = created.body;
    expect(proposal).toMatchObject({ canteenId: 1, from: '2026-11-23', to: '2026-11-29', createdBy: 'menu-manager', rules: expect.objectContaining({ repeatGapDays: 5 }) });
    expect(proposal.changes.length).toBeGreaterThan(0);
    const change = proposal.changes[0];
    expect(proposal.dishes[change.toDishId ?? change.fromDishId]).toEqual(expect.objectContaining({ name: expect.any(String), nameEn: expect.any(String) }));

    await post(other, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'accept' }).expect(403);
    await other.agent.get(`/api/menu/proposals/${proposal.id}`).expect(403);
    await post(other, '/api/menu/proposals').send({ canteen: 'C01', from: '2026-11-23', weeks: 1 }).expect(403);

    await post(manager, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'maybe' }).expect(400);
    await post(manager, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'reject', colour: 'red' }).expect(400);
    const decided = await post(manager, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'reject', reason: 'supplier strike' }).expect(200);
    expect(decided.body).toMatchObject({ seq: change.seq, status: 'rejected', decidedBy: 'menu-manager', reason: 'supplier strike' });
    await post(manager, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'accept' }).expect(409);

    const listed = await manager.agent.get('/api/menu/proposals').expect(200);
    expect(listed.body.map((entry: { id: string }) => entry.id)).toEqual([proposal.id]);
    await post(manager, '/api/menu/proposals').send({ canteen: 'C01', from: '2026-11-23', weeks: 9 }).expect(400);
  }, 120_000);

  it("downloads the proposal as a workbook in both languages, its what-if equal to the API's and every label present", async () => {
    const created = await post(manager, '/api/menu/proposals').send({ canteen: 'C01', from: '2026-11-23', weeks: 1 }).expect(201);
    const proposal = created.body;
    const whatIf = proposal.whatIf;
    expect(whatIf.current.subsidyFen).toBeGreaterThan(0);
    const books: Record<string, ExcelJS.Workbook> = {};
    for (const lang of ['zh-CN', 'en']) {
      const response = await manager.agent.get(`/api/menu/proposals/${proposal.id}/workbook?lang=${lang}`).buffer(true).parse(binary).expect(200);
      expect(response.headers['content-disposition']).toContain(`larder-menu-proposal-C01-2026-11-23-${lang}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as ArrayBuffer);
      books[lang] = workbook;
    }
    const names = { 'zh-CN': ['汇总', '调整建议', '菜单'], en: ['Summary', 'Changes', 'Menu'] };
    for (const [lang, workbook] of Object.entries(books)) {
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names[lang as 'en']);
      const [summary, changes, menu] = workbook.worksheets;
      // Summary rows 4..11: covers, cost per cover, cost, leftovers per cover, leftovers, stars, subsidy per cover, subsidy.
      const figure = (row: number, column: number) => Number(valueOf(summary.getRow(row).getCell(column)));
      for (const [column, side] of [
        [2, whatIf.current],
        [3, whatIf.proposed],
      ] as const) {
        expect(figure(4, column)).toBeCloseTo(side.covers, 6);
        expect(figure(5, column)).toBeCloseTo(side.costFenPerCover / 100, 2);
        expect(figure(6, column)).toBeCloseTo(side.costFen / 100, 2);
        expect(figure(8, column)).toBeCloseTo(side.wasteKg, 6);
        expect(figure(10, column)).toBeCloseTo(side.subsidyFenPerCover / 100, 2);
        expect(figure(11, column)).toBeCloseTo(side.subsidyFen / 100, 2);
      }
      // The difference is the sheet's formula of the two figures shown, each rounded to the fen: it may be
      // up to one fen from the difference of the unrounded costs.
      expect(figure(6, 4)).toBeCloseTo(figure(6, 3) - figure(6, 2), 6);
      expect(Math.abs(figure(6, 4) - (whatIf.proposed.costFen - whatIf.current.costFen) / 100)).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(changes.rowCount).toBeGreaterThanOrEqual(3 + proposal.changes.length);
      expect(menu.getRow(4 + proposal.slots.length - 1).getCell(1).value).toBe(proposal.slots.at(-1).date);
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            const text = String(valueOf(cell) ?? '');
            expect(text).not.toMatch(/\{\w+\}|undefined|NaN|\[object/);
            expect(text).not.toMatch(/^#\d+$/);
          }),
        );
        if (lang === 'zh-CN') {
          // Headers, meals, categories and statuses in Chinese: no English word left on a zh-CN sheet.
          expect((sheet.getRow(3).values as unknown[]).join('')).not.toMatch(/[A-Za-z]{2,}/);
          sheet.eachRow((row, n) => {
            if (n > 3 && sheet !== summary) for (const column of sheet === changes ? [2, 3, 10] : [2]) expect(String(row.getCell(column).value ?? '')).not.toMatch(/[A-Za-z]{2,}/);
          });
          summary.eachRow((row, n) => {
            if (n > 3) expect(String(row.getCell(1).value ?? '')).not.toMatch(/[A-Za-z]{2,}/);
          });
        }
      }
    }
    await other.agent.get(`/api/menu/proposals/${proposal.id}/workbook`).expect(403);
    await manager.agent.get(`/api/menu/proposals/${proposal.id}/workbook?lang=fr`).expect(400);
    await manager.agent.get('/api/menu/proposals/00000000-0000-4000-8000-000000000000/workbook').expect(404);
  }, 120_000);
});
