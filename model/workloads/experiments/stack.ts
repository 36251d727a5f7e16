import { resilienceStackName } from '../../naming';
import { provider, stackBase, type ResolvedZone } from '../../plans/base';
import type { WorkloadsPlan } from '../types';
import type { ExperimentsPlan, ResiliencePlan } from './types';

/** The resilience stack of an account with experiments: after its workloads stack, in the same account and region. */
export function planResilienceStack(zone: ResolvedZone, workloads: WorkloadsPlan, experiments: ExperimentsPlan): ResiliencePlan {
  const { environment, region, account, accountName } = workloads;
  return {
    kind: 'resilience',
    ...stackBase(zone, {
      name: resilienceStackName(environment, accountName),
      environment,
      providers: [provider('resilience', account, region)],
      dependsOn: [workloads.name],
    }),
    environment,
    region,
    accountName,
    account,
    spoke: workloads.spoke,
    workloads: { stackName: workloads.name, environment, region },
    ...experiments,
  };
}
