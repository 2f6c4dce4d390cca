/** What globalSetup hands to the test files (through the environment jest's workers inherit). */
export const TEST_CLUSTER_ENV = {
  /** A superuser URL of the server or cluster the test databases are made on. */
  adminUrl: 'LARDER_TEST_ADMIN_URL',
  /** The migrated database every test database is copied from. */
  template: 'LARDER_TEST_TEMPLATE',
  /** The embedded engine's data folder shared by the run (unset on a server). */
  dataDir: 'LARDER_TEST_DATA_DIR',
} as const;
