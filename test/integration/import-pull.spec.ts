import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigModule, LarderConfig } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { ImportService, IngestionModule, VendorPullService } from '@larder/ingestion';
import { PipelineModule, PullSourcesStep } from '@larder/pipeline';
import { count, importMasters, scratchDir, writeFile } from '../fixtures/import/import-test-kit';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/** The vendor's database lives on the PostgreSQL server whichever engine Larder itself runs on. */
const SERVER_URL = process.env.LARDER_TEST_VENDOR_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PAGE_SIZE = 5;

const VENDOR_TABLE = `CREATE TABLE 消费流水 (
  序号 bigserial PRIMARY KEY, 交易流水号 text NOT NULL, 交易时间 timestamp NOT NULL, 卡号 text, 工号 text,
  消费金额 numeric(10, 2), 补贴金额 numeric(10, 2), 实付金额 numeric(10, 2), 窗口 text, 餐别 text,
  菜品编码 text, 菜品名称 text, 数量 integer, 食堂 text)`;
const QUERY = 'SELECT 交易流水号, 交易时间, 卡号, 工号, 消费金额, 补贴金额, 实付金额, 窗口, 餐别, 菜品编码, 菜品名称, 数量, 食堂 FROM 消费流水 WHERE 交易时间 > $1';

type VendorLine = [id: string, at: string, card: string, dish: string, name: string, amount: string, subsidy: string];

/** Payments of one or two lines, a minute apart; the lines of a payment share its time, as card systems write them. */
function payments(options: { from: number; to: number; day: string }): VendorLine[] {
  const lines: VendorLine[] = [];
  for (let n = options.from; n <= options.to; n++) {
    const at = `${options.day} 11:${String(n).padStart(2, '0')}:00`;
    lines.push([`V${String(n).padStart(4, '0')}`, at, `0077${String(n).padStart(4, '0')}`, 'D001', '红烧肉', '18.00', '6.00']);
    if (n % 3 === 0) lines.push([`V${String(n).padStart(4, '0')}`, at, `0077${String(n).padStart(4, '0')}`, 'D003', '紫菜蛋花汤', '2.00', '0.00']);
  }
  return lines;
}

describe('pulling from a vendor PostgreSQL database', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let pulls: VendorPullService;
  let vendor: Client | null = null;
  let vendorName = '';
  let unreachable: string | null = null;
  const dir = scratchDir('pull');

  const skipped = () => {
    if (unreachable) console.warn(`vendor pull tests skipped: no PostgreSQL server at ${SERVER_URL.replace(/\/\/[^@]*@/, '//')} (${unreachable})`);
    return unreachable !== null;
  };

  async function addLines(lines: VendorLine[]): Promise<void> {
    for (const [id, at, card, dish, name, amount, subsidy] of lines) {
      const paid = (Number(amount) - Number(subsidy)).toFixed(2);
      await vendor!.query(
        'INSERT INTO 消费流水 (交易流水号, 交易时间, 卡号, 工号, 消费金额, 补贴金额, 实付金额, 窗口, 餐别, 菜品编码, 菜品名称, 数量, 食堂) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12)',
        [id, at, card, `E${card}`, amount, subsidy, paid, '二号窗口', '午餐', dish, name, '一食堂'],
      );
    }
  }

  /** What the vendor holds and what Larder holds must agree exactly: lines, payments and money. */
  async function expectSameTotals(): Promise<void> {
    const [held] = (await vendor!.query('SELECT count(*)::int AS lines, count(DISTINCT 交易流水号)::int AS payments, (sum(实付金额) * 100)::int AS paid FROM 消费流水')).rows;
    expect({
      lines: await count(dataSource, `SELECT count(*) FROM sale_line l JOIN sale_transaction t ON t.canteen_id = l.canteen_id AND t.id = l.transaction_id WHERE t.source = 'cn-card'`),
      payments: await count(dataSource, `SELECT count(*) FROM sale_transaction WHERE source = 'cn-card'`),
      paid: await count(dataSource, `SELECT coalesce(sum(amount_paid_fen), 0) FROM sale_transaction WHERE source = 'cn-card'`),
    }).toEqual(held);
  }

  beforeAll(async () => {
    const admin = new Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch (error) {
      unreachable = (error as Error).message;
      return;
    }
    vendorName = `larder_vendor_${randomBytes(5).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${vendorName}`);
    await admin.end();
    const vendorUrl = new URL(SERVER_URL);
    vendorUrl.pathname = `/${vendorName}`;
    vendor = new Client({ connectionString: vendorUrl.toString() });
    await vendor.connect();
    await vendor.query(VENDOR_TABLE);
    const sourcesFile = writeFile(
      dir,
      'pull-sources.json',
      JSON.stringify({
        sources: [
          { name: 'canteen-pos', url: vendorUrl.toString(), query: QUERY, watermarkColumn: '交易时间', profile: 'cn-card', kind: 'transactions', pageSize: PAGE_SIZE },
          // nothing listens on port 1: a source that is down must not stop the others
          { name: 'closed-pos', url: 'postgres://reader:secret-password@127.0.0.1:1/pos', query: QUERY, watermarkColumn: '交易时间', profile: 'cn-card', kind: 'transactions' },
        ],
      }),
    );

    database = await createTestDatabase();
    const config: LarderConfig = { ...database.config, demo: 'off', imports: { ...database.config.imports, pullSourcesFile: sourcesFile, inboxDir: join(dir, 'inbox') } };
    @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, IngestionModule, PipelineModule] })
    class PullTestModule {}
    app = await NestFactory.createApplicationContext(PullTestModule, { logger: ['error'] });
    await app.get(DatabaseService).migrate();
    dataSource = app.get(DatabaseService).dataSource;
    pulls = app.get(VendorPullService);
    await importMasters(app.get(ImportService), dir);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await vendor?.end().catch(() => undefined);
    if (vendorName) {
      const admin = new Client({ connectionString: SERVER_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${vendorName} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('pulls every row in pages, pseudonymised, and keeps the watermark', async () => {
    if (skipped()) return;
    const lines = payments({ from: 1, to: 12, day: '2026-11-24' });
    await addLines(lines);
    const [result] = await pulls.pull();
    expect(result).toMatchObject({ source: 'canteen-pos', accepted: lines.length, rejected: 0, duplicates: 0, watermark: '2026-11-24 11:12:00' });
    expect(result.error).toBeUndefined();
    expect(result.pages).toBeGreaterThan(2);
    await expectSameTotals();
    const dump =
      JSON.stringify(await dataSource.query(`SELECT * FROM sale_transaction`)) +
      JSON.stringify(await dataSource.query('SELECT * FROM audit_log')) +
      JSON.stringify(await dataSource.query('SELECT * FROM import_batch'));
    expect(dump).not.toMatch(/00770001|E00770001/);
    const [payment] = await dataSource.query(`SELECT occurred_at, meal, amount_paid_fen FROM sale_transaction WHERE external_id = 'V0003'`);
    expect(new Date(payment.occurred_at).toISOString()).toBe('2026-11-24T03:03:00.000Z');
    expect(payment).toMatchObject({ meal: 'lunch', amount_paid_fen: 1400 });
  });

  it('pulls only the rows added since, and nothing when nothing is new', async () => {
    if (skipped()) return;
    const lines = payments({ from: 13, to: 20, day: '2026-11-24' });
    await addLines(lines);
    const [result] = await pulls.pull({ source: 'canteen-pos' });
    expect(result).toMatchObject({ accepted: lines.length, duplicates: 0, rejected: 0, watermark: '2026-11-24 11:20:00' });
    const [idle] = await pulls.pull();
    expect(idle).toMatchObject({ pages: 0, accepted: 0, watermark: '2026-11-24 11:20:00' });
    await expectSameTotals();
  });

  it('resumes after the connection is killed mid-pull: exact totals, nothing lost or doubled', async () => {
    if (skipped()) return;
    const lines = payments({ from: 21, to: 40, day: '2026-11-25' });
    await addLines(lines);
    const [broken] = await pulls.pull({
      onPage: async ({ page }) => {
        if (page !== 1) return;
        await vendor!.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'larder-pull'`, [vendorName]);
      },
    });
    expect(broken.pages).toBe(1);
    expect(broken.error).toMatch(/terminat|connection/i);
    const [resumed] = await pulls.pull();
    expect(resumed.error).toBeUndefined();
    expect(broken.accepted + resumed.accepted).toBe(lines.length);
    expect(resumed.duplicates).toBe(0);
    expect(resumed.watermark).toBe('2026-11-25 11:40:00');
    await expectSameTotals();
  });

  it('audits every page as the pull that brought it', async () => {
    if (skipped()) return;
    const entries: { actor: string; detail: Record<string, unknown> }[] = await dataSource.query(`SELECT actor, detail FROM audit_log WHERE action = 'import' AND actor LIKE 'system:pull%'`);
    expect(entries.length).toBeGreaterThan(3);
    expect(entries.every((entry) => entry.actor === 'system:pull:canteen-pos' && entry.detail.kind === 'transactions')).toBe(true);
    expect(entries.reduce((sum, entry) => sum + Number(entry.detail.accepted), 0)).toBe(
      await count(dataSource, `SELECT count(*) FROM sale_line l JOIN sale_transaction t ON t.canteen_id = l.canteen_id AND t.id = l.transaction_id WHERE t.source = 'cn-card'`),
    );
  });

  it('reports a source that cannot be reached, without its password, and pulls the others', async () => {
    if (skipped()) return;
    await addLines(payments({ from: 41, to: 43, day: '2026-11-25' }));
    const [open, closed] = await pulls.pull();
    expect(open).toMatchObject({ source: 'canteen-pos', accepted: 4, watermark: '2026-11-25 11:43:00' });
    expect(open.error).toBeUndefined();
    expect(closed).toMatchObject({ source: 'closed-pos', pages: 0, accepted: 0, watermark: '-infinity' });
    expect(closed.error).toMatch(/ECONNREFUSED|connect/);
    expect(closed.error).not.toMatch(/secret-password/);
    await expectSameTotals();
  });

  it('fails the nightly pull-sources step for a source that is down, after pulling the others, so the runner retries it', async () => {
    if (skipped()) return;
    await addLines(payments({ from: 44, to: 45, day: '2026-11-25' }));
    await expect(app.get(PullSourcesStep).definition.run({ asOf: '2026-11-25' })).rejects.toThrow(/pull closed-pos: .*(ECONNREFUSED|connect)/);
    expect(await pulls.watermark((await pulls.sources())[0])).toBe('2026-11-25 11:45:00');
    await expectSameTotals();
  });

  it('names an unknown source', async () => {
    if (skipped()) return;
    await expect(pulls.pull({ source: 'nope' })).rejects.toThrow(/no pull source named "nope"/);
  });
});
