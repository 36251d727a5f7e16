/*
 * The global setup synthesizes the sample offline once per test run (global-setup.js); the folder
 * is passed to the test workers in this variable, with the key of the model it was synthesized from.
 */
const crypto = require('node:crypto');

const SAMPLE_SYNTH_ENV = 'LZ_TEST_SAMPLE_SYNTH';

/** JSON of the model's data, Maps, Sets and undefined included (tag checks: jest runs tests in their own realm). */
function canonical(_key, value) {
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Map]') return { $map: [...value.entries()] };
  if (tag === '[object Set]') return { $set: [...value.values()] };
  if (value === undefined) return { $undefined: true };
  if (['function', 'symbol', 'bigint'].includes(typeof value)) throw new Error(`not plain data: ${typeof value}`);
  return value;
}

/** A hash of the model's data: equal keys mean equal models. Throws for a model that is not plain data. */
function modelKey(model) {
  return crypto.createHash('sha256').update(JSON.stringify(model, canonical)).digest('hex');
}

module.exports = { SAMPLE_SYNTH_ENV, modelKey };
