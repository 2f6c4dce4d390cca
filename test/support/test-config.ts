import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { LarderConfig, loadConfigFromProcess } from '@larder/config';
import { TEST_CLUSTER_ENV } from './test-cluster';

export interface TestDatabase {
  config: LarderConfig;
  /** The database's name on the server or in the run's cluster. */
  name: string;
  /** The database's URL on either engine, for checks made beside Larder (a pg client, a psql). */
  url: string;
  drop(): Promise<void>;
}

/**
 * The suite runs on the embedded engine by default and on a PostgreSQL server when DATABASE_URL is
 * set. Either way jest's globalSetup (test/support/global-setup.ts) has migrated a template database
 * once; each test file gets its own database copied from it here, dropped after. On the embedded
 * engine the copies live in the one cluster the run started, and Larder joins that cluster the way
 * every process joins its data folder's cluster. `copyOf` names another database of the run to copy
 * instead (a prepared demo, test/support/prepared-database.ts).
 */
export async function createTestDatabase(options: { migrated?: boolean; copyOf?: string } = {}): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_CLUSTER_ENV.adminUrl];
  const template = process.env[TEST_CLUSTER_ENV.template];
  if (!adminUrl || !template) throw new Error('the test database server is not set up: run the tests through jest, whose globalSetup starts it');
  const base = loadConfigFromProcess({
    LARDER_DATA_DIR: process.env[TEST_CLUSTER_ENV.dataDir] ?? 'memory://',
    LARDER_PSEUDONYM_SECRET: 'test-pseudonym-key-0123456789',
    LARDER_SCHEDULER: 'off',
    LARDER_JOB_RETRY_DELAY_MS: '0',
    // request lines are info; a test that reads the logs asks for them
    LARDER_LOG_LEVEL: 'warn',
  });
  const name = `larder_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(options.migrated === false ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${options.copyOf ?? template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database: LarderConfig['database'] = base.database.engine === 'postgres' ? { engine: 'postgres', url: url.toString() } : { ...base.database, name };
  return {
    config: { ...base, database },
    name,
    url: url.toString(),
    drop: async () => {
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
