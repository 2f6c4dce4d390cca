/**
 * The suite in four tiers, each a jest project (`--selectProjects <tier>`; .ci/run times each):
 * unit, the specs beside the code in apps/ and libs/, without a database; integration, e2e and
 * browser, the specs under test/, on one database server per run (the embedded engine unless
 * DATABASE_URL is set) whose globalSetup migrates a template database once.
 */
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swcTransform },
  moduleNameMapper: { '^@larder/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** The tiers under test/ share the run's database server: one setup however many of them run. */
const onDatabase = {
  ...shared,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

const TIERS = [
  { ...shared, displayName: 'unit', roots: ['<rootDir>/apps', '<rootDir>/libs'], testMatch: ['**/*.spec.ts'] },
  { ...onDatabase, displayName: 'integration', roots: ['<rootDir>/test/integration'], testMatch: ['**/*.spec.ts'] },
  { ...onDatabase, displayName: 'e2e', roots: ['<rootDir>/test/e2e'], testMatch: ['**/*.spec.ts'] },
  { ...onDatabase, displayName: 'browser', roots: ['<rootDir>/test/browser'], testMatch: ['**/*.spec.ts'] },
];

module.exports = {
  projects: TIERS,
  testTimeout: 60000,
  maxWorkers: 2,
};
