import { createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportService, PseudonymKeyService } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { csv, importMasters, openImportContext, saleRows, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';

const STAFF = 300;
const staffNo = (n: number) => String(n).padStart(5, '0');

/** What someone holding only a copy of the database can try as a key: every token long enough to be one. */
async function keyCandidates(dataSource: DataSource): Promise<Set<string>> {
  const tables: { name: string }[] = await dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`);
  const candidates = new Set<string>(['test-pseudonym-key-0123456789']);
  for (const { name } of tables) {
    const rows: { row: string }[] = await dataSource.query(`SELECT t::text AS row FROM "${name}" t`);
    for (const { row } of rows) for (const token of row.match(/[A-Za-z0-9_+/=-]{16,}/g) ?? []) candidates.add(token);
  }
  return candidates;
}

/**
 * The attack of issue #25: key staff numbers and look the results up among the stored diners. It keys
 * the numbers of the imported diners, E00001–E00300: any other of the employer's 17,500 could match a
 * stored pseudonym only through a collision of 128-bit values, so keying them all (58 times the work,
 * about a minute and a half of the test) would find nothing more.
 */
function reidentify(candidates: Set<string>, diners: Set<string>): { matched: number; seconds: number } {
  const started = performance.now();
  let matched = 0;
  for (const key of candidates) {
    for (let n = 1; n <= STAFF; n++) {
      const pseudonym = createHmac('sha256', key)
        .update(`E${staffNo(n)}`)
        .digest()
        .subarray(0, 16)
        .toString('base64url');
      if (diners.has(pseudonym)) matched++;
    }
  }
  return { matched, seconds: (performance.now() - started) / 1000 };
}

describe('the pseudonym key lives outside the data: a copy of the database cannot re-identify diners', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  const dir = scratchDir('pseudonym-key');
  const keyFile = join(dir, 'config', 'larder', 'pseudonym.key');
  const legacyKey = 'legacy-key-an-older-larder-kept-in-the-database';

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, dataSource } = await openImportContext({ ...database.config, pseudonymSecret: null, pseudonymKeyFile: keyFile }));
    // an install from before the key file: its generated key sits in the database
    await dataSource.query(`INSERT INTO app_setting (key, value) VALUES ('pseudonym_secret', $1)`, [legacyKey]);
    await importMasters(importer, dir);
    const rows = Array.from({ length: STAFF }, (_, index) => saleRows({ id: `K${index + 1}`, at: '2026-11-24T12:00:00+08:00', employee: staffNo(index + 1), lines: [['D002', 1, '9.50']] })).flat();
    const summary = await importer.importFile({ kind: 'transactions', path: writeFile(dir, 'sales.csv', csv([TX_HEADER, ...rows])), createdBy: 'test' });
    expect(summary.accepted).toBe(STAFF);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('moves an older install’s key out of the database into the key file (0600), keeping pseudonyms as they were', async () => {
    expect(await dataSource.query(`SELECT key FROM app_setting WHERE key = 'pseudonym_secret'`)).toEqual([]);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(legacyKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const [first] = await dataSource.query(`SELECT diner_pseudonym FROM sale_transaction WHERE external_id = 'K1'`);
    expect(first.diner_pseudonym).toBe(createHmac('sha256', legacyKey).update('E00001').digest().subarray(0, 16).toString('base64url'));
  });

  it('finds none of the diners’ staff numbers with every key-like value in the database, and all of them with the key file', async () => {
    const diners = new Set<string>((await dataSource.query('SELECT DISTINCT diner_pseudonym FROM sale_transaction')).map((row: { diner_pseudonym: string }) => row.diner_pseudonym));
    expect(diners.size).toBe(STAFF);
    const candidates = await keyCandidates(dataSource);
    expect(candidates.size).toBeGreaterThan(1);
    const attack = reidentify(candidates, diners);
    expect(attack.matched).toBe(0);
    // the same attack with the key itself: the method works, only the key is missing
    expect(reidentify(new Set([readFileSync(keyFile, 'utf8').trim()]), diners).matched).toBe(STAFF);
  });

  it('refuses a key that is not the one the diners were pseudonymised with, instead of silently starting new pseudonyms', async () => {
    const other = join(dir, 'other', 'pseudonym.key');
    const service = new PseudonymKeyService({ ...database.config, pseudonymSecret: null, pseudonymKeyFile: other }, dataSource);
    await expect(service.secret()).rejects.toThrow(/is not the pseudonym key this database's diners were pseudonymised with/);
    const fromEnv = new PseudonymKeyService({ ...database.config, pseudonymSecret: 'a-different-secret-0123456789' }, dataSource);
    await expect(fromEnv.secret()).rejects.toThrow(/LARDER_PSEUDONYM_SECRET is not the pseudonym key/);
  });
});
