import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import * as ExcelJS from 'exceljs';
import request from 'supertest';
import { AuditService } from '@larder/auth';
import { PlanningDataLoader, PlanService } from '@larder/procurement';
import { createHttpApp, signIn } from '../support/http-app';
import { createDemoDatabase } from '../support/demo-presets';
import type { TestDatabase } from '../support/test-config';

const WEEK = '2026-W48';

/** supertest buffers binary bodies with this parser. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function sheetOf(response: request.Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0];
}

/** Every cell's text of a sheet, row by row, for searching. */
function textOf(sheet: ExcelJS.Worksheet): string {
  const rows: string[] = [];
  sheet.eachRow((row) =>
    rows.push((row.values as unknown[]).map((value) => (value && typeof value === 'object' && 'result' in value ? String((value as { result: unknown }).result) : String(value ?? ''))).join('|')),
  );
  return rows.join('\n');
}

interface Line {
  supplierItemId: number;
  ingredientId: number;
  packSize: number;
  packs: number;
  packPriceFen: number;
  amountFen: number;
  minOrderPacks: number;
  sku: string;
  ingredient: { name: string; unit: string };
}
interface Order {
  id: string;
  status: string;
  totalFen: number;
  lines: Line[];
  nextStatuses: string[];
  editable: boolean;
  edits: unknown[];
  supplier: { address: string | null; phone: string | null };
}

describe('purchase orders as a buyer uses them, over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let get: (path: string) => request.Test;
  let post: (path: string) => request.Test;
  let patch: (path: string) => request.Test;
  let plan: { id: string; orders: { id: string; status: string }[] };

  beforeAll(async () => {
    database = await createDemoDatabase('ordering');
    app = await createHttpApp(database.config);
    const { agent, csrfToken } = await signIn(app, { username: 'buyer', role: 'manager', canteenIds: [2] });
    get = (path) => agent.get(path);
    post = (path) => agent.post(path).set('x-csrf-token', csrfToken);
    patch = (path) => agent.patch(path).set('x-csrf-token', csrfToken);
    plan = (await post('/api/plans').send({ canteen: 'C02', week: WEEK }).expect(201)).body;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('opens an order with its lines, supplier, cut-off and lead time; a draft order follows its plan', async () => {
    const draft: Order = (await get(`/api/purchase-orders/${plan.orders[0].id}`).expect(200)).body;
    expect(draft).toMatchObject({ status: 'draft', editable: false, nextStatuses: [], week: WEEK, canteen: { code: 'C02' } });
    expect(draft.supplier.address).toMatch(/上海市/);
    expect(draft.supplier.phone).toMatch(/^021-/);
    expect(draft.lines.length).toBeGreaterThan(0);
    for (const line of draft.lines) {
      expect(line).toMatchObject({ sku: expect.any(String), packSize: expect.any(Number), leadTimeDays: expect.any(Number), orderCutoff: expect.stringMatching(/^\d{2}:\d{2}$/) });
      expect(line.amountFen).toBe(line.packs * line.packPriceFen);
    }
    expect(draft.totalFen).toBe(draft.lines.reduce((sum, line) => sum + line.amountFen, 0));
    const refused = await patch(`/api/purchase-orders/${draft.id}/lines/${draft.lines[0].supplierItemId}`)
      .send({ packs: draft.lines[0].packs + 1, reason: 'more' })
      .expect(409);
    expect(refused.body).toMatchObject({ error: 'CONFLICT', message: expect.stringMatching(/draft order follows its plan/) });
    await post(`/api/purchase-orders/${draft.id}/status`).send({ status: 'sent' }).expect(409);
    const listed = (await get('/api/purchase-orders?canteen=C02').expect(200)).body as { orderCutoff: string | null; leadTimeDays: number | null }[];
    expect(listed.every((order) => /^\d{2}:\d{2}$/.test(order.orderCutoff ?? '') && Number.isInteger(order.leadTimeDays))).toBe(true);
    await get('/api/purchase-orders/00000000-0000-4000-8000-000000000000').expect(404);
    await get('/api/purchase-orders/not-an-id').expect(404);
  });

  it('edits a line of an approved order with a reason, audited, amount and total from the pack price', async () => {
    await post(`/api/plans/${plan.id}/approve`).send({ confirm: true }).expect(200);
    const order: Order = (await get(`/api/purchase-orders/${plan.orders[0].id}`).expect(200)).body;
    expect(order).toMatchObject({ status: 'approved', editable: true, nextStatuses: ['sent', 'cancelled'] });
    const line = order.lines[0];
    const url = `/api/purchase-orders/${order.id}/lines/${line.supplierItemId}`;
    expect(
      String(
        (
          await patch(url)
            .send({ packs: line.packs + 2 })
            .expect(400)
        ).body.message,
      ),
    ).toContain('reason');
    expect(
      String(
        (
          await patch(url)
            .send({ packs: line.packs + 2, reason: '' })
            .expect(400)
        ).body.message,
      ),
    ).toContain('reason');
    expect(
      (
        await patch(url)
          .send({ packs: line.packs + 2, reason: '   ' })
          .expect(400)
      ).body,
    ).toMatchObject({ error: 'VALIDATION_FAILED', details: { field: 'reason' } });
    await patch(url).send({ packs: -1, reason: 'x' }).expect(400);
    await patch(url).send({ packs: 1.5, reason: 'x' }).expect(400);
    await patch(url).send({ packs: '3', reason: 'x' }).expect(400);
    await patch(url).send({ packs: 3, reason: 'x', price: 1 }).expect(400);
    await patch(url).send({ packs: line.packs, reason: 'same' }).expect(400);
    await patch(`/api/purchase-orders/${order.id}/lines/999999`).send({ packs: 3, reason: 'x' }).expect(404);
    await patch(`/api/purchase-orders/${order.id}/lines/abc`).send({ packs: 3, reason: 'x' }).expect(400);
    const withMinimum = order.lines.find((entry) => entry.minOrderPacks > 1);
    if (withMinimum) {
      const below = await patch(`/api/purchase-orders/${order.id}/lines/${withMinimum.supplierItemId}`).send({ packs: 1, reason: 'less' }).expect(400);
      expect(below.body.message).toMatch(/at least \d+ packs/);
    }

    const edited: Order = (
      await patch(url)
        .send({ packs: line.packs + 2, reason: '周五加餐' })
        .expect(200)
    ).body;
    const after = edited.lines.find((entry) => entry.supplierItemId === line.supplierItemId)!;
    expect(after.packs).toBe(line.packs + 2);
    expect(after.amountFen).toBe((line.packs + 2) * line.packPriceFen);
    expect(edited.totalFen).toBe(order.totalFen + 2 * line.packPriceFen);
    expect(edited.edits).toEqual([expect.objectContaining({ actor: 'buyer', supplierItemId: line.supplierItemId, fromPacks: line.packs, toPacks: line.packs + 2, reason: '周五加餐' })]);
    const audit = (await app.get(AuditService).recent(10)).find((entry) => entry.action === 'purchase-order.edit');
    expect(audit).toMatchObject({ actor: 'buyer', detail: { orderId: order.id, canteenId: 2, fromPacks: line.packs, toPacks: line.packs + 2, reason: '周五加餐' } });
    // The plan's figures read the orders as stored: the edit shows in its purchase cost.
    const orders = (await get(`/api/plans/${plan.id}/orders`).expect(200)).body as Order[];
    expect(orders.find((entry) => entry.id === order.id)!.totalFen).toBe(edited.totalFen);
  });

  it('moves an order approved → sent → received only, cancels with a reason, and refuses the rest with coded errors', async () => {
    const [first, second] = plan.orders;
    const url = (id: string) => `/api/purchase-orders/${id}/status`;
    expect((await post(url(first.id)).send({ status: 'received' }).expect(409)).body).toMatchObject({ error: 'CONFLICT', details: { status: 'approved', allowed: ['sent', 'cancelled'] } });
    expect(String((await post(url(first.id)).send({ status: 'shipped' }).expect(400)).body.message)).toContain('status must be one of sent, received, cancelled');
    await post(url(first.id)).send({ status: 'approved' }).expect(400);
    const sent: Order = (await post(url(first.id)).send({ status: 'sent' }).expect(200)).body;
    expect(sent).toMatchObject({ status: 'sent', editable: false, nextStatuses: ['received', 'cancelled'] });
    await post(url(first.id)).send({ status: 'sent' }).expect(409);
    const line = sent.lines[0];
    expect(
      (
        await patch(`/api/purchase-orders/${first.id}/lines/${line.supplierItemId}`)
          .send({ packs: line.packs + 1, reason: 'late change' })
          .expect(409)
      ).body.message,
    ).toMatch(/sent order can no longer be edited/);
    expect((await post(url(first.id)).send({ status: 'received' }).expect(200)).body).toMatchObject({ status: 'received', nextStatuses: [] });
    expect((await post(url(first.id)).send({ status: 'cancelled', reason: 'too late' }).expect(409)).body.message).toMatch(/received order is final/);

    expect((await post(url(second.id)).send({ status: 'cancelled' }).expect(400)).body.message).toMatch(/needs a reason/);
    expect((await post(url(second.id)).send({ status: 'cancelled', reason: '供应商停业' }).expect(200)).body.status).toBe('cancelled');
    await post(url(second.id)).send({ status: 'sent' }).expect(409);
    const actions = (await app.get(AuditService).recent(20)).filter((entry) => entry.action.startsWith('purchase-order.')).map((entry) => entry.action);
    expect(actions.slice(0, 3)).toEqual(['purchase-order.cancel', 'purchase-order.receive', 'purchase-order.send']);

    const stranger = await signIn(app, { username: 'other-manager', role: 'manager', canteenIds: [1] });
    await stranger.agent.get(`/api/purchase-orders/${first.id}`).expect(403);
    const viewer = await signIn(app, { username: 'order-viewer', role: 'viewer' });
    await viewer.agent.get(`/api/purchase-orders/${first.id}`).expect(200);
    await viewer.agent.post(url(second.id)).set('x-csrf-token', viewer.csrfToken).send({ status: 'sent' }).expect(403);
  });

  it('receives a sent order (验收入库): a short delivery and a new price are flagged, audited and netted as stock', async () => {
    const order: Order & { deliveryDate: string } = (await get(`/api/purchase-orders/${plan.orders[3].id}`).expect(200)).body;
    const url = `/api/purchase-orders/${order.id}/receipt`;
    expect((await post(url).send({ lines: [] }).expect(409)).body.message).toMatch(/approved order can only be sent or cancelled/);
    await post(`/api/purchase-orders/${order.id}/status`).send({ status: 'sent' }).expect(200);
    const line = order.lines[0];
    await post(url)
      .send({ lines: [{ supplierItemId: line.supplierItemId, packs: -1 }] })
      .expect(400);
    await post(url)
      .send({ lines: [{ supplierItemId: line.supplierItemId, packs: 1.5 }] })
      .expect(400);
    await post(url)
      .send({ lines: [{ supplierItemId: line.supplierItemId, packs: 1, weight: 3 }] })
      .expect(400);
    await post(url).send({}).expect(400);
    expect(
      (
        await post(url)
          .send({
            lines: [
              { supplierItemId: line.supplierItemId, packs: 1 },
              { supplierItemId: line.supplierItemId, packs: 2 },
            ],
          })
          .expect(400)
      ).body.message,
    ).toMatch(/listed twice/);
    await post(url)
      .send({ lines: [{ supplierItemId: 999_999, packs: 1 }] })
      .expect(404);
    expect((await get(`/api/purchase-orders/${order.id}`).expect(200)).body.status).toBe('sent');

    const loader = app.get(PlanningDataLoader);
    const catalogue = await loader.catalogue();
    const onTheWay = async () => {
      const { lots } = await loader.openingStock({ canteenId: 2, today: '2026-11-20', useUntil: '2026-11-23', catalogue });
      return (lots.get(`2|${line.ingredientId}`) ?? []).filter((lot) => lot.source === 'order' && lot.availableFrom === order.deliveryDate).reduce((sum, lot) => sum + lot.quantity, 0);
    };
    const before = await onTheWay();
    type Stock = { countedOn: string | null; lines: { ingredientId: number; received: number; onHand: number; counted: number | null }[] };
    const stockOf = async () => (await get(`/api/stock?canteen=C02&date=${order.deliveryDate}`).expect(200)).body as Stock;
    const ingredientIn = (stock: Stock) => stock.lines.find((entry) => entry.ingredientId === line.ingredientId) ?? { received: 0, onHand: 0 };
    const stockBefore = await stockOf();
    const received: Order & { receivedTotalFen: number } = (
      await post(url)
        .send({ lines: [{ supplierItemId: line.supplierItemId, packs: line.packs - 1, packPriceFen: line.packPriceFen + 10 }], note: '少送一件' })
        .expect(200)
    ).body;
    expect(received.status).toBe('received');
    const got = received.lines.find((entry) => entry.supplierItemId === line.supplierItemId)! as Line & { receivedPacks: number; receivedAmountFen: number; differences: string[] };
    expect(got).toMatchObject({ receivedPacks: line.packs - 1, receivedAmountFen: (line.packs - 1) * (line.packPriceFen + 10), differences: ['short', 'price-up'] });
    expect(received.lines.filter((entry) => entry.supplierItemId !== line.supplierItemId).every((entry) => (entry as unknown as { differences: string[] }).differences.length === 0)).toBe(true);
    expect(received.receivedTotalFen).toBe(order.totalFen - line.amountFen + (line.packs - 1) * (line.packPriceFen + 10));
    // Stock on the way for the next plan: what was delivered, one pack less.
    expect(await onTheWay()).toBeCloseTo(before - line.packSize, 6);
    // Shown as stock on the delivery day: received since the count, and one pack less on hand.
    const stockAfter = await stockOf();
    expect(stockAfter.countedOn).toBe(stockBefore.countedOn);
    expect(ingredientIn(stockAfter).received - ingredientIn(stockBefore).received).toBeCloseTo((line.packs - 1) * line.packSize, 6);
    expect(ingredientIn(stockAfter).onHand).toBeCloseTo(Math.max(0, ingredientIn(stockBefore).onHand - line.packSize), 6);
    await get('/api/stock').expect(400);
    await get('/api/stock?canteen=C02&date=yesterday').expect(400);
    const stranger = await signIn(app, { username: 'stock-stranger', role: 'manager', canteenIds: [1] });
    await stranger.agent.get('/api/stock?canteen=C02').expect(403);
    const audit = (await app.get(AuditService).recent(5)).find((entry) => entry.action === 'purchase-order.receive');
    expect(audit).toMatchObject({
      actor: 'buyer',
      detail: { orderId: order.id, note: '少送一件', differences: [expect.objectContaining({ supplierItemId: line.supplierItemId, flags: ['short', 'price-up'] })] },
    });
    await post(url).send({ lines: [] }).expect(409);
  });

  it('prints an order as a 采购单 workbook for the supplier, in Chinese and English, A4 portrait fitted to the width', async () => {
    const order: Order & { orderCutoff: string; deliveryDate: string } = (await get(`/api/purchase-orders/${plan.orders[2].id}`).expect(200)).body;
    const zh = await get(`/api/purchase-orders/${order.id}/sheet`).buffer(true).parse(binary).expect(200);
    expect(zh.headers['content-disposition']).toContain(`larder-purchase-order-`);
    const sheet = await sheetOf(zh);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 });
    const zhText = textOf(sheet);
    expect(zhText).toContain('采购单');
    expect(zhText).toContain(order.supplier.address!);
    expect(zhText).toContain(order.supplier.phone!);
    expect(zhText).toContain(`${order.deliveryDate}（`);
    expect(zhText).toMatch(/供应商（签字盖章）/);
    expect(zhText).toMatch(/收货人（签字）/);
    for (const line of order.lines.filter((entry) => entry.packs > 0)) expect(zhText).toContain(line.ingredient.name);
    const totalRow = sheet.getRow(4 + order.lines.filter((entry) => entry.packs > 0).length);
    expect(totalRow.getCell(1).value).toBe('合计');
    const total = totalRow.getCell(6).value as { formula: string; result: number };
    expect(total.formula).toMatch(/^SUM\(F4:F\d+\)$/);
    expect(Math.round(total.result * 100)).toBe(order.totalFen);

    const en = await sheetOf(await get(`/api/purchase-orders/${order.id}/sheet?lang=en`).buffer(true).parse(binary).expect(200));
    const enText = textOf(en);
    expect(enText).toContain('Purchase order');
    expect(enText).toMatch(/Supplier \(signature and stamp\)/);
    expect(enText).not.toMatch(/采购单|合计|供应商|收货人/);
    await get(`/api/purchase-orders/${order.id}/sheet?lang=fr`).expect(400);
    await get('/api/purchase-orders/00000000-0000-4000-8000-000000000000/sheet').expect(404);
    const exports = (await app.get(AuditService).recent(5)).filter((entry) => entry.action === 'report.export');
    expect(exports[0]).toMatchObject({ actor: 'buyer', detail: { kind: 'purchase-order', orderId: order.id, language: 'en' } });
  });

  it('offers the 采购单 as a PDF where LibreOffice is installed, and says so either way', async () => {
    const installed = (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, 'soffice')));
    expect((await get('/api/purchase-orders/sheet-formats').expect(200)).body).toEqual({ xlsx: true, pdf: installed });
    const order = plan.orders[2];
    await get(`/api/purchase-orders/${order.id}/sheet?format=docx`).expect(400);
    const pdf = await get(`/api/purchase-orders/${order.id}/sheet?format=pdf&lang=en`).buffer(true).parse(binary);
    if (!installed) {
      expect(pdf.status).toBe(503);
      return;
    }
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/larder-purchase-order-.*-en\.pdf/);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const exports = (await app.get(AuditService).recent(5)).filter((entry) => entry.action === 'report.export');
    expect(exports[0]).toMatchObject({ actor: 'buyer', detail: { kind: 'purchase-order', orderId: order.id, language: 'en', format: 'pdf' } });
  }, 180_000);

  it("prints the week's purchase plan with the page's total and each order's status, whatever other weeks deliver", async () => {
    // Next week's draft has orders delivering in this week too; they are not this week's.
    await app.get(PlanService).createPlan({ canteenId: 2, week: '2026-W49', createdBy: 'buyer', at: new Date('2026-11-20T10:00:00+08:00') });
    const delivering = (await get('/api/purchase-orders?canteen=C02&from=2026-11-23&to=2026-11-29').expect(200)).body as { planId: string }[];
    expect(delivering.some((order) => order.planId !== plan.id)).toBe(true);
    const shown = (await get(`/api/plans/${plan.id}`).expect(200)).body as { summary: { purchaseCostFen: number }; orders: { status: string; totalFen: number; late: boolean; lines: unknown[] }[] };
    const kept = shown.orders.filter((order) => order.status !== 'cancelled');
    // Planned after Monday's cut-offs: some orders cannot arrive in time, and their lines say so.
    const lateLines = kept.filter((order) => order.late).reduce((sum, order) => sum + order.lines.length, 0);
    expect(lateLines).toBeGreaterThan(0);
    const pageTotal = shown.summary.purchaseCostFen;
    expect(pageTotal).toBe(shown.orders.filter((order) => order.status !== 'cancelled').reduce((sum, order) => sum + order.totalFen, 0));
    for (const query of ['week=2026-W48&canteen=C02', `week=2026-W48&canteen=C02&plan=${plan.id}`]) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await get(`/api/reports/purchase-plan?${query}`).buffer(true).parse(binary).expect(200)).body as ArrayBuffer);
      const summary = workbook.getWorksheet('汇总')!;
      let total: { result: number } | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === '合计') total = row.getCell(4).value as { result: number };
      });
      expect(Math.round(total!.result * 100)).toBe(pageTotal);
      const statuses = new Set<string>();
      let markedLate = 0;
      // One sheet per supplier's orders, between the summary and the supplier comparison and notes.
      const orderSheets = workbook.worksheets.filter((sheet) => !['汇总', '货比三家', '说明'].includes(sheet.name));
      expect(orderSheets.length).toBeGreaterThan(0);
      for (const sheet of orderSheets)
        sheet.eachRow((row, n) => {
          const status = n > 3 ? String(row.getCell(10).value ?? '') : '';
          if (!status) return;
          if (status.endsWith(' · 赶不上')) markedLate += 1;
          statuses.add(status.replace(/ · 赶不上$/, ''));
        });
      // The first order was sent and received, the second cancelled (left out), the rest approved.
      expect([...statuses].sort()).toEqual(['已批准（待发送）', '已收货'].sort());
      expect(markedLate).toBe(lateLines);
    }
    await get('/api/reports/purchase-plan?week=2026-W48&canteen=C02&plan=nope').expect(400);
    await get(`/api/reports/waste?week=2026-W48&canteen=C02&plan=${plan.id}`).expect(400);
  });
});
