import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportQuarantineService, ImportService, loadProfiles } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { count, csv, importMasters, openImportContext, saleRows, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';

describe('import: validation, quarantine, formats, other kinds and hostile files', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  const dir = scratchDir('import-validation');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, dataSource } = await openImportContext(database.config));
    await importMasters(importer, dir);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const good = saleRows({ id: 'G1', at: '2026-11-24T12:00:00+08:00', employee: '3001', lines: [['D001', 1, '18.00']] });

  it('quarantines every kind of bad row with file, line, field and a readable reason, and keeps the good rows', async () => {
    const row = (id: string, patch: Record<string, string | null>) => {
      const base = saleRows({ id, at: '2026-11-24T12:00:00+08:00', employee: '3002', lines: [['D002', 1, '9.50']] })[0];
      return base.map((value, index) => (TX_HEADER[index] in patch ? patch[TX_HEADER[index]] : value));
    };
    const refund = (id: string, of: string) => row(id, { kind: 'refund', refund_of_external_id: of, amount_paid: '-9.50', quantity: '-1', line_amount: '-9.50' });
    const rows = [
      TX_HEADER,
      ...good,
      row('B1', { canteen_code: 'C9' }),
      row('B2', { dish_code: 'D999' }),
      row('B3', { line_amount: '12,3x' }),
      row('B4', { occurred_at: '2026-02-30 12:00' }),
      row('B5', { amount_paid: '-9.50', line_amount: '-9.50' }),
      refund('B6', 'NOPE'),
      refund('R1', 'G1'),
      row('B7', { external_id: '' }),
      row('B8', { quantity: '0' }),
      row('B9', { meal: 'brunch' }),
      row('B10', { card_no: '1234', employee_no: '', channel: 'bitcoin' }),
      row('F1', { occurred_at: '2026-11-24T15:40:00+08:00' }),
      ...saleRows({
        id: 'B11',
        at: '2026-11-24T12:00:00+08:00',
        employee: '3003',
        lines: [
          ['D001', 1, '18.00'],
          ['D404', 1, '2.00'],
        ],
      }),
    ];
    const summary = await importer.importFile({ kind: 'transactions', path: writeFile(dir, 'mixed.csv', csv(rows)), createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 3, rejected: 12, duplicates: 0, flagged: 1 });
    const quarantined: { line: number; field: string | null; reason: string; raw: Record<string, unknown> }[] = await dataSource.query(
      'SELECT line, field, reason, raw FROM quarantine_row WHERE batch_id = $1 ORDER BY line',
      [summary.batchId],
    );
    const reasons = Object.fromEntries(quarantined.map((entry) => [entry.line, `${entry.field ?? '-'}: ${entry.reason}`]));
    expect(reasons[3]).toMatch(/canteen_code: .*未知的食堂“C9”.*unknown canteen "C9"/);
    expect(reasons[4]).toMatch(/dish_code: .*unknown dish code "D999"/);
    expect(reasons[5]).toMatch(/line_amount: .*"12,3x" is not an amount/);
    expect(reasons[6]).toMatch(/occurred_at: .*not a calendar date/);
    expect(reasons[7]).toMatch(/negative amount .* only allowed on a refund of a known transaction/);
    expect(reasons[8]).toMatch(/refund_of_external_id: .*reverses NOPE, which is not a known transaction/);
    expect(reasons[10]).toMatch(/external_id: .*a value is required/);
    expect(reasons[11]).toMatch(/quantity: .*cannot be 0/);
    expect(reasons[12]).toMatch(/meal: .*unknown meal "brunch"/);
    expect(reasons[13]).toMatch(/channel: .*unknown payment channel "bitcoin"/);
    expect(reasons[14]).toMatch(/occurred_at: .*accepted, but 15:40 is outside the lunch period 11:00-13:30/);
    expect(reasons[16]).toMatch(/dish_code: .*D404/);
    expect(reasons[15]).toMatch(/line 16 of the same payment was rejected/);
    expect(quarantined.every((entry) => entry.raw.card_no === '***' && entry.raw.employee_no !== 'E3002')).toBe(true);
    expect(JSON.stringify(quarantined)).not.toContain('886003002');
    const severities: { line: number; severity: string }[] = await dataSource.query('SELECT line, severity FROM quarantine_row WHERE batch_id = $1 ORDER BY line', [summary.batchId]);
    expect(severities.filter((entry) => entry.severity === 'flagged').map((entry) => entry.line)).toEqual([14]);
    expect(severities.filter((entry) => entry.severity === 'rejected')).toHaveLength(quarantined.length - 1);
    expect(await count(dataSource, `SELECT count(*) FROM sale_transaction WHERE external_id IN ('G1', 'R1', 'F1')`)).toBe(3);
    expect(await count(dataSource, `SELECT refunds FROM daily_meal_rollup WHERE canteen_id = 1 AND service_date = '2026-11-24' AND meal = 'lunch'`)).toBe(1);
    const [batch] = await dataSource.query('SELECT accepted, rejected FROM import_batch WHERE id = $1', [summary.batchId]);
    expect(batch).toEqual({ accepted: 3, rejected: 12 });
    // every refused row, not only the summary's first ten, can be read back to be corrected; the flagged one after them, marked as stored
    const exported = await app.get(ImportQuarantineService).export(summary.batchId);
    expect(exported).toMatchObject({ kind: 'transactions', fileName: 'mixed.csv', rows: 12, flagged: 1 });
    const lines = exported.csv.trimEnd().split('\r\n');
    // the file's own columns in its own order, so a corrected row pastes back into it
    expect(lines[0]).toBe(['行号 line', '状态 status', '原因 reason', ...TX_HEADER].join(','));
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual([...severities.filter((entry) => entry.severity === 'rejected').map((entry) => entry.line), 14]);
    expect(exported.csv).toMatch(/\n3,未导入 refused,".*unknown canteen ""C9"".*",.*C9/);
    expect(exported.csv).toMatch(/\n14,"已导入，请核对 stored, please check",".*outside the lunch period/);
    expect(exported.csv).not.toContain('886003002');
    await expect(app.get(ImportQuarantineService).export('00000000-0000-0000-0000-000000000000')).rejects.toThrow(/no import batch/);
  });

  it('quarantines a sale dated after LARDER_FUTURE_DAYS instead of letting it move everyone\'s "today"', async () => {
    const future = saleRows({ id: 'FUT-1', at: '2031-06-02T12:00:00+08:00', employee: '3101', lines: [['D001', 1, '18.00']] });
    const today = saleRows({ id: 'FUT-2', at: '2026-11-25T12:00:00+08:00', employee: '3102', lines: [['D001', 1, '18.00']] });
    const summary = await importer.importFile({ kind: 'transactions', path: writeFile(dir, 'future.csv', csv([TX_HEADER, ...future, ...today])), createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 1, rejected: 1 });
    expect(summary.rejections[0]).toMatchObject({ line: 2, field: 'service_date', reason: expect.stringMatching(/dated 2031-06-02, after the latest date allowed/) });
    expect(await count(dataSource, `SELECT count(*) FROM daily_meal_rollup WHERE service_date > '2027-01-01'`)).toBe(0);
    const feedback = csv([
      ['canteen_code', 'submitted_at', 'rating'],
      ['C1', '2031-06-02T12:30:00+08:00', 4],
    ]);
    expect(await importer.importFile({ kind: 'feedback', path: writeFile(dir, 'future-feedback.csv', feedback), createdBy: 'test' })).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it('reads the same payments from XLSX, JSON, NDJSON and Arrow identically (all duplicates of the CSV)', async () => {
    const rows = saleRows({
      id: 'X1',
      at: '2026-11-23T12:00:00+08:00',
      employee: '4001',
      lines: [
        ['D001', 1, '18.00'],
        ['D003', 1, '2.00'],
      ],
      subsidy: '6.00',
    });
    const first = await importer.importFile({ kind: 'transactions', path: writeFile(dir, 'x.csv', csv([TX_HEADER, ...rows])), createdBy: 'test' });
    expect(first.accepted).toBe(2);
    const objects = rows.map((row) => Object.fromEntries(TX_HEADER.map((header, index) => [header, row[index]])));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('交易');
    sheet.addRow(TX_HEADER);
    for (const row of rows) sheet.addRow(row.map((value, index) => (TX_HEADER[index] === 'line_amount' ? Number(value) : value)));
    const columns = Object.fromEntries(TX_HEADER.map((header, index) => [header, rows.map((row) => (row[index] === null ? null : String(row[index])))]));
    const files: [string, string | Buffer | Uint8Array][] = [
      ['x.xlsx', Buffer.from(await book.xlsx.writeBuffer())],
      ['x.json', JSON.stringify(objects)],
      ['x.ndjson', objects.map((object) => JSON.stringify(object)).join('\n') + '\n'],
      ['x.arrow', tableToIPC(tableFromArrays(columns as unknown as Record<string, string[]>), 'file')],
      ['x.arrows', tableToIPC(tableFromArrays(columns as unknown as Record<string, string[]>), 'stream')],
    ];
    for (const [name, content] of files) {
      const summary = await importer.importFile({ kind: 'auto', path: writeFile(dir, name, content), createdBy: 'test' });
      expect([name, summary.kind, summary.accepted, summary.rejected, summary.duplicates]).toEqual([name, 'transactions', 0, 0, 2]);
    }
  });

  it('imports the kitchen, supplier, HR and calendar kinds, idempotently', async () => {
    const files: Record<string, string> = {
      'suppliers.csv': csv([
        ['supplier_code', 'name', 'name_en', 'contact'],
        ['S1', '鲜达食品', 'Xianda Foods', '021-5555'],
      ]),
      'supplier_items.csv': csv([
        ['supplier_code', 'ingredient_code', 'sku', 'pack_size', 'min_order_packs', 'lead_time_days', 'delivery_weekdays', 'order_cutoff'],
        ['S1', 'I001', 'PB-5', '5', '1', '1', '1|3|5', '16:00'],
      ]),
      'supplier_prices.csv': csv([
        ['supplier_code', 'sku', 'valid_from', 'pack_price'],
        ['S1', 'PB-5', '2026-11-01', '150.00'],
      ]),
      'recipes.csv': csv([
        ['dish_code', 'ingredient_code', 'quantity_per_portion', 'yield_loss'],
        ['D001', 'I001', '0.2', '0.05'],
      ]),
      'calendar.csv': csv([
        ['day', 'kind', 'holiday_name', 'holiday_name_zh'],
        ['2026-10-01', 'holiday', 'National Day', '国庆节'],
        ['2026-10-11', '调休', '', ''],
      ]),
      'headcount.csv': csv([
        ['site_code', 'day', 'employees', 'on_duty', 'on_leave', 'travelling', 'overtime', 'remote'],
        ['HQ', '2026-11-24', 17500, 15000, 1500, 500, 800, 500],
      ]),
      'menus.csv': csv([
        ['canteen_code', 'service_date', 'meal', 'dish_code'],
        ['C1', '2026-11-24', 'lunch', 'D001'],
        ['C1', '2026-11-24', '午餐', 'D002'],
      ]),
      'production.csv': csv([
        ['canteen_code', 'service_date', 'meal', 'dish_code', 'portions_prepared'],
        ['C1', '2026-11-24', 'lunch', 'D001', 120],
      ]),
      'waste.csv': csv([
        ['canteen_code', 'service_date', 'meal', 'kind', 'dish_code', 'ingredient_code', 'kg', 'portions'],
        ['C1', '2026-11-24', 'lunch', 'overproduction', 'D001', '', '3.5', 10],
        ['C1', '2026-11-24', '', 'spoilage', '', 'I003', '1.2', ''],
      ]),
      'stock_counts.csv': csv([
        ['canteen_code', 'counted_on', 'ingredient_code', 'quantity'],
        ['C1', '2026-11-24', 'I001', '12.5'],
      ]),
      'feedback.csv': csv([
        ['canteen_code', 'submitted_at', 'service_date', 'meal', 'dish_code', 'rating', 'tags', 'comment', 'employee_no'],
        ['C1', '2026-11-24T12:30:00+08:00', '', 'lunch', 'D001', 4, '太咸;份量足', '不错', 'E5001'],
        ['C1', '2026-11-24T12:31:00+08:00', '', 'lunch', '', 9, '', '', ''],
      ]),
    };
    const results: Record<string, [number, number, number]> = {};
    for (const [name, content] of Object.entries(files)) {
      const summary = await importer.importFile({ kind: 'auto', path: writeFile(dir, name, content), createdBy: 'test' });
      results[`${name}:${summary.kind}`] = [summary.accepted, summary.rejected, summary.duplicates];
    }
    expect(results).toEqual({
      'suppliers.csv:suppliers': [1, 0, 0],
      'supplier_items.csv:supplier_items': [1, 0, 0],
      'supplier_prices.csv:supplier_prices': [1, 0, 0],
      'recipes.csv:recipes': [1, 0, 0],
      'calendar.csv:calendar': [2, 0, 0],
      'headcount.csv:headcount': [1, 0, 0],
      'menus.csv:menus': [2, 0, 0],
      'production.csv:production': [1, 0, 0],
      'waste.csv:waste': [2, 0, 0],
      'stock_counts.csv:stock_counts': [1, 0, 0],
      'feedback.csv:feedback': [1, 1, 0],
    });
    expect(await count(dataSource, `SELECT prepared FROM daily_dish_rollup WHERE canteen_id = 1 AND service_date = '2026-11-24' AND meal = 'lunch' AND dish_id = 1`)).toBe(120);
    expect(await count(dataSource, `SELECT wasted_portions FROM daily_dish_rollup WHERE canteen_id = 1 AND service_date = '2026-11-24' AND meal = 'lunch' AND dish_id = 1`)).toBe(10);
    expect(await dataSource.query(`SELECT delivery_weekdays FROM supplier_item`)).toEqual([{ delivery_weekdays: [1, 3, 5] }]);
    expect(await count(dataSource, `SELECT count(*) FROM feedback WHERE diner_pseudonym IS NOT NULL AND diner_pseudonym <> 'E5001'`)).toBe(1);
    for (const [name, content] of Object.entries(files)) {
      const summary = await importer.importFile({ kind: 'auto', path: writeFile(dir, `again-${name}`, content), createdBy: 'test' });
      expect([name, summary.accepted]).toEqual([name, 0]);
    }
  });

  it('files ingredients under a category by code or Chinese name, names a bad one, and keeps it when a file has none', async () => {
    const header = ['ingredient_code', 'name', 'name_en', 'unit', 'shelf_life_days', 'storage', 'category'];
    const rows = [
      header,
      ['I001', '五花肉', 'Pork belly', 'kg', 5, 'chilled', '肉禽'],
      ['I002', '鸡蛋', 'Egg', 'piece', 20, 'chilled', 'eggs_dairy'],
      ['I003', '番茄', 'Tomato', 'kg', 7, 'chilled', 'veg'],
    ];
    const summary = await importer.importFile({ kind: 'ingredients', path: writeFile(dir, 'categories.csv', csv(rows)), createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 2, rejected: 1 });
    const [rejection]: { field: string; reason: string }[] = await dataSource.query('SELECT field, reason FROM quarantine_row WHERE batch_id = $1', [summary.batchId]);
    expect(rejection.field).toBe('category');
    expect(rejection.reason).toMatch(/未知的食材类别 "veg".*unknown ingredient category "veg" \(expected one of meat_poultry, seafood, .*other\)/);
    const categories = async () =>
      Object.fromEntries((await dataSource.query('SELECT code, category FROM ingredient ORDER BY code')).map((row: { code: string; category: string }) => [row.code, row.category]));
    expect(await categories()).toEqual({ I001: 'meat_poultry', I002: 'eggs_dairy', I003: 'other' });
    // A purchasing system's export without the column changes a shelf life, not finance's categories.
    const without = [header.slice(0, 6), ['I001', '五花肉', 'Pork belly', 'kg', 4, 'chilled'], ['I004', '大米', 'Rice', 'kg', 365, 'ambient']];
    await importer.importFile({ kind: 'ingredients', path: writeFile(dir, 'no-categories.csv', csv(without)), createdBy: 'test' });
    expect(await categories()).toEqual({ I001: 'meat_poultry', I002: 'eggs_dairy', I003: 'other', I004: 'other' });
  });

  it('uses a profile from a user file, with its own headers and value spellings', async () => {
    const file = writeFile(
      dir,
      'profiles.json',
      JSON.stringify({
        profiles: [
          {
            name: 'acme',
            source: 'acme-pos',
            amountUnit: 'fen',
            kinds: { transactions: { canteen: 'Outlet', externalId: 'Receipt', occurredAt: 'Time', employeeNo: 'Staff', amountPaid: 'PaidFen', meal: 'Shift' } },
            values: { meal: { Mittag: 'lunch' } },
          },
        ],
      }),
    );
    const profiles = await loadProfiles(file);
    const summary = await importer.importFile({
      kind: 'auto',
      profiles,
      path: writeFile(
        dir,
        'acme.csv',
        csv([
          ['Outlet', 'Receipt', 'Time', 'Staff', 'PaidFen', 'Shift'],
          ['C2', 'A-1', '2026-11-24 12:00', 'E7', '850', 'Mittag'],
        ]),
      ),
      createdBy: 'test',
    });
    expect(summary).toMatchObject({ profile: 'acme', accepted: 1 });
    expect(await dataSource.query(`SELECT source, amount_paid_fen, meal FROM sale_transaction WHERE external_id = 'A-1'`)).toEqual([{ source: 'acme-pos', amount_paid_fen: 850, meal: 'lunch' }]);
    await expect(loadProfiles(writeFile(dir, 'bad-profiles.json', JSON.stringify({ profiles: [{ name: 'x', source: 's', kinds: { transactions: { tipAmount: 'Tip' } } }] })))).rejects.toThrow(
      /no field "tipAmount"/,
    );
  });

  it('refuses a broken or hostile file with one error and changes nothing', async () => {
    const tables = ['sale_transaction', 'sale_line', 'quarantine_row', 'daily_meal_rollup'];
    const snapshot = async () => Promise.all(tables.map((table) => count(dataSource, `SELECT count(*) FROM ${table}`)));
    const before = await snapshot();
    const batchesBefore = await count(dataSource, 'SELECT count(*) FROM import_batch');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('x').addRow(TX_HEADER);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    await expect(importer.importFile({ kind: 'transactions', path: writeFile(dir, 'cut.xlsx', xlsx.subarray(0, xlsx.length - 100)), createdBy: 'test' })).rejects.toThrow(/truncated or damaged/);
    await expect(importer.importFile({ kind: 'transactions', path: writeFile(dir, 'named.xlsx', csv([TX_HEADER, ...good])), createdBy: 'test' })).rejects.toThrow(
      /claims to be XLSX but its content is CSV/,
    );
    await expect(importer.importFile({ kind: 'transactions', path: writeFile(dir, 'big.csv', csv([TX_HEADER, ...good])), limits: { maxFileBytes: 100 }, createdBy: 'test' })).rejects.toThrow(
      /too large/,
    );
    await expect(importer.importFile({ kind: 'auto', path: writeFile(dir, 'what.csv', 'foo,bar\n1,2\n'), createdBy: 'test' })).rejects.toThrow(/no profile fits/);
    expect(await count(dataSource, 'SELECT count(*) FROM import_batch')).toBe(batchesBefore);
    // damage found half-way through the stream: the rows before it are rolled back, the attempt is on record
    const truncated = csv([TX_HEADER, ...saleRows({ id: 'Z1', at: '2026-11-22T12:00:00+08:00', employee: '9', lines: [['D001', 1, '18.00']] })]) + 'C1,"Z2,unterminated\n';
    await expect(importer.importFile({ kind: 'transactions', path: writeFile(dir, 'cut.csv', truncated), createdBy: 'test' })).rejects.toThrow(/truncated/);
    expect(await snapshot()).toEqual(before);
    expect(await dataSource.query(`SELECT status, file_name FROM import_batch WHERE status = 'failed'`)).toEqual([{ status: 'failed', file_name: 'cut.csv' }]);
  });

  it('refuses a runaway NDJSON line or JSON element naming where it is, and quarantines a record nested too deeply', async () => {
    const record = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ canteen_code: 'C1', external_id: id, occurred_at: '2026-11-24 12:00:00', amount_paid: '9.50', ...extra });
    const giant = 'x'.repeat(3 * 1024 * 1024);
    await expect(
      importer.importFile({ kind: 'transactions', profile: 'demo', path: writeFile(dir, 'giant.ndjson', `${record('N-1')}\n${record('N-2', { terminal: giant })}\n`), createdBy: 'test' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/line 2 is longer than 1048576 characters/) });
    await expect(
      importer.importFile({ kind: 'transactions', profile: 'demo', path: writeFile(dir, 'giant.json', `[${record('N-1')},\n${record('N-2', { terminal: giant })}]`), createdBy: 'test' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/element starting at line 2 is longer than/) });
    const deep = `${record('N-3', { terminal: 'W1' })}\n${record('N-4').slice(0, -1)},"terminal":${'['.repeat(200_000)}${']'.repeat(200_000)}}\n`;
    const summary = await importer.importFile({ kind: 'transactions', profile: 'demo', path: writeFile(dir, 'deep.ndjson', deep), createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 1, rejected: 1 });
    expect(summary.rejections[0].reason).toMatch(/nested too deeply/);
  });

  it('quarantines a different payment under a serial number already seen as a conflict naming both lines, and counts an identical copy as a duplicate', async () => {
    const first = saleRows({ id: 'CF-1', at: '2026-11-23T12:00:00+08:00', employee: '3201', lines: [['D001', 1, '18.00']] });
    const other = saleRows({ id: 'CF-2', at: '2026-11-23T12:01:00+08:00', employee: '3202', lines: [['D002', 1, '9.50']] });
    const conflicting = saleRows({ id: 'CF-1', at: '2026-11-23T12:05:00+08:00', employee: '3203', lines: [['D002', 2, '9.50']] });
    const mixed = [
      ...saleRows({ id: 'CF-3', at: '2026-11-23T12:10:00+08:00', employee: '3204', lines: [['D001', 1, '18.00']] }),
      ...saleRows({ id: 'CF-3', at: '2026-11-23T12:40:00+08:00', employee: '3205', lines: [['D002', 1, '9.50']] }).map((row) =>
        row.map((value, index) => (TX_HEADER[index] === 'line_no' ? 2 : value)),
      ),
    ];
    const between = saleRows({ id: 'CF-4', at: '2026-11-23T12:06:00+08:00', employee: '3206', lines: [['D003', 1, '2.00']] });
    const rows = [TX_HEADER, ...first, ...other, ...conflicting, ...between, ...first, ...mixed];
    const summary = await importer.importFile({ kind: 'transactions', path: writeFile(dir, 'conflict.csv', csv(rows)), createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 3, rejected: 3, duplicates: 1 });
    const reasons = Object.fromEntries(summary.rejections.map((rejection) => [rejection.line, rejection.reason]));
    expect(reasons[4]).toMatch(/transaction CF-1 already appeared at line 2 with a different time, diner, amount or lines/);
    expect(reasons[7]).toMatch(/lines 7 and 8 of transaction CF-3 disagree/);
    expect(await dataSource.query(`SELECT external_id, amount_paid_fen FROM sale_transaction WHERE external_id LIKE 'CF-%' ORDER BY 1`)).toEqual([
      { external_id: 'CF-1', amount_paid_fen: 1800 },
      { external_id: 'CF-2', amount_paid_fen: 950 },
      { external_id: 'CF-4', amount_paid_fen: 200 },
    ]);
  });

  it("reads a canteen's own files under their Chinese headers, recognised without a profile", async () => {
    const files: [string, (string | number)[][], string, number][] = [
      [
        '场站.csv',
        [
          ['场站编码', '场站名称'],
          ['SH3', '3号线车辆段'],
        ],
        'sites',
        1,
      ],
      [
        '食堂.csv',
        [
          ['食堂编码', '食堂名称', '场站编码', '座位数', '周末营业'],
          ['C3', '车辆段职工食堂', 'SH3', 320, '是'],
        ],
        'canteens',
        1,
      ],
      [
        '供餐时段.csv',
        [
          ['食堂', '餐别', '开始时间', '结束时间'],
          ['车辆段职工食堂', '午餐', '10:45', '13:30'],
          ['C3', '晚餐', '16:45', '19:30'],
        ],
        'meal_periods',
        2,
      ],
      [
        '食材.csv',
        [
          ['食材编码', '食材名称', '单位', '保质期(天)', '储存方式', '食材类别'],
          ['I101', '青菜', '公斤', 2, '冷藏', '蔬菜'],
        ],
        'ingredients',
        1,
      ],
      [
        '配方.csv',
        [
          ['菜品编码', '食材编码', '每份用量', '损耗率'],
          ['D003', 'I101', '0.05', '0.1'],
        ],
        'recipes',
        1,
      ],
      [
        '供应商.csv',
        [
          ['供应商编码', '供应商名称', '联系人', '电话'],
          ['S101', '江桥蔬菜批发', '王经理', '021-59140000'],
        ],
        'suppliers',
        1,
      ],
      [
        '供应商商品.csv',
        [
          ['供应商编码', '食材编码', '商品编号', '包装规格', '起订包数', '提前天数', '截单时间'],
          ['S101', 'I101', 'QC-5KG', '5', '1', '1', '16:00'],
        ],
        'supplier_items',
        1,
      ],
      [
        '供应商价格.csv',
        [
          ['供应商编码', '商品编号', '生效日期', '每包价格'],
          ['S101', 'QC-5KG', '2026/11/1', '￥1,018.00'],
        ],
        'supplier_prices',
        1,
      ],
      [
        '日历.csv',
        [
          ['日期', '日期类型', '节日名称'],
          ['2026-11-28', '调休上班', '调休'],
        ],
        'calendar',
        1,
      ],
      [
        '停业.csv',
        [
          ['食堂', '开始日期', '结束日期', '原因'],
          ['一食堂', '2026-11-30', '2026-11-30', '设备检修'],
        ],
        'closures',
        1,
      ],
      [
        '在岗人数.csv',
        [
          ['场站编码', '日期', '在册人数', '在岗人数', '请假人数'],
          ['HQ', '2026-11-23', 1200, 1050, 60],
        ],
        'headcount',
        1,
      ],
      [
        '菜单.csv',
        [
          ['食堂', '日期', '餐别', '菜品编码', '菜品名称'],
          ['一食堂', '2026-11-23', '午餐', 'D001', '红烧肉'],
          ['一食堂', '2026-11-23', '午餐', 'D003', '紫菜蛋花汤'],
        ],
        'menus',
        2,
      ],
      [
        '生产记录.csv',
        [
          ['食堂', '日期', '餐别', '菜品编码', '制作份数'],
          ['一食堂', '2026-11-23', '午餐', 'D001', 120],
        ],
        'production',
        1,
      ],
      [
        '浪费记录.csv',
        [
          ['食堂', '日期', '餐别', '浪费类型', '菜品编码', '重量(公斤)', '份数'],
          ['一食堂', '2026-11-23', '午餐', '超量制作', 'D001', '3.5', 10],
          ['一食堂', '2026-11-23', '午餐', '餐余', '', '12.2', ''],
        ],
        'waste',
        2,
      ],
    ];
    for (const [name, rows, kind, accepted] of files) {
      const summary = await importer.importFile({ kind: 'auto', path: writeFile(dir, name, iconv.encode(csv(rows), 'gb18030')), createdBy: 'test' });
      expect({ name, kind: summary.kind, profile: summary.profile, accepted: summary.accepted, rejected: summary.rejections }).toEqual({ name, kind, profile: 'cn-card', accepted, rejected: [] });
    }
    expect(await count(dataSource, `SELECT pack_price_fen FROM supplier_price p JOIN supplier_item i ON i.id = p.supplier_item_id WHERE i.sku = 'QC-5KG'`)).toBe(101800);
    expect(await count(dataSource, `SELECT count(*) FROM waste_log WHERE service_date = '2026-11-23' AND canteen_id = 1`)).toBe(2);
  });

  it('names the missing serial-number column of a GB18030 card export instead of only listing its headers', async () => {
    // without a card or staff number no serial can be derived either (import-derived-serial.spec.ts)
    const header = ['交易时间', '消费金额', '补贴金额', '实付金额', '窗口', '餐别', '菜品编码', '食堂'];
    const text = csv([header, ['2026-11-24 12:01:00', '18.00', '6.00', '12.00', 'W01', '午餐', 'D001', 'C1']]);
    const failure = importer.importFile({ kind: 'auto', path: writeFile(dir, '消费流水-gbk.csv', iconv.encode(text, 'gb18030')), createdBy: 'test' });
    await expect(failure).rejects.toThrow(/looks like transactions of profile cn-card but lacks the required column 交易流水号/);
  });

  it('names, in Chinese, the kind and every header that would do for a column a card export spells otherwise', async () => {
    const header = ['交易流水号', '交易日期', '卡号', '消费金额', '窗口', '餐别', '菜品编码', '食堂'];
    const text = csv([header, ['T-1', '2026-11-24 12:01:00', '3100001', '18.00', 'W01', '午餐', 'D001', 'C1']]);
    const failure = importer.importFile({ kind: 'auto', path: writeFile(dir, '消费流水-交易日期.csv', iconv.encode(text, 'gb18030')), createdBy: 'test' });
    await expect(failure).rejects.toThrow(
      '消费流水-交易日期.csv：看起来是按映射“cn-card”的消费流水（transactions），但缺少必需的列：交易时间（也可写作 消费时间、刷卡时间）；请把文件里对应的列改成其中一个名字',
    );
    await expect(failure).rejects.toThrow(/lacks the required column 交易时间 \(or 消费时间, 刷卡时间\); rename the file's column to one of these/);
  });
});
