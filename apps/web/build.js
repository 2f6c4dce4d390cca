#!/usr/bin/env node
// Builds the dashboard (apps/web) with Vite into dist/web, which apps/api serves. Called by
// scripts/build.js, so `npm start` needs no extra step; the browser tests call it when stale.
const { join } = require('node:path');
const { renameSync, rmSync } = require('node:fs');

const root = join(__dirname, '..', '..');

/** Writes into a scratch folder first, so a server reading dist/web never sees half a build. */
async function buildWeb({ quiet = true } = {}) {
  const { build } = await import('vite');
  const target = join(root, 'dist', 'web');
  const scratch = `${target}.${process.pid}.tmp`;
  await build({
    root: __dirname,
    base: '/',
    logLevel: quiet ? 'warn' : 'info',
    configFile: false,
    publicDir: false,
    build: {
      outDir: scratch,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1200,
      rollupOptions: { input: { index: join(__dirname, 'index.html'), login: join(__dirname, 'login.html') } },
    },
  });
  rmSync(target, { recursive: true, force: true });
  renameSync(scratch, target);
  return target;
}

module.exports = { buildWeb };

if (require.main === module) {
  buildWeb().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
