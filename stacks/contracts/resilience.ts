import { defineContract, output, placeholderHex } from './contract';

/** An `<env>-resilience-<account>` stack: the ids game days start experiments from (the runbook names this output). */
export const resilienceContract = defineContract('resilience', {
  experimentTemplateIds: output.map(
    'fis_experiment_template_ids',
    'AWS FIS experiment template ids by experiment (aws fis start-experiment --experiment-template-id)',
    (_source, experiment) => `EXT${placeholderHex(experiment).slice(0, 14).toUpperCase()}`,
  ),
});
