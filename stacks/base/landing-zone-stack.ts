import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import type { AccountRef, ContractSource, StackPlanBase } from '../../model/stack-plans';
import type { Contract, ContractReader, OutputSpec, StateOpener } from '../contracts/contract';
import { orgContract } from '../contracts/org';
import type { SynthSettings } from '../settings';
import { accountProvider } from './providers';
import { configureBackend, remoteState } from './state';

/**
 * What every stack shares: its own state, one provider per account it acts in (from its plan), and
 * reads of other stacks' contracts. A stack takes its plan and places modules; it computes nothing.
 */
export abstract class LandingZoneStack extends TerraformStack {
  private readonly providersById = new Map<string, AwsProvider>();
  private readonly orgOutputs: ContractReader<typeof orgContract.outputs>;

  constructor(
    scope: Construct,
    readonly plan: StackPlanBase,
    protected readonly settings: SynthSettings,
  ) {
    super(scope, plan.name);
    configureBackend(this, plan.name, plan.environment, { settings, backend: plan.stateBackend });
    this.orgOutputs = orgContract.read(this.openState, 'org-outputs', plan.org);
    for (const providerPlan of plan.providers) {
      this.providersById.set(
        providerPlan.id,
        accountProvider(this, providerPlan.id, {
          settings,
          region: providerPlan.region,
          accountId: this.accountId(providerPlan.account),
          accountIdIsLiteral: providerPlan.account.id !== undefined,
          roleName: plan.deployRoleName,
          tags: plan.tags,
          alias: providerPlan.alias,
        }),
      );
    }
  }

  /** The provider the plan names `id`. */
  provider(id: string): AwsProvider {
    const found = this.providersById.get(id);
    if (!found) throw new Error(`${this.plan.name}: its plan has no provider ${id}`);
    return found;
  }

  /** The account's id from config, or, for a newly vended account, from the org stack's outputs. */
  accountId(account: AccountRef): string {
    return account.id ?? this.orgOutputs.entry('accountIds', account.name);
  }

  /** Reads a producer's outputs through its contract (placeholders used only offline). */
  read<S extends Record<string, OutputSpec>>(contract: Contract<S>, id: string, source: ContractSource): ContractReader<S> {
    return contract.read(this.openState, id, source);
  }

  private readonly openState: StateOpener = (id, source, placeholders) =>
    remoteState(this, id, {
      settings: this.settings,
      backend: this.plan.stateBackend,
      consumer: this.plan.name,
      producer: source.stackName,
      producerEnvironment: source.environment,
      placeholders,
    });
}
