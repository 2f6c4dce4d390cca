import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { EmbeddedCluster } from '@larder/database';

/**
 * One Larder-like process on a data folder, driven over stdin by embedded-cluster.spec.ts: it joins
 * (or starts) the folder's cluster at once (or, with `--wait`, on the command `open`, so a test can
 * time the join to the millisecond), then obeys one command a line — `query` (a write and a read on
 * its own connection), `close` (leave the folder as Larder does at shutdown) or `exit`
 * (process.exit without leaving). It answers each with one JSON line on stdout.
 */
async function main(): Promise<void> {
  const [dataDir, database, wait] = process.argv.slice(2);
  const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
  let cluster!: EmbeddedCluster;
  const open = async () => {
    try {
      cluster = await EmbeddedCluster.open({ dataDir, database });
    } catch (error) {
      say({ event: 'error', message: (error as Error).message });
      process.exit(2);
    }
    say({ event: 'open', port: cluster.port, started: cluster.started, dataDir: cluster.dataDir });
  };
  if (wait === '--wait') say({ event: 'ready' });
  else await open();
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'open') {
      await open();
    } else if (line === 'query') {
      const client = new Client({ connectionString: cluster.url() });
      try {
        await client.connect();
        await client.query('CREATE TABLE IF NOT EXISTS probe_row (pid integer)');
        await client.query('INSERT INTO probe_row VALUES ($1)', [process.pid]);
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM probe_row');
        say({ event: 'query', rows: rows[0].n });
      } catch (error) {
        say({ event: 'query-failed', message: (error as Error).message });
      } finally {
        await client.end().catch(() => undefined);
      }
    } else if (line === 'close') {
      say({ event: 'closed', ...(await cluster.close()) });
      process.exit(0);
    } else if (line === 'exit') {
      process.exit(0);
    }
  }
}

void main();
