/*
 * Once per test run, before any worker starts: `npm run build`, so tests that run the app as users
 * do (`node dist/main.js`, the scripts) see the sources under test.
 */
const { build } = require('../../scripts/build');

module.exports = async function globalSetup() {
  build();
};
