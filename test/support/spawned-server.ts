import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { CompiledCli } from './compiled-cli';
import { releaseDataFolder } from './data-folder';
import { TestDatabase } from './test-config';

/** Starts the compiled API as a child process and waits until its /health says ok. */
export async function startApiServer(params: { cli: CompiledCli; env: NodeJS.ProcessEnv; base: string }): Promise<ChildProcess> {
  const child = params.cli.spawn([], { env: params.env, entry: 'apps/api/src/main.js', stdio: ['ignore', 'ignore', 'inherit'] });
  for (let wait = 0; wait < 600; wait++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const health = await fetch(`${params.base}/health`)
      .then((response) => response.json() as Promise<{ status: string }>)
      .catch(() => null);
    if (health?.status === 'ok') return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not become healthy');
}

/**
 * A spawned-server test's teardown: the server killed if still running, the compiled CLI removed,
 * the data folder's embedded PostgreSQL released, the test database dropped, the scratch folder gone.
 */
export async function tearDownSpawned(params: { server: ChildProcess | null; cli?: CompiledCli; dataDir: string; database?: TestDatabase; dir: string }): Promise<void> {
  const { server } = params;
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGKILL');
    await once(server, 'exit');
  }
  params.cli?.remove();
  await releaseDataFolder(params.dataDir);
  await params.database?.drop();
  rmSync(params.dir, { recursive: true, force: true });
}
