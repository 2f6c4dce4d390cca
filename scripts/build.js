#!/usr/bin/env node
// Compiles apps/ and libs/ with swc into dist/ (aliases rewritten to relative paths), then builds
// the dashboard if it has a build of its own. Type-checking is `npm run typecheck`, kept out of the
// start path so `npm start` stays fast on a small machine.
// Nothing is rebuilt when no source changed since the last build (`--force` rebuilds anyway), so
// `npx larder …` and `npm start` start at once on a built tree.
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const stampFile = join(dist, '.build-fingerprint');
const INPUTS = ['apps', 'libs', '.swcrc', 'package-lock.json', 'scripts/build.js'];
const OUTPUTS = ['apps/api/src/main.js', 'apps/cli/src/main.js', 'web/index.html'];

/** Every input file's path, size and modification time, hashed: changes when any source does. */
function fingerprint() {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'node_modules' && name !== 'dist') visit(join(path, name));
    } else hash.update(`${relative(root, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const input of INPUTS) visit(join(root, input));
  return hash.digest('hex');
}

const current = fingerprint();
const upToDate =
  !process.argv.includes('--force') &&
  OUTPUTS.every((output) => existsSync(join(dist, output))) &&
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8') === current;
if (!upToDate) {
  const swc = join(root, 'node_modules', '.bin', 'swc');
  rmSync(stampFile, { force: true });
  rmSync(join(dist, 'apps'), { recursive: true, force: true });
  rmSync(join(dist, 'libs'), { recursive: true, force: true });
  execFileSync(swc, ['apps', 'libs', '-d', 'dist', '--quiet', '--ignore', '**/*.spec.ts,apps/web/**'], { cwd: root, stdio: 'inherit' });
  const webBuild = join(root, 'apps', 'web', 'build.js');
  if (existsSync(webBuild)) execFileSync(process.execPath, [webBuild], { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, current);
}
