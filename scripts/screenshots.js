#!/usr/bin/env node
// Refreshes docs/screenshots/<page>.png from the browser test of every page (headless Chromium
// over a seeded demo), so the README shows the dashboard as it is.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), 'test/browser/dashboard.browser.spec.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC', NODE_OPTIONS: '--experimental-vm-modules', LARDER_DOCS_SCREENSHOTS: '1' },
});
process.exit(result.status ?? 1);
