import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { postgresBinaries, RunAs } from './postgres-binaries';

/** application_name of the one connection each Larder process keeps open while it uses a data folder. */
export const PRESENCE_APPLICATION = 'larder-presence';
/** The cluster's superuser; Larder is the only client of its own cluster. */
const SUPERUSER = 'larder';
/** Prefix of the temp folders behind LARDER_DATA_DIR=memory://. */
const THROWAWAY_PREFIX = 'larder-memory-';
/** A lock whose holder has not touched it for this long was left by a killed process. */
const LOCK_STALE_MS = 15_000;
/** How long a process waits for a live holder (an initdb, a start after a crash) before giving up. */
const LOCK_WAIT_MS = 300_000;

/** The files Larder keeps in a data folder for its cluster. */
export function clusterLayout(dataDir: string) {
  return {
    /** The PostgreSQL cluster itself (its own `postmaster.pid` says whether and where it runs). */
    cluster: join(dataDir, 'postgres'),
    /** initdb works here and the result is renamed into place, so a half-made cluster never looks real. */
    staging: join(dataDir, 'postgres.initdb'),
    /** The superuser's random password, made at initdb; readable only by the user that runs Larder. */
    passwordFile: join(dataDir, 'postgres-password'),
    /** Serialises every decision to create, start or stop the cluster: a folder made with mkdir, which is atomic. */
    lockFile: join(dataDir, 'postgres.lock'),
  };
}

export interface EmbeddedClusterOptions {
  /** The data folder, or `memory://` for a throwaway one in a temp folder, removed when the process ends. */
  dataDir: string;
  /** The database Larder uses in the cluster; created when missing. */
  database: string;
  /** Server settings (`-c name=value`) for a postmaster this process starts; the test suite turns fsync off. */
  settings?: Readonly<Record<string, string>>;
  log?: (message: string) => void;
}

interface Postmaster {
  pid: number;
  port: number;
  status: string;
}

/** Why a data folder cannot be used; the message says what it is and what to do. */
export class DataFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFolderError';
  }
}

/**
 * A PostgreSQL 18 cluster that Larder keeps in its data folder, shared by every Larder process
 * (server, CLI, worker) that uses the folder. The protocol:
 *
 * - one postmaster per folder: PostgreSQL's own `postmaster.pid` refuses a second, and tells other
 *   processes its port;
 * - every decision to initialise, start or stop is taken under one lock on the folder, so a process
 *   never starts a cluster that another is stopping, or stops one that another is joining;
 * - each process holds one presence connection (application_name `larder-presence`) from the moment
 *   it joins, under the lock, until it leaves; leaving, under the lock, it stops the postmaster
 *   (`pg_ctl stop -m fast`) only when no other process's presence connection is left;
 * - the postmaster is started detached (`pg_ctl start -w` in a session of its own), so it outlives
 *   the process that started it; a process killed outright leaves it running and the next one
 *   joins it.
 */
export class EmbeddedCluster {
  private closed = false;

  private constructor(
    /** The data folder actually used (a temp folder for memory://). */
    readonly dataDir: string,
    readonly port: number,
    private readonly password: string,
    private readonly presence: Client,
    readonly database: string,
    private readonly throwaway: boolean,
    private readonly runAs: RunAs | null,
    private readonly log: (message: string) => void,
    /** Whether this process started the postmaster (rather than joining a running one). */
    readonly started: boolean,
  ) {}

  /** A connection URL for a database of this cluster (its own database unless named). */
  url(database: string = this.database): string {
    return `postgres://${SUPERUSER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${encodeURIComponent(database)}`;
  }

  /** Joins the folder's running postmaster or starts it (initialising the cluster first when there is none). */
  static async open(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
    const log = options.log ?? (() => undefined);
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.database)) throw new Error(`"${options.database}" is not a database name Larder makes (lower-case letters, digits, _)`);
    const throwaway = options.dataDir === 'memory://';
    if (throwaway) sweepThrowaways(log);
    const dataDir = throwaway ? makeThrowawayFolder() : options.dataDir;
    refuseForeignFolder(dataDir);
    mkdirSync(dataDir, { recursive: true });
    const layout = clusterLayout(dataDir);
    let cleanup: (() => void) | null = null;
    if (throwaway) {
      cleanup = () => removeThrowaway(dataDir);
      process.once('exit', cleanup);
    }
    const release = await lockFolder(dataDir, log);
    try {
      const runAs = postgresUser(layout.cluster);
      if (!existsSync(join(layout.cluster, 'PG_VERSION'))) await initialise({ dataDir, runAs, noSync: throwaway, log });
      const password = readPassword(layout.passwordFile);
      let port = await runningPort(layout.cluster);
      let started = false;
      if (port === null) {
        const settings = throwaway ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', ...options.settings } : (options.settings ?? {});
        port = await startPostmaster({ cluster: layout.cluster, runAs, settings, log });
        started = true;
      }
      const presence = await connectPresence(port, password, layout.cluster);
      try {
        const exists = await presence.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
        if (exists.rowCount === 0) await presence.query(`CREATE DATABASE "${options.database}"`);
      } catch (error) {
        await presence.end().catch(() => undefined);
        throw error;
      }
      const cluster = new EmbeddedCluster(dataDir, port, password, presence, options.database, throwaway, runAs, log, started);
      if (cleanup) {
        // An exit without close() (process.exit, an uncaught error) still stops and removes a throwaway cluster.
        process.removeListener('exit', cleanup);
        cleanup = () => cluster.closeNow();
        process.once('exit', cleanup);
        cluster.exitHook = cleanup;
      }
      return cluster;
    } catch (error) {
      if (cleanup) {
        process.removeListener('exit', cleanup);
        cleanup();
      }
      throw error;
    } finally {
      await release().catch(() => undefined);
    }
  }

  private exitHook: (() => void) | null = null;

  /**
   * Leaves the folder: under the lock, the presence connection is closed and, when no other Larder
   * process is present, the postmaster is stopped. Close the connection pool first. Returns whether
   * this process stopped the postmaster.
   */
  async close(): Promise<{ stopped: boolean }> {
    if (this.closed) return { stopped: false };
    this.closed = true;
    if (this.exitHook) process.removeListener('exit', this.exitHook);
    const layout = clusterLayout(this.dataDir);
    let stopped = false;
    const release = await lockFolder(this.dataDir, this.log);
    try {
      let others = 0;
      try {
        const result = await this.presence.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [PRESENCE_APPLICATION]);
        others = result.rows[0].n as number;
      } catch {
        // The postmaster is gone already (stopped from outside, or crashed): nothing to count.
        others = (await runningPort(layout.cluster)) === null ? -1 : 0;
      }
      await this.presence.end().catch(() => undefined);
      if (others === 0) {
        await run(postgresBinaries(this.runAs).pgCtl, ['stop', '-D', layout.cluster, '-m', 'fast', '-w', '-t', '120'], this.runAs);
        stopped = true;
        this.log(`stopped the embedded PostgreSQL in ${layout.cluster}`);
      }
    } finally {
      await release().catch(() => undefined);
    }
    if (this.throwaway) rmSync(this.dataDir, { recursive: true, force: true });
    return { stopped };
  }

  /** For process exit, where nothing asynchronous runs: stop at once and remove a throwaway folder. */
  private closeNow(): void {
    if (this.closed) return;
    this.closed = true;
    removeThrowaway(this.dataDir, this.runAs);
  }
}

/** A data folder made by the old PGlite engine has its cluster files at its top level. */
function refuseForeignFolder(dataDir: string): void {
  if (existsSync(join(dataDir, 'PG_VERSION')) && !existsSync(join(dataDir, 'postgres'))) {
    throw new DataFolderError(
      `${dataDir} holds a database of the embedded engine of earlier Larder versions (PGlite), which this version cannot open. ` +
        `Move the folder aside (e.g. mv ${dataDir} ${dataDir}.pglite), start Larder again to make a fresh one, and import your source files again ` +
        `(larder import auto <files>); the demo data is seeded again by itself.`,
    );
  }
}

/**
 * Takes the folder's lock: mkdir either makes the lock folder or fails because another process holds
 * it. The holder touches it every few seconds; one untouched for LOCK_STALE_MS belonged to a process
 * that was killed, and is taken over. (Written here rather than taken from proper-lockfile, which
 * installs signal-exit: its handler turns the SIGXFSZ that Node ignores into a fatal one, so a report
 * hitting a file-size limit would kill the process instead of failing with EFBIG.)
 */
async function lockFolder(dataDir: string, log: (message: string) => void): Promise<() => Promise<void>> {
  const path = clusterLayout(dataDir).lockFile;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let age: number;
    try {
      age = Date.now() - statSync(path).mtimeMs;
    } catch {
      continue; // released in between: try again at once
    }
    if (age > LOCK_STALE_MS) {
      log(`taking over the lock on ${dataDir}, untouched for ${Math.round(age / 1000)} s (its process was killed)`);
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new DataFolderError(`another Larder process has held the lock on ${dataDir} (${path}) for ${LOCK_WAIT_MS / 1000} s; is it stuck?`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 1.5 ** attempt)));
  }
  const touch = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // Taken over after a stall past LOCK_STALE_MS: the decision under way finishes regardless.
    }
  }, LOCK_STALE_MS / 5);
  touch.unref();
  return async () => {
    clearInterval(touch);
    rmSync(path, { recursive: true, force: true });
  };
}

/**
 * PostgreSQL refuses to run as root. A root Larder runs it as the owner of an existing cluster, or
 * as the `postgres` system user (made when missing) for a new one.
 */
function postgresUser(cluster: string): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  if (existsSync(cluster)) {
    const owner = statSync(cluster);
    if (owner.uid !== 0) return { uid: owner.uid, gid: owner.gid };
  }
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

async function initialise(options: { dataDir: string; runAs: RunAs | null; noSync: boolean; log: (message: string) => void }): Promise<void> {
  const layout = clusterLayout(options.dataDir);
  if (existsSync(layout.cluster)) {
    if (readdirSync(layout.cluster).length > 0) throw new DataFolderError(`${layout.cluster} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it aside and start again`);
    rmSync(layout.cluster, { recursive: true });
  }
  rmSync(layout.staging, { recursive: true, force: true });
  mkdirSync(layout.staging, { mode: 0o700 });
  const password = randomBytes(24).toString('hex');
  // The superuser's password reaches initdb in a file only the PostgreSQL user reads, removed right after.
  const pwfile = join(options.dataDir, 'postgres.pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (options.runAs) {
    chownSync(layout.staging, options.runAs.uid, options.runAs.gid);
    chownSync(pwfile, options.runAs.uid, options.runAs.gid);
    reachable(layout.staging, options.runAs);
  }
  options.log(`initialising the embedded PostgreSQL in ${layout.cluster}`);
  try {
    await run(
      postgresBinaries(options.runAs).initdb,
      ['-D', layout.staging, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-instructions', ...(options.noSync ? ['--no-sync'] : [])],
      options.runAs,
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
  appendFileSync(
    join(layout.staging, 'postgresql.conf'),
    [
      '',
      '# Larder: reachable over TCP from this machine only, on a port chosen at each start (see postmaster.pid)',
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      '# a week of server logs in log/, one file per weekday',
      'logging_collector = on',
      "log_directory = 'log'",
      "log_filename = 'postgresql-%a.log'",
      'log_truncate_on_rotation = on',
      "log_rotation_age = '1d'",
      'log_rotation_size = 0',
      '',
    ].join('\n'),
  );
  writeFileSync(layout.passwordFile, `${password}\n`, { mode: 0o600 });
  chmodSync(layout.passwordFile, 0o600);
  renameSync(layout.staging, layout.cluster);
}

/** As root, the PostgreSQL user must be able to reach the folder through its parents. */
function reachable(folder: string, runAs: RunAs): void {
  try {
    execFileSync('test', ['-w', folder], { uid: runAs.uid, gid: runAs.gid, stdio: 'ignore' });
  } catch {
    throw new DataFolderError(
      `PostgreSQL runs as an unprivileged user (uid ${runAs.uid}) when Larder runs as root, and that user cannot reach ${folder}: ` +
        `give its parent folders search permission (chmod o+x), choose another LARDER_DATA_DIR, or run Larder as an ordinary user`,
    );
  }
}

function readPassword(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new DataFolderError(`cannot read the embedded PostgreSQL's password from ${file} (${(error as Error).message}); run Larder as the user that made the data folder`);
  }
}

function readPostmaster(cluster: string): Postmaster | null {
  let text: string;
  try {
    text = readFileSync(join(cluster, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  // The file is written in steps while the postmaster starts: an incomplete one reads as "starting".
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port: Number.isInteger(port) && port > 0 ? port : 0, status: (lines[7] ?? '').trim() || 'starting' };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when Larder is not root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A postmaster that was killed stays a zombie until its parent (init, once pg_ctl is gone) reaps it.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return process.platform !== 'linux';
  }
}

/** The port of the folder's postmaster once it accepts connections, or null when none runs. */
async function runningPort(cluster: string): Promise<number | null> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const postmaster = readPostmaster(cluster);
    if (!postmaster || !isAlive(postmaster.pid)) return null;
    if (postmaster.status === 'ready' && postmaster.port > 0) return postmaster.port;
    // Starting (crash recovery) or stopping (someone ran pg_ctl stop): wait for it to finish either way.
    if (Date.now() > deadline)
      throw new DataFolderError(`the PostgreSQL in ${cluster} (pid ${postmaster.pid}) has been "${postmaster.status}" for two minutes; see its log in ${join(cluster, 'log')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

async function startPostmaster(options: { cluster: string; runAs: RunAs | null; settings: Readonly<Record<string, string>>; log: (message: string) => void }): Promise<number> {
  const startLog = join(options.cluster, 'startup.log');
  const extra = Object.entries(options.settings)
    .map(([name, value]) => ` -c ${name}=${value}`)
    .join('');
  for (let attempt = 1; ; attempt++) {
    // Another program may take the port between this check and the postmaster's bind: then try another.
    const port = await freePort();
    try {
      await run(postgresBinaries(options.runAs).pgCtl, ['start', '-w', '-t', '120', '-D', options.cluster, '-l', startLog, '-o', `-p ${port}${extra}`], options.runAs, { detached: true });
      options.log(`started the embedded PostgreSQL in ${options.cluster} on 127.0.0.1:${port}`);
      return port;
    } catch (error) {
      const tail = existsSync(startLog) ? readFileSync(startLog, 'utf8').slice(-2000) : '';
      if (attempt < 5 && /could not bind|Address already in use/i.test(tail)) continue;
      throw new DataFolderError(`the embedded PostgreSQL in ${options.cluster} did not start: ${(error as Error).message}${tail ? `\n${tail}` : ''}`);
    }
  }
}

async function connectPresence(port: number, password: string, cluster: string): Promise<Client> {
  const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres', application_name: PRESENCE_APPLICATION, connectionTimeoutMillis: 10_000 });
  // A postmaster that goes away under a running process is reported by the pool's own queries.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new DataFolderError(`the PostgreSQL in ${cluster} runs (postmaster.pid) but does not answer on 127.0.0.1:${port}: ${(error as Error).message}`);
  }
  return client;
}

/** Runs a PostgreSQL program (as the PostgreSQL user when root) and fails with its output. */
function run(program: string, args: string[], runAs: RunAs | null, options: { detached?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    // detached: pg_ctl and the postmaster it forks get a session of their own, so a Ctrl-C or the
    // end of the starting process's group does not reach the server other processes share.
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false, ...(runAs ?? {}) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${program.split('/').pop()} ${args[0]} exited with ${code}: ${output.trim().slice(-2000)}`))));
  });
}

function makeThrowawayFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), THROWAWAY_PREFIX));
  // As root the PostgreSQL user must be able to pass through the folder (mkdtemp makes it 0700).
  chmodSync(folder, 0o711);
  writeFileSync(join(folder, 'owner.pid'), String(process.pid));
  return folder;
}

/** Synchronous, for process exit: stop the throwaway postmaster at once and remove its folder. */
function removeThrowaway(folder: string, runAs: RunAs | null = postgresUser(clusterLayout(folder).cluster)): void {
  const cluster = clusterLayout(folder).cluster;
  if (readPostmaster(cluster)) {
    try {
      execFileSync(postgresBinaries(runAs).pgCtl, ['stop', '-D', cluster, '-m', 'immediate', '-w'], { stdio: 'ignore', ...(runAs ?? {}) });
    } catch {
      // Not running after all: nothing to stop.
    }
  }
  rmSync(folder, { recursive: true, force: true });
}

/** Throwaway folders whose process was killed outright: their postmaster is stopped and the folder removed. */
function sweepThrowaways(log: (message: string) => void): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(THROWAWAY_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const folder = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(folder, 'owner.pid'), 'utf8'));
    } catch {
      continue;
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    log(`removing the throwaway database of ended process ${owner} (${folder})`);
    try {
      removeThrowaway(folder);
    } catch {
      // Another process may be sweeping the same folder.
    }
  }
}
