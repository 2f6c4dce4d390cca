import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportService, Pseudonymizer } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { csv, importMasters, openImportContext, scratchDir, writeFile } from '../fixtures/import/import-test-kit';

/** What a person's data must never be found in once a file has been imported, refused or quarantined. */
async function everythingStored(dataSource: DataSource): Promise<string> {
  const tables = ['quarantine_row', 'import_batch', 'audit_log', 'sale_transaction', 'sale_line', 'feedback', 'app_setting'];
  const dumps = await Promise.all(tables.map((table) => dataSource.query(`SELECT * FROM ${table}`)));
  return JSON.stringify(dumps);
}

describe('import: personal data never reaches storage, messages or the audit log in clear', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  const dir = scratchDir('import-privacy');
  const pseudonyms = new Pseudonymizer('test-pseudonym-key-0123456789');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, dataSource } = await openImportContext(database.config));
    await importMasters(importer, dir);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  // A card export as vendors write it, with the personal columns they add: the chip number, the
  // ID-card number, the holder's name, a phone in a remarks column and the card number twice.
  const HEADER = ['卡号', '交易流水号', '交易时间', '物理卡号', '身份证号', '姓名', '工号', '消费金额', '补贴金额', '实付金额', '窗口', '餐别', '菜品编码', '数量', '食堂', '备注', '卡号'];
  const person = (n: number) => ({
    card: `62220212345678${String(n).padStart(5, '0')}`,
    chip: `A1B2C3${n}D4E5`,
    idCard: `11010119900307${String(4510 + n)}`,
    name: ['张三丰', '李四光', '王五岳'][n % 3],
    staff: `E9${String(n).padStart(3, '0')}`,
    phone: `1390000${String(n).padStart(4, '0')}`,
    second: `62220299998888${String(n).padStart(5, '0')}`,
  });
  const row = (n: number, serial: string, dish: string) => {
    const p = person(n);
    return [p.card, serial, '2026-11-24 12:01:00', p.chip, p.idCard, p.name, p.staff, '18.00', '6.00', '12.00', 'W01', '午餐', dish, '1', 'C1', `电话${p.phone}`, p.second];
  };
  const secrets = (n: number) => Object.values(person(n));

  it('keeps only mapped columns, personal ones pseudonymised or masked, whatever extra or repeated personal columns a card export has', async () => {
    const file = writeFile(dir, '消费流水.csv', csv([HEADER, row(1, 'P-1', 'D001'), row(2, 'P-2', 'D999'), row(3, 'P-3', 'D002')]));
    const summary = await importer.importFile({ kind: 'auto', path: file, createdBy: 'test' });
    expect(summary).toMatchObject({ kind: 'transactions', profile: 'cn-card', accepted: 2, rejected: 1 });
    const [quarantined] = await dataSource.query('SELECT line, field, reason, raw FROM quarantine_row WHERE batch_id = $1', [summary.batchId]);
    expect(quarantined).toMatchObject({ line: 3, field: '菜品编码' });
    // the refused row keeps what a clerk needs to correct it, and nothing personal
    expect(quarantined.raw).toMatchObject({ 交易流水号: 'P-2', 菜品编码: 'D999', 卡号: '***', 工号: '***' });
    expect(Object.keys(quarantined.raw)).not.toEqual(expect.arrayContaining(['身份证号', '姓名', '备注', '物理卡号']));
    const stored = await everythingStored(dataSource);
    for (const n of [1, 2, 3]) for (const secret of secrets(n)) expect(stored).not.toContain(secret);
    expect(JSON.stringify(summary)).not.toMatch(/6222|110101|张三丰|李四光|王五岳|139000/);
    // pseudonyms are what they always were: the staff number's, keyed
    const diners: { external_id: string; diner_pseudonym: string }[] = await dataSource.query(
      `SELECT external_id, diner_pseudonym FROM sale_transaction WHERE external_id IN ('P-1', 'P-3') ORDER BY 1`,
    );
    expect(diners).toEqual([
      { external_id: 'P-1', diner_pseudonym: pseudonyms.pseudonym('E9001') },
      { external_id: 'P-3', diner_pseudonym: pseudonyms.pseudonym('E9003') },
    ]);
  });

  it('masks the card number whichever of its repeated columns comes first, and a card read from the chip column alone', async () => {
    const header = ['物理卡号', '交易流水号', '交易时间', '卡号', '消费金额', '实付金额', '餐别', '菜品编码', '食堂', '卡号'];
    const line = (serial: string, dish: string, chip: string) => [chip, serial, '2026-11-24 12:05:00', '6222030000000000777', '9.50', '9.50', 'lunch', dish, 'C1', '6222030000000000888'];
    const summary = await importer.importFile({ kind: 'auto', path: writeFile(dir, 'chip.csv', csv([header, line('Q-1', 'D001', 'CHIP-0001'), line('Q-2', 'D998', 'CHIP-0002')])), createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 1, rejected: 1 });
    const stored = await everythingStored(dataSource);
    for (const secret of ['CHIP-0001', 'CHIP-0002', '6222030000000000777', '6222030000000000888']) expect(stored).not.toContain(secret);
  });

  it('never repeats a card number from a malformed line in the error, the failed batch or the audit log', async () => {
    const header = ['交易流水号', '交易时间', '卡号', '消费金额', '实付金额', '餐别', '菜品编码', '食堂'];
    const body = `${header.join(',')}\nM-1,2026-11-24 12:01:00,6222080000000000123,9.50,9.50,lunch,D002,C1\nM-2,2026-11-24 12:02:00,6222080000000000456"X,9.50,9.50,lunch,D002,C1\n`;
    const failure = importer.importFile({ kind: 'auto', path: writeFile(dir, 'quote.csv', body), createdBy: 'test' });
    await expect(failure).rejects.toThrow(/line 3.*卡号/);
    const message = ((await failure.catch((error: Error) => error)) as Error).message;
    expect(message).not.toContain('6222080000000000456');
    const stored = await everythingStored(dataSource);
    expect(stored).toContain('import.failed');
    expect(stored).not.toContain('6222080000000000456');
    expect(stored).not.toContain('6222080000000000123');
  });

  it('never repeats a personal value from a broken JSON record or from headers that are really data', async () => {
    const ndjson = `{"canteen_code":"C1","external_id":"J-1","card_no":"6222090000000000111","occurred_at":"2026-11-24 12:00:00","amount_paid":"9.50"}\n{"canteen_code":"C1","external_id":"J-2","card_no":"6222090000000000222,"occurred_at":"2026-11-24 12:00:00"}\n{"canteen_code":"C1","external_id":"J-3","card_no":"6222090000000000333","occurred_at":"2026-11-24 12:00:00","amount_paid":"9.50"}\n`;
    const summary = await importer.importFile({ kind: 'transactions', profile: 'demo', path: writeFile(dir, 'broken.ndjson', ndjson), createdBy: 'test' });
    expect(summary.rejected).toBe(1);
    // a file without a header line: its first row is taken for headers and named in the message
    const headless = writeFile(dir, 'headless.csv', '6222090000000000444,110101199003074599,2026-11-24 12:00:00,9.50\n6222090000000000555,110101199003074588,2026-11-24 12:01:00,9.50\n');
    const failure = await importer.importFile({ kind: 'auto', path: headless, createdBy: 'test' }).catch((error: Error) => error);
    expect((failure as Error).message).toMatch(/no profile fits/);
    const stored = await everythingStored(dataSource);
    for (const secret of ['6222090000000000111', '6222090000000000222', '6222090000000000333', '6222090000000000444', '110101199003074599']) expect(stored).not.toContain(secret);
    expect((failure as Error).message).not.toMatch(/6222090000000000444|110101199003074599/);
  });
});
