import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { LarderConfig, loadConfigFromProcess } from '@larder/config';

export interface TestDatabase {
  config: LarderConfig;
  drop(): Promise<void>;
}

/**
 * The suite runs on the embedded engine by default and on a PostgreSQL server when DATABASE_URL is
 * set. On a server each test file gets its own scratch database, created here and dropped after.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = loadConfigFromProcess({
    LARDER_DATA_DIR: 'memory://',
    LARDER_PSEUDONYM_SECRET: 'test-pseudonym-key-0123456789',
    LARDER_SCHEDULER: 'off',
    LARDER_JOB_RETRY_DELAY_MS: '0',
  });
  if (base.database.engine === 'pglite') return { config: base, drop: async () => undefined };
  const serverUrl = base.database.url;
  const name = `larder_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { ...base, database: { engine: 'postgres', url: url.toString() } },
    drop: async () => {
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
