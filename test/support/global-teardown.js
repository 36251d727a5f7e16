const fs = require('node:fs');
const { SAMPLE_SYNTH_ENV } = require('./sample-synth');

/** Removes what the global setup left for the workers. */
module.exports = async function globalTeardown() {
  const dir = process.env[SAMPLE_SYNTH_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
