import { App } from 'cdktf';
import type { LandingZone } from '../model/types';
import { NetworkHubStack } from './network-hub-stack';
import { OrgStack } from './org-stack';
import type { SynthSettings } from './settings';
import { SpokeStack } from './spoke-stack';

/**
 * Every stack of the landing zone. Dependencies give `cdktf deploy '<env>-*'` its order: org
 * before everything, an environment's hub before its spokes.
 */
export function buildApp(model: LandingZone, settings: SynthSettings): App {
  const app = new App({ outdir: settings.outdir, stackTraces: false });
  const props = { model, settings };
  const org = new OrgStack(app, props);
  for (const environment of model.environments) {
    const hub = new NetworkHubStack(app, environment, props);
    hub.addDependency(org);
    for (const spoke of environment.spokes) {
      new SpokeStack(app, environment, spoke, props).addDependency(hub);
    }
  }
  return app;
}
