import { Client } from 'pg';
import { TEST_CLUSTER_ENV } from './test-cluster';
import { createTestDatabase, TestDatabase } from './test-config';

/**
 * A test database copied from one the run prepares once: the first test file that asks for `preset`
 * fills a database with `prepare` (seeding a demo takes a minute on a loaded machine), and every file
 * that asks for it, that one included, gets its own copy (CREATE DATABASE … TEMPLATE), so no test
 * sees another's changes. Workers asking at the same time wait on an advisory lock for the first to
 * finish; the prepared database gets its name only once complete, so a failed preparation leaves
 * nothing for the next file to copy. globalTeardown drops the prepared databases with the template.
 */
export async function createPreparedDatabase(preset: string, prepare: (database: TestDatabase) => Promise<void>): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_CLUSTER_ENV.adminUrl];
  const template = process.env[TEST_CLUSTER_ENV.template];
  if (!adminUrl || !template) throw new Error('the test database server is not set up: run the tests through jest, whose globalSetup starts it');
  const prepared = preparedDatabaseName(template, preset);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [prepared]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [prepared]);
    if (rowCount === 0) {
      const scratch = await createTestDatabase();
      try {
        await prepare(scratch);
        // A copy needs its template free of sessions; prepare has closed its app, this ends stragglers.
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [scratch.name]);
        await admin.query(`ALTER DATABASE ${scratch.name} RENAME TO ${prepared}`);
      } catch (error) {
        await scratch.drop();
        throw error;
      }
    }
  } finally {
    await admin.end();
  }
  return createTestDatabase({ copyOf: prepared });
}

/** Under the run's template name, so the run's teardown finds it and two runs on one server do not meet. */
export function preparedDatabaseName(template: string, preset: string): string {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(preset)) throw new Error(`a preset is named in lower case letters, digits and _: ${preset}`);
  return `${template}_${preset}`;
}
