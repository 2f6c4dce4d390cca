import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { EmbeddedCluster } from '../../libs/database/src/embedded/embedded-cluster';
import { TEST_CLUSTER_ENV } from './test-cluster';

/** Kept for globalTeardown, which jest runs in this same process. */
export interface TestRun {
  cluster: EmbeddedCluster | null;
  adminUrl: string;
  template: string;
}
declare global {
  var larderTestRun: TestRun | undefined;
}

/**
 * Once per jest run: the database server the test files use (the embedded engine in a temp data
 * folder unless DATABASE_URL names a server) and a template database migrated once, which each test
 * file copies (CREATE DATABASE … TEMPLATE) instead of running every migration again.
 */
export default async function globalSetup(): Promise<void> {
  const server = process.env.DATABASE_URL?.trim();
  let cluster: EmbeddedCluster | null = null;
  let adminUrl: string;
  if (server) {
    adminUrl = server;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'larder-test-run-'));
    chmodSync(dataDir, 0o711);
    // Nothing of a test run needs to survive a crash of the machine: skip the flushes to disk.
    cluster = await EmbeddedCluster.open({ dataDir, database: 'postgres', settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' } });
    adminUrl = cluster.url('postgres');
    process.env[TEST_CLUSTER_ENV.dataDir] = dataDir;
  }
  const template = `larder_template_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const dataSource = await new DataSource(dataSourceOptions(url.toString())).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  process.env[TEST_CLUSTER_ENV.adminUrl] = adminUrl;
  process.env[TEST_CLUSTER_ENV.template] = template;
  globalThis.larderTestRun = { cluster, adminUrl, template };
}
