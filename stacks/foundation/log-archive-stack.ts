import { Construct } from 'constructs';
import { FlowLogBucket } from '../../modules/logging/flow-log-bucket';
import type { LogArchivePlan } from '../../model/stack-plans';
import { LandingZoneStack } from '../base/landing-zone-stack';
import { logArchiveContract } from '../contracts/log-archive';
import type { SynthSettings } from '../settings';

/** The log-archive account: the central, encrypted flow-log bucket every VPC writes to. */
export class LogArchiveStack extends LandingZoneStack {
  constructor(scope: Construct, plan: LogArchivePlan, settings: SynthSettings) {
    super(scope, plan, settings);
    const { flowLogBucket } = plan;
    const accountId = this.accountId(flowLogBucket.account);
    const bucket = new FlowLogBucket(this, 'flow-logs', {
      bucketName: `${flowLogBucket.namePrefix}${accountId}`,
      organizationId: flowLogBucket.organizationId,
      accountId,
      transitionToInfrequentAccessDays: flowLogBucket.transitionToInfrequentAccessDays,
      transitionToGlacierDays: flowLogBucket.transitionToGlacierDays,
      expirationDays: flowLogBucket.expirationDays,
    });
    logArchiveContract.publish(this, { flowLogBucketArn: bucket.bucket.arn });
  }
}
