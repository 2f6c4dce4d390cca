/**
 * The unit tier alone: the specs beside the code in apps/ and libs/, without the database that the
 * integration, e2e and browser tiers under test/ share (no global setup). `npm run test:unit`.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
