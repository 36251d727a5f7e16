import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { checkAccountId, checkName, checkRegion } from '../containers/checks';
import { clusterKeyPolicy } from '../containers/ecs-cluster';

export interface ExperimentLogKeyProps {
  /** Alias `alias/fis/<name>`. CAUTION: changing it replaces the alias (the key stays). */
  readonly name: string;
  /** Account whose IAM administers the key. */
  readonly accountId: string;
  /** Region whose CloudWatch Logs may use the key for this account's log groups. */
  readonly region: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A rotating KMS key for the log groups of an account's FIS experiments. */
export class ExperimentLogKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: ExperimentLogKeyProps) {
    super(scope, id);
    const where = `ExperimentLogKey ${props.name}`;
    checkName(where, 'name', props.name, 200);
    checkAccountId(where, 'accountId', props.accountId);
    checkRegion(where, props.region);
    this.key = new KmsKey(this, 'key', {
      description: `Encrypts the logs of the FIS experiments of ${props.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: JSON.stringify(clusterKeyPolicy(props)),
      tags: { Name: `fis-${props.name}`, ...props.tags },
    });
    new KmsAlias(this, 'alias', { name: `alias/fis/${props.name}`, targetKeyId: this.key.keyId });
  }

  get keyArn(): string {
    return this.key.arn;
  }
}
