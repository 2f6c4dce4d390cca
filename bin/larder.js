#!/usr/bin/env node
// `npx larder ...`: builds and runs the CLI on the Node 24 the project brings with it,
// whatever `node` happens to be first on PATH.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bundledNode = join(root, 'node_modules', 'node', 'bin', 'node');
const node = existsSync(bundledNode) ? bundledNode : process.execPath;
const cli = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
const built = spawnSync(node, [join(root, 'scripts', 'build.js')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
// A young generation of 2 x 16 MiB instead of V8's default for a machine with this much memory
// (2 x 64 MiB): the finance report's million-line detail sheet stays under 400 MB with it
// (docs/BENCHMARKS.md, Reports). Also in package.json's start and larder scripts.
const run = spawnSync(node, ['--max-semi-space-size=16', cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
