import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { deployRoleArn } from '../../model/naming';
import type { SynthSettings } from '../settings';

export const OFFLINE_CREDENTIAL = 'offline-plan-only';
/** An invalid region: the provider fails to configure at apply time, before any resource is touched. */
export const OFFLINE_APPLY_REGION = 'offline-synth-cannot-be-deployed';

export interface AccountProviderProps {
  readonly settings: SynthSettings;
  readonly region: string;
  /** Account id, or a token that resolves to it (read from the org stack's outputs). */
  readonly accountId: string;
  /** True when `accountId` is a literal from config: the provider then also refuses any other account. */
  readonly accountIdIsLiteral: boolean;
  readonly roleName: string;
  readonly tags: Readonly<Record<string, string>>;
  /** @default - the default provider of the stack */
  readonly alias?: string;
}

/**
 * An AWS provider for one account. Live: assumes the deploy role in that account (never relies on
 * ambient credentials' account). Offline: static dummy credentials, every call that needs AWS
 * skipped, and a region that becomes invalid when Terraform applies, so an offline synth plans
 * anywhere but can never be deployed.
 */
export function accountProvider(scope: Construct, id: string, props: AccountProviderProps): AwsProvider {
  const common = { alias: props.alias, defaultTags: [{ tags: { ...props.tags } }] };
  if (props.settings.mode === 'offline') {
    return new AwsProvider(scope, id, {
      ...common,
      region: `\${terraform.applying ? "${OFFLINE_APPLY_REGION}" : "${props.region}"}`,
      accessKey: OFFLINE_CREDENTIAL,
      secretKey: OFFLINE_CREDENTIAL,
      skipCredentialsValidation: true,
      skipRequestingAccountId: true,
      skipMetadataApiCheck: 'true',
    });
  }
  return new AwsProvider(scope, id, {
    ...common,
    region: props.region,
    allowedAccountIds: props.accountIdIsLiteral ? [props.accountId] : undefined,
    assumeRole: [{ roleArn: deployRoleArn(props.accountId, props.roleName), sessionName: 'aws-landing-zone' }],
  });
}
