import { rmSync } from 'node:fs';
import { Client } from 'pg';

/** Drops the run's template and prepared databases on a server, or stops the run's embedded cluster and removes it. */
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
  const prepared = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${run.template}_`]);
  for (const { datname } of prepared.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await admin.query(`DROP DATABASE IF EXISTS ${run.template} WITH (FORCE)`);
  await admin.end();
}
