#!/usr/bin/env node
// Compiles apps/ and libs/ with swc into dist/ (aliases rewritten to relative paths), then builds
// the dashboard if it has a build of its own. Type-checking is `npm run typecheck`, kept out of the
// start path so `npm start` stays fast on a small machine.
const { execFileSync } = require('node:child_process');
const { existsSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const swc = join(root, 'node_modules', '.bin', 'swc');
rmSync(join(root, 'dist', 'apps'), { recursive: true, force: true });
rmSync(join(root, 'dist', 'libs'), { recursive: true, force: true });
execFileSync(swc, ['apps', 'libs', '-d', 'dist', '--quiet', '--ignore', '**/*.spec.ts,apps/web/**'], { cwd: root, stdio: 'inherit' });
const webBuild = join(root, 'apps', 'web', 'build.js');
if (existsSync(webBuild)) execFileSync(process.execPath, [webBuild], { cwd: root, stdio: 'inherit' });
