import { App, TerraformStack } from 'cdktf';
import { spokeStackName } from '../model/naming';
import type { LandingZone } from '../model/types';
import { IpamStack } from './ipam-stack';
import { LogArchiveStack } from './log-archive-stack';
import { NetworkHubStack } from './network-hub-stack';
import { OrgStack } from './org-stack';
import type { SynthSettings } from './settings';
import { SpokeStack } from './spoke-stack';

/**
 * Every stack of the landing zone. Dependencies give `cdktf deploy '<env>-*'` its order: org
 * first, then the organization-wide log archive and IPAM, an environment's hub before its spokes,
 * and a peering's accepter before its requester.
 */
export function buildApp(model: LandingZone, settings: SynthSettings): App {
  const app = new App({ outdir: settings.outdir, stackTraces: false });
  const props = { model, settings };
  const org = new OrgStack(app, props);
  const shared: TerraformStack[] = [org];
  if (model.network.flowLogBucket) shared.push(new LogArchiveStack(app, props));
  if (model.network.ipam) shared.push(new IpamStack(app, props));
  for (const stack of shared.slice(1)) stack.addDependency(org);
  const spokes = new Map<string, SpokeStack>();
  for (const environment of model.environments) {
    const hub = new NetworkHubStack(app, environment, props);
    for (const stack of shared) hub.addDependency(stack);
    for (const spoke of environment.spokes) {
      const stack = new SpokeStack(app, environment, spoke, props);
      stack.addDependency(hub);
      spokes.set(spoke.stackName, stack);
    }
  }
  for (const peering of model.environments.flatMap((environment) => environment.peerings)) {
    const requester = spokes.get(spokeStackName(peering.requester.environment, peering.requester.vpcName));
    const accepter = spokes.get(spokeStackName(peering.accepter.environment, peering.accepter.vpcName));
    if (requester && accepter) requester.addDependency(accepter);
  }
  return app;
}
