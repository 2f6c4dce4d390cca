/** The unit tier alone, without the database the other tiers share: `npm run test:unit`. */
const { projects, ...global } = require('./jest.config');

module.exports = { ...global, ...projects.find((tier) => tier.displayName === 'unit') };
