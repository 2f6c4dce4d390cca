import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { clusterLayout } from '@larder/database';
import { compileCli, CompiledCli } from '../support/compiled-cli';
import { scratchFolder } from '../support/data-folder';

/**
 * The embedded engine's ownership protocol, with real processes on real data folders: one postmaster
 * per folder, started by whoever comes first, joined by the others, stopped by the last to leave,
 * left running by a process killed outright; and the races between joining and leaving.
 */
const onServer = Boolean(process.env.DATABASE_URL);
const describeEmbedded = onServer ? describe.skip : describe;
if (onServer) console.info('embedded-cluster: skipped on the PostgreSQL server run (it tests the embedded engine itself)');

interface Said {
  event: string;
  port?: number;
  started?: boolean;
  stopped?: boolean;
  rows?: number;
  message?: string;
  dataDir?: string;
}

/** A Larder-like process on a data folder (embedded-cluster-probe.ts). */
class Probe {
  private readonly lines: Said[] = [];
  private waiting: ((said: Said) => void) | null = null;

  constructor(readonly child: ChildProcess) {
    // a probe that has closed exits at once; a late write to it must not fail the suite
    child.stdin!.on('error', () => undefined);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const said = JSON.parse(line) as Said;
      if (this.waiting) {
        const wake = this.waiting;
        this.waiting = null;
        wake(said);
      } else this.lines.push(said);
    });
  }

  static start(cli: CompiledCli, dataDir: string, options: { wait?: boolean } = {}): Probe {
    return new Probe(
      cli.spawn([dataDir, 'larder', ...(options.wait ? ['--wait'] : [])], { env: { ...process.env }, entry: 'test/integration/embedded-cluster-probe.js', stdio: ['pipe', 'pipe', 'inherit'] }),
    );
  }

  next(): Promise<Said> {
    const said = this.lines.shift();
    if (said) return Promise.resolve(said);
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.child.once('exit', (code) => reject(new Error(`the probe exited (${code}) before answering`)));
    });
  }

  async send(command: 'open' | 'query' | 'close' | 'exit'): Promise<Said | null> {
    this.child.stdin!.write(`${command}\n`);
    if (command === 'exit') {
      await this.exited();
      return null;
    }
    return this.next();
  }

  async exited(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) await once(this.child, 'exit');
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited();
  }
}

function postmaster(dataDir: string): { pid: number; port: number; listen: string } | null {
  const file = join(clusterLayout(dataDir).cluster, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]), listen: lines[5].trim() };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // an exited process not yet reaped by its parent (init here) still answers kill 0
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** pg_ctl stop -w returns once postmaster.pid is gone, a moment before the process itself. */
async function gone(pid: number): Promise<boolean> {
  for (let wait = 0; wait < 50 && alive(pid); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
  return !alive(pid);
}

describeEmbedded('the embedded engine: one cluster per data folder, shared by Larder processes', () => {
  let cli: CompiledCli;
  const root = scratchFolder('embedded-cluster');
  let folders = 0;
  const folder = () => join(root, `data-${++folders}`);
  const probes: Probe[] = [];
  const start = (dataDir: string, options: { wait?: boolean } = {}) => {
    const probe = Probe.start(cli, dataDir, options);
    probes.push(probe);
    return probe;
  };

  beforeAll(() => {
    cli = compileCli({ name: 'embedded-cluster', extra: ['test/integration/embedded-cluster-probe.ts'] });
  }, 120_000);

  afterAll(async () => {
    for (const probe of probes) if (probe.child.exitCode === null && probe.child.signalCode === null) await probe.send('close').catch(() => undefined);
    cli?.remove();
    rmSync(root, { recursive: true, force: true });
  });

  it('two processes starting on a new folder at once make one cluster; the last to leave stops it', async () => {
    const dataDir = folder();
    const [a, b] = [start(dataDir), start(dataDir)];
    const [openA, openB] = await Promise.all([a.next(), b.next()]);
    expect(openA.event).toBe('open');
    expect(openB.event).toBe('open');
    // one of them initialised and started it, the other joined it
    expect(openA.port).toBe(openB.port);
    expect([openA.started, openB.started].sort()).toEqual([false, true]);
    const running = postmaster(dataDir)!;
    expect(running.port).toBe(openA.port);
    expect(running.listen).toBe('127.0.0.1');
    // the superuser's password is random and kept where only this user reads it
    const passwordFile = clusterLayout(dataDir).passwordFile;
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(passwordFile, 'utf8').trim()).toMatch(/^[0-9a-f]{48}$/);
    const intruder = new Client({ host: '127.0.0.1', port: running.port, user: 'larder', password: 'larder', database: 'larder' });
    await expect(intruder.connect()).rejects.toThrow(/password authentication failed/);

    expect(await a.send('query')).toEqual({ event: 'query', rows: 1 });
    expect(await b.send('query')).toEqual({ event: 'query', rows: 2 });
    expect(await a.send('close')).toEqual({ event: 'closed', stopped: false });
    expect(alive(running.pid)).toBe(true);
    expect(await b.send('query')).toEqual({ event: 'query', rows: 3 });
    expect(await b.send('close')).toEqual({ event: 'closed', stopped: true });
    expect(postmaster(dataDir)).toBeNull();
    expect(await gone(running.pid)).toBe(true);

    // and the next start finds everything where it was
    const c = start(dataDir);
    expect(await c.next()).toMatchObject({ event: 'open', started: true });
    expect(await c.send('query')).toEqual({ event: 'query', rows: 4 });
    expect(await c.send('close')).toEqual({ event: 'closed', stopped: true });
  }, 120_000);

  it('a process killed outright leaves the cluster running; the next one joins it and, last out, stops it', async () => {
    const dataDir = folder();
    const a = start(dataDir);
    expect(await a.next()).toMatchObject({ event: 'open', started: true });
    expect(await a.send('query')).toEqual({ event: 'query', rows: 1 });
    const running = postmaster(dataDir)!;
    await a.kill();
    expect(alive(running.pid)).toBe(true);

    const b = start(dataDir);
    expect(await b.next()).toMatchObject({ event: 'open', started: false, port: running.port });
    expect(await b.send('query')).toEqual({ event: 'query', rows: 2 });
    expect(await b.send('close')).toEqual({ event: 'closed', stopped: true });
    expect(await gone(running.pid)).toBe(true);
  }, 120_000);

  it('a process joining while the last one leaves always ends up on a running cluster', async () => {
    const dataDir = folder();
    let present = start(dataDir);
    expect(await present.next()).toMatchObject({ event: 'open' });
    const outcomes: boolean[] = [];
    for (let round = 0; round < 6; round++) {
      // the leaver decides under the lock: either it sees the joiner's presence and leaves the
      // cluster running, or it stops it first and the joiner starts it again — never the joiner
      // connected to a cluster that is then stopped under it
      const joiner = start(dataDir, { wait: true });
      expect(await joiner.next()).toEqual({ event: 'ready' });
      // both at once: the joiner's open and the leaver's close contend for the folder's lock
      const [left, joined] = await Promise.all([present.send('close'), joiner.send('open')]);
      expect(joined).toMatchObject({ event: 'open' });
      expect(left!.event).toBe('closed');
      // it either found the cluster running (and the leaver left it so) or started it after the stop
      expect(left!.stopped).toBe(joined!.started);
      outcomes.push(joined!.started!);
      expect(await joiner.send('query')).toEqual({ event: 'query', rows: round + 1 });
      expect(postmaster(dataDir)!.port).toBe(joined!.port);
      present = joiner;
    }
    expect(await present.send('close')).toEqual({ event: 'closed', stopped: true });
    expect(postmaster(dataDir)).toBeNull();
    console.info(`embedded-cluster: of 6 joins racing a leave, ${outcomes.filter(Boolean).length} restarted the cluster and ${outcomes.filter((started) => !started).length} joined it`);
  }, 180_000);

  it('a lock left behind by a killed process is taken over once it is stale', async () => {
    const dataDir = folder();
    mkdirSync(clusterLayout(dataDir).lockFile, { recursive: true });
    const past = new Date(Date.now() - 60_000);
    utimesSync(clusterLayout(dataDir).lockFile, past, past);
    const a = start(dataDir);
    expect(await a.next()).toMatchObject({ event: 'open', started: true });
    expect(await a.send('close')).toEqual({ event: 'closed', stopped: true });
  }, 60_000);

  it('memory:// is a throwaway cluster, removed with its folder when the process ends', async () => {
    const a = start('memory://');
    const opened = await a.next();
    expect(opened).toMatchObject({ event: 'open', started: true });
    const dataDir = opened.dataDir!;
    const running = postmaster(dataDir)!;
    expect(await a.send('query')).toEqual({ event: 'query', rows: 1 });
    // process.exit without a shutdown: the exit hook still stops it and removes the folder
    await a.send('exit');
    expect(existsSync(dataDir)).toBe(false);
    expect(await gone(running.pid)).toBe(true);
  }, 60_000);

  it('refuses a data folder made by the old PGlite engine, saying what it is and what to do, and leaves it alone', async () => {
    const dataDir = folder();
    mkdirSync(join(dataDir, 'base'), { recursive: true });
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    const a = start(dataDir);
    const said = await a.next();
    expect(said.event).toBe('error');
    expect(said.message).toContain('PGlite');
    expect(said.message).toContain('Move the folder aside');
    expect(said.message).toContain('import your source files again');
    await a.exited();
    expect(a.child.exitCode).toBe(2);
    expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
  }, 60_000);
});
