import { rmSync } from 'node:fs';
import { Client } from 'pg';

/** Drops the run's template database on a server, or stops the run's embedded cluster and removes it. */
export default async function globalTeardown(): Promise<void> {
  const run = globalThis.larderTestRun;
  if (!run) return;
  if (run.cluster) {
    await run.cluster.close();
    rmSync(run.cluster.dataDir, { recursive: true, force: true });
    return;
  }
  const admin = new Client({ connectionString: run.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${run.template} WITH (FORCE)`);
  await admin.end();
}
