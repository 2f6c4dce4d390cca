#!/usr/bin/env node
// Refreshes docs/screenshots/<page>.png from the browser test of every page (headless Chromium
// over a seeded demo), so the README shows the dashboard as it is. Through `npm test` so the
// project's own Node and jest settings apply.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const result = spawnSync('npm', ['test', '--', 'test/browser/dashboard.browser.spec.ts', 'test/browser/finance.browser.spec.ts'], {
  cwd: join(__dirname, '..'),
  stdio: 'inherit',
  env: { ...process.env, LARDER_DOCS_SCREENSHOTS: '1' },
});
process.exit(result.status ?? 1);
