import type { ResolvedZone } from '../plans/base';
import type { AccountRef } from '../stack-plans';
import type { Environment } from '../types';

/** What every workload platform's planner knows: the model, the account's environment and its spoke VPC. */
export interface PlanContext {
  readonly zone: ResolvedZone;
  readonly environment: Environment;
  readonly account: AccountRef;
  readonly organization: string;
  readonly spokeVpc: Environment['spokes'][number]['vpc'];
}
