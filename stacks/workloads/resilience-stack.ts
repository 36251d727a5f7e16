import { Construct } from 'constructs';
import type { ResiliencePlan } from '../../model/workloads/experiments/types';
import { LandingZoneStack } from '../base/landing-zone-stack';
import { resilienceContract } from '../contracts/resilience';
import { spokeContract } from '../contracts/spoke';
import { workloadsContract } from '../contracts/workloads';
import type { SynthSettings } from '../settings';
import { placeExperiments } from './experiments';

/**
 * A workload account's FIS experiment templates in one environment, deployed with the account's
 * role after its workloads stack: the spoke's contract gives the VPC an AZ loss is confined to, the
 * workloads contract the alarms the experiments stop on. Its own stack keeps the workloads stack
 * within its resource budget, and game-day tooling apart from what it breaks.
 */
export class ResilienceStack extends LandingZoneStack {
  constructor(scope: Construct, plan: ResiliencePlan, settings: SynthSettings) {
    super(scope, plan, settings);
    const network = this.read(spokeContract, 'spoke-outputs', plan.spoke);
    const workloads = this.read(workloadsContract, 'workloads-outputs', plan.workloads);
    const alarmKeys = [...new Set(plan.experiments.flatMap((experiment) => experiment.stopConditions.map((alarm) => alarm.key)))].sort();
    const experiments = placeExperiments(this, plan, {
      vpcId: network.string('vpcId'),
      alarmArns: workloads.entries('alarmArns', alarmKeys),
    });
    resilienceContract.publish(this, {
      experimentTemplateIds: Object.fromEntries([...experiments].map(([name, experiment]) => [name, experiment.templateId])),
    });
  }
}
