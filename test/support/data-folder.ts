import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterLayout, EmbeddedCluster } from '@larder/database';

/**
 * A temp folder for a test's own Larder data folder. mkdtemp makes it 0700; when the tests run as
 * root the embedded PostgreSQL runs as the unprivileged postgres user, who must be able to pass
 * through it (0711: enter, not list).
 */
export function scratchFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `larder-${prefix}-`));
  chmodSync(dir, 0o711);
  return dir;
}

/**
 * Stops a data folder's embedded PostgreSQL that a test's child processes left running (one that
 * was killed outright leaves it on): joining and leaving it stops it when no Larder process is left.
 */
export async function releaseDataFolder(dataDir: string): Promise<void> {
  if (!existsSync(join(clusterLayout(dataDir).cluster, 'postmaster.pid'))) return;
  const cluster = await EmbeddedCluster.open({ dataDir, database: 'postgres' });
  await cluster.close();
}
