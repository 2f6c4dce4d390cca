import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiTokenService } from '@larder/auth';
import { DatabaseService } from '@larder/database';
import { ImportService } from '@larder/ingestion';
import { count, csv, importMasters, saleRows, scratchDir, TX_HEADER } from '../fixtures/import/import-test-kit';
import { createHttpApp, signIn } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

const MAX_BYTES = 64 * 1024;
const UPLOADS_PER_MINUTE = 12;

describe('POST /api/import/:kind', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let dataSource: DataSource;
  let importToken: string;
  let readToken: string;
  const dir = scratchDir('import-http');
  // An upload folder of its own: another file's import running beside it (fault-refused-import
  // uploads 300,000 lines) neither adds to nor clears what it counts.
  const uploadDir = join(dir, 'uploads');
  const uploadsLeftOnDisk = () => readdirSync(uploadDir);

  const post = (path: string, token = importToken) => request(app.getHttpServer()).post(path).set('authorization', `Bearer ${token}`);
  const newToken = async (name: string) => (await app.get(ApiTokenService).create({ name, scopes: ['import'] })).token;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = database.config;
    mkdirSync(uploadDir);
    app = await createHttpApp({ ...config, imports: { ...config.imports, maxBytes: MAX_BYTES, uploadsPerMinute: UPLOADS_PER_MINUTE, uploadDir } });
    dataSource = app.get(DatabaseService).dataSource;
    await importMasters(app.get(ImportService), dir);
    importToken = await newToken('pos export');
    readToken = (await app.get(ApiTokenService).create({ name: 'dashboard', scopes: ['read'] })).token;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const sales = csv([
    TX_HEADER,
    ...saleRows({
      id: 'H1',
      at: '2026-11-24T11:45:00+08:00',
      employee: '1001',
      lines: [
        ['D001', 1, '18.00'],
        ['D003', 1, '2.00'],
      ],
      subsidy: '6.00',
    }),
    ...saleRows({ id: 'H2', at: '2026-11-24T12:10:00+08:00', employee: '1002', lines: [['D002', 2, '9.50']] }),
  ]);

  it('imports a multipart CSV upload and answers the CLI summary; the same file again is all duplicates', async () => {
    const before = uploadsLeftOnDisk().length;
    const first = await post('/api/import/auto').attach('file', Buffer.from(sales), '../../etc/销售.csv').expect(200);
    expect(first.body).toMatchObject({ accepted: 3, rejected: 0, duplicates: 0, kind: 'transactions', fileName: '销售.csv', rejections: [] });
    expect(Object.keys(first.body)).toEqual(expect.arrayContaining(['batchId', 'accepted', 'rejected', 'duplicates', 'seconds', 'rejections']));
    const [batch] = await dataSource.query('SELECT created_by, file_name FROM import_batch WHERE id = $1', [first.body.batchId]);
    expect(batch).toEqual({ created_by: 'token:pos export', file_name: '销售.csv' });
    const again = await post('/api/import/transactions').attach('file', Buffer.from(sales), 'sales.csv').expect(200);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(await count(dataSource, `SELECT count(*) FROM sale_transaction WHERE external_id IN ('H1', 'H2')`)).toBe(2);
    expect(uploadsLeftOnDisk().length).toBe(before);
  });

  it('imports a GBK card-system export with Chinese headers, its card numbers pseudonymised', async () => {
    const rows = [
      ['交易流水号', '交易时间', '卡号', '工号', '消费金额', '补贴金额', '实付金额', '窗口', '餐别', '菜品编码', '菜品名称', '数量', '单价', '支付方式', '食堂'],
      ['HG0001', '2026/11/24 12:01:30', '0099123', 'E7001', '18.00', '6.00', '12.00', '二号窗口', '午餐', 'D001', '红烧肉', '1', '18.00', '一卡通', '一食堂'],
      ['HG0002', '2026/11/24 18:20:00', '0099124', 'E7002', '9.50', '0.00', '9.50', '一号窗口', '晚餐', 'D002', '番茄炒蛋', '1', '9.50', '一卡通', '一食堂'],
    ];
    const response = await post('/api/import/auto?profile=cn-card')
      .attach('file', iconv.encode(csv(rows), 'gbk'), { filename: '消费流水.csv', contentType: 'text/csv' })
      .expect(200);
    expect(response.body).toMatchObject({ accepted: 2, rejected: 0, profile: 'cn-card', fileName: '消费流水.csv' });
    const dump = JSON.stringify(await dataSource.query(`SELECT * FROM sale_transaction WHERE external_id LIKE 'HG%'`)) + JSON.stringify(await dataSource.query('SELECT * FROM audit_log'));
    expect(dump).not.toMatch(/0099123|E7001/);
  });

  it('imports an NDJSON body sent with its content type', async () => {
    const rows = saleRows({ id: 'N1', at: '2026-11-25T12:00:00+08:00', employee: '1003', lines: [['D002', 1, '9.50']] });
    const body = rows.map((row) => JSON.stringify(Object.fromEntries(TX_HEADER.map((header, index) => [header, row[index]])))).join('\n') + '\n';
    const response = await post('/api/import/transactions?name=pos-1125').set('content-type', 'application/x-ndjson').send(body).expect(200);
    expect(response.body).toMatchObject({ accepted: 1, fileName: 'pos-1125.ndjson' });
  });

  it('answers line by line, progress then the summary, when asked for NDJSON; a refusal before any line keeps its status', async () => {
    const token = await newToken('progress reader');
    const before = uploadsLeftOnDisk().length;
    const lines = csv([
      TX_HEADER,
      ...saleRows({
        id: 'P1',
        at: '2026-11-26T12:00:00+08:00',
        employee: '1004',
        lines: [
          ['D002', 1, '9.50'],
          ['D003', 2, '4.00'],
        ],
      }),
    ]);
    const answer = await post('/api/import/auto', token).set('accept', 'application/x-ndjson').attach('file', Buffer.from(lines), 'progress.csv').expect(200);
    expect(answer.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const sent = answer.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // the first line comes as the batch starts, with the file's rows as its lines promise them
    expect(sent[0]).toEqual({ progress: { records: 0, estimate: 2 } });
    expect(sent.at(-2)).toEqual({ progress: { records: 2, estimate: 2 } });
    expect(sent.at(-1).summary).toMatchObject({ accepted: 2, rejected: 0, kind: 'transactions', fileName: 'progress.csv' });
    expect(uploadsLeftOnDisk().length).toBe(before);
    const refused = await post('/api/import/auto', token).set('accept', 'application/x-ndjson').attach('file', Buffer.from(lines), 'progress.xlsx').expect(415);
    expect(refused.body).toMatchObject({ error: 'UNSUPPORTED_FORMAT' });
  });

  it('refuses a body over the limit with 413 naming the setting, and stores nothing', async () => {
    const batches = await count(dataSource, 'SELECT count(*) FROM import_batch');
    const big = Buffer.alloc(MAX_BYTES + 10, 'a');
    const raw = await post('/api/import/auto').set('content-type', 'text/csv').send(big).expect(413);
    expect(raw.body.message).toMatch(/LARDER_IMPORT_MAX_BYTES/);
    const multipart = await post('/api/import/auto').attach('file', big, 'big.csv').expect(413);
    expect(multipart.body.message).toMatch(/LARDER_IMPORT_MAX_BYTES/);
    expect(await count(dataSource, 'SELECT count(*) FROM import_batch')).toBe(batches);
  });

  it('answers a file that is not what it claims with one 4xx error and stores nothing', async () => {
    const batches = await count(dataSource, 'SELECT count(*) FROM import_batch');
    const fake = await post('/api/import/auto').attach('file', Buffer.from(sales), 'sales.xlsx').expect(415);
    expect(fake.body.message).toMatch(/XLSX/);
    const binary = await post('/api/import/auto')
      .set('content-type', 'text/csv')
      .send(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04]))
      .expect(415);
    expect(binary.body.error).toBe('UNSUPPORTED_FORMAT');
    await post('/api/import/auto').set('content-type', 'image/png').send(Buffer.from('x')).expect(415);
    await post('/api/import/nonsense').attach('file', Buffer.from(sales), 'sales.csv').expect(400);
    expect(await count(dataSource, 'SELECT count(*) FROM import_batch')).toBe(batches);
  });

  it('is for import tokens and admins only', async () => {
    await request(app.getHttpServer()).post('/api/import/auto').attach('file', Buffer.from(sales), 'sales.csv').expect(401);
    await post('/api/import/auto', readToken).attach('file', Buffer.from(sales), 'sales.csv').expect(403);
    const manager = await signIn(app, { username: 'import-manager', role: 'manager', canteenIds: [1] });
    await manager.agent.post('/api/import/auto').set('x-csrf-token', manager.csrfToken).attach('file', Buffer.from(sales), 'sales.csv').expect(403);
    const admin = await signIn(app, { username: 'import-admin', role: 'admin' });
    const response = await admin.agent.post('/api/import/auto').set('x-csrf-token', admin.csrfToken).attach('file', Buffer.from(sales), 'sales.csv').expect(200);
    expect(response.body.duplicates).toBe(3);
  });

  it('records every upload in the audit log with who, what and the counts', async () => {
    const entries: { actor: string; detail: Record<string, unknown> }[] = await dataSource.query(`SELECT actor, detail FROM audit_log WHERE action = 'import' ORDER BY id`);
    expect(entries.map((entry) => entry.actor)).toEqual(expect.arrayContaining(['token:pos export', 'import-admin']));
    expect(entries.find((entry) => entry.detail.source === '销售.csv')?.detail).toMatchObject({ kind: 'transactions', accepted: 3, rejected: 0, duplicates: 0 });
  });

  it('limits uploads per token, not per address', async () => {
    const token = await newToken('eager sender');
    const statuses: number[] = [];
    for (let index = 0; index <= UPLOADS_PER_MINUTE; index++) statuses.push((await post('/api/import/nonsense', token).set('content-type', 'text/csv').send('a\n')).status);
    expect(statuses.slice(0, UPLOADS_PER_MINUTE).every((status) => status === 400)).toBe(true);
    expect(statuses[UPLOADS_PER_MINUTE]).toBe(429);
    // another token from the same address is not held back
    await post('/api/import/nonsense', await newToken('patient sender'))
      .set('content-type', 'text/csv')
      .send('a\n')
      .expect(400);
  });
});
