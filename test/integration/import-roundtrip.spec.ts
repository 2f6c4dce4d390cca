import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DemoManifest, exportDemoEnterprise } from '@larder/demo-data';
import { IMPORT_KINDS, ImportService, ImportSummary } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { openImportContext, scratchDir } from '../fixtures/import/import-test-kit';

/** Done-when of issue 3: demo export, then import of all its files into an empty database, gives the demo's totals. */
describe('import: demo export round trip', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  let manifest: DemoManifest;
  const summaries: ImportSummary[] = [];
  const dir = scratchDir('roundtrip');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, dataSource } = await openImportContext(database.config));
    manifest = await exportDemoEnterprise({ options: { seed: 7, canteens: 2, employees: 600, days: 30, endDate: '2026-03-31', futureDays: 7 }, outDir: dir });
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => join(dir, name));
    const ordered = [];
    for (const path of files) ordered.push({ path, kind: (await importer.inspect({ kind: 'auto', path, createdBy: 'test' })).kind });
    ordered.sort((a, b) => IMPORT_KINDS.indexOf(a.kind) - IMPORT_KINDS.indexOf(b.kind));
    for (const file of ordered) summaries.push(await importer.importFile({ kind: file.kind, path: file.path, createdBy: 'test' }));
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('recognises every file and accepts every row', () => {
    const byFile = Object.fromEntries(
      summaries.map((summary) => [summary.fileName, { kind: summary.kind, rejected: summary.rejected, duplicates: summary.duplicates, rejections: summary.rejections.slice(0, 2) }]),
    );
    expect(Object.keys(byFile).sort()).toEqual(Object.keys(manifest.files).sort());
    for (const [name, { rows }] of Object.entries(manifest.files)) {
      expect({ name, ...byFile[name] }).toEqual({ name, kind: expect.any(String), rejected: 0, duplicates: 0, rejections: [] });
      const summary = summaries.find((candidate) => candidate.fileName === name) as ImportSummary;
      expect({ name, accepted: summary.accepted }).toEqual({ name, accepted: rows });
    }
  });

  it("reproduces the demo's totals in the facts and in the rollups", async () => {
    const [facts] = await dataSource.query(`SELECT
      (SELECT count(*) FROM sale_transaction)::int AS transactions,
      (SELECT count(*) FROM sale_transaction WHERE kind = 'sale')::int AS "saleTransactions",
      (SELECT count(*) FROM sale_transaction WHERE kind = 'refund')::int AS "refundTransactions",
      (SELECT count(*) FROM sale_line)::int AS lines,
      (SELECT sum(amount_paid_fen) FROM sale_transaction)::bigint AS "amountPaidFen",
      (SELECT sum(subsidy_fen) FROM sale_transaction)::bigint AS "subsidyFen",
      (SELECT sum(amount_fen) FROM sale_line)::bigint AS "lineAmountFen",
      (SELECT sum(quantity) FROM sale_line)::bigint AS "portionsSold",
      (SELECT sum(portions_prepared) FROM production_log)::bigint AS "portionsPrepared",
      (SELECT COALESCE(sum(portions), 0) FROM waste_log WHERE kind = 'overproduction')::bigint AS "portionsWasted",
      (SELECT sum(kg) FROM waste_log)::numeric AS "wasteKg",
      (SELECT count(*) FROM menu_item)::int AS "menuItems",
      (SELECT count(*) FROM feedback)::int AS feedback`);
    const numeric = Object.fromEntries(Object.entries(facts).map(([key, value]) => [key, Number(value)]));
    expect(numeric).toEqual(manifest.totals);

    const [rollups] = await dataSource.query(`SELECT
      (SELECT sum(paid_fen) FROM daily_meal_rollup)::bigint AS paid, (SELECT sum(transactions + refunds) FROM daily_meal_rollup)::int AS payments,
      (SELECT sum(quantity) FROM daily_dish_rollup)::bigint AS sold, (SELECT sum(prepared) FROM daily_dish_rollup)::bigint AS prepared`);
    expect({ paid: Number(rollups.paid), payments: rollups.payments, sold: Number(rollups.sold), prepared: Number(rollups.prepared) }).toEqual({
      paid: manifest.totals.amountPaidFen,
      payments: manifest.totals.transactions,
      sold: manifest.totals.portionsSold,
      prepared: manifest.totals.portionsPrepared,
    });
  });

  it('adds nothing when the whole export is imported again', async () => {
    for (const name of Object.keys(manifest.files)) {
      const summary = await importer.importFile({ kind: 'auto', path: join(dir, name), createdBy: 'test' });
      expect({ name, accepted: summary.accepted, rejected: summary.rejected }).toEqual({ name, accepted: 0, rejected: 0 });
    }
  }, 300_000);
});
