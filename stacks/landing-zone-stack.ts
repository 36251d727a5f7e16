import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformRemoteState, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ORG_STACK } from '../model/naming';
import type { LandingZone } from '../model/types';
import { OrgOutputsReader } from './contracts';
import { accountProvider } from './providers';
import type { SynthSettings } from './settings';
import { configureBackend, remoteState } from './state';

export interface LandingZoneStackProps {
  readonly model: LandingZone;
  readonly settings: SynthSettings;
  /** Environment of the stack; undefined for organization-wide stacks. */
  readonly environment?: string;
}

/** What every stack shares: its own state, providers per account, tags, and account id lookup. */
export abstract class LandingZoneStack extends TerraformStack {
  protected readonly model: LandingZone;
  protected readonly settings: SynthSettings;
  protected readonly environment?: string;
  private readonly orgOutputs: OrgOutputsReader;

  constructor(
    scope: Construct,
    readonly stackName: string,
    props: LandingZoneStackProps,
  ) {
    super(scope, stackName);
    this.model = props.model;
    this.settings = props.settings;
    this.environment = props.environment;
    configureBackend(this, stackName, props.environment, { settings: props.settings, backend: props.model.stateBackend });
    this.orgOutputs = new OrgOutputsReader((placeholders) => this.readStack('org-outputs', ORG_STACK, undefined, placeholders));
  }

  /** A provider that acts in `accountName` (or the management account) in `region`. */
  providerFor(id: string, accountName: string | 'management', region: string, alias?: string): AwsProvider {
    const accountId = accountName === 'management' ? this.model.organization.managementAccountId : this.accountIdOf(accountName);
    const literal = accountName === 'management' || this.knownAccountId(accountName) !== undefined;
    return accountProvider(this, id, {
      settings: this.settings,
      region,
      accountId,
      accountIdIsLiteral: literal,
      roleName: this.model.organization.deployRoleName,
      tags: this.defaultTags,
      alias,
    });
  }

  /** The account's id from config, or, for a newly vended account, from the org stack's outputs. */
  accountIdOf(accountName: string): string {
    return this.knownAccountId(accountName) ?? this.orgOutputs.accountId(accountName);
  }

  /** Reads another stack's outputs (with placeholders used only offline). */
  readStack(
    id: string,
    producer: string,
    producerEnvironment: string | undefined,
    placeholders: Record<string, unknown>,
  ): TerraformRemoteState {
    return remoteState(this, id, {
      settings: this.settings,
      backend: this.model.stateBackend,
      consumer: this.stackName,
      producer,
      producerEnvironment,
      placeholders,
    });
  }

  protected get defaultTags(): Record<string, string> {
    return {
      ...this.model.organization.tags,
      ManagedBy: 'aws-landing-zone',
      Organization: this.model.organization.name,
      Stack: this.stackName,
      ...(this.environment ? { Environment: this.environment } : {}),
    };
  }

  private knownAccountId(accountName: string): string | undefined {
    const account = this.model.accounts.find((candidate) => candidate.name === accountName);
    if (!account) throw new Error(`${this.stackName}: no account named ${accountName} in the model`);
    return account.id;
  }
}
