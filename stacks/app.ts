import { App } from 'cdktf';
import type { StackPlan } from '../model/stack-plans';
import type { LandingZone } from '../model/types';
import type { LandingZoneStack } from './base/landing-zone-stack';
import { IpamStack } from './foundation/ipam-stack';
import { LogArchiveStack } from './foundation/log-archive-stack';
import { OrgStack } from './foundation/org-stack';
import { NetworkHubStack } from './network/network-hub-stack';
import type { SynthSettings } from './settings';
import { SpokeStack } from './network/spoke-stack';
import { ResilienceStack } from './workloads/resilience-stack';
import { WorkloadsStack } from './workloads/workloads-stack';

type StackOf<P extends StackPlan> = new (scope: App, plan: P, settings: SynthSettings) => LandingZoneStack;

/** The stack class that places each kind of plan. */
const STACKS: { readonly [K in StackPlan['kind']]: StackOf<Extract<StackPlan, { kind: K }>> } = {
  org: OrgStack,
  'log-archive': LogArchiveStack,
  ipam: IpamStack,
  hub: NetworkHubStack,
  spoke: SpokeStack,
  workloads: WorkloadsStack,
  resilience: ResilienceStack,
};

/**
 * Every stack of the landing zone, one per plan of the model. Dependencies give
 * `cdktf deploy '<env>-*'` its order (the plans' `dependsOn`).
 */
export function buildApp(model: LandingZone, settings: SynthSettings): App {
  const app = new App({ outdir: settings.outdir, stackTraces: false });
  const stacks = new Map<string, LandingZoneStack>();
  for (const plan of model.stacks) stacks.set(plan.name, createStack(app, plan, settings));
  for (const plan of model.stacks) {
    for (const dependency of plan.dependsOn) {
      const producer = stacks.get(dependency);
      if (!producer) throw new Error(`${plan.name}: depends on ${dependency}, which is not a stack of the model`);
      stacks.get(plan.name)?.addDependency(producer);
    }
  }
  return app;
}

function createStack<P extends StackPlan>(app: App, plan: P, settings: SynthSettings): LandingZoneStack {
  const Stack = STACKS[plan.kind] as StackOf<P>;
  return new Stack(app, plan, settings);
}
