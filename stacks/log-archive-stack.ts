import { Construct } from 'constructs';
import { FlowLogBucket } from '../modules/logging/flow-log-bucket';
import { LOG_ARCHIVE_STACK } from '../model/naming';
import { publishLogArchiveOutputs } from './contracts';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';

/** The log-archive account: the central, encrypted flow-log bucket every VPC writes to. */
export class LogArchiveStack extends LandingZoneStack {
  constructor(scope: Construct, props: Omit<LandingZoneStackProps, 'environment'>) {
    super(scope, LOG_ARCHIVE_STACK, props);
    const { organization, network } = this.model;
    const accountName = network.flowLogBucket!.accountName;
    this.providerFor('log-archive', accountName, organization.homeRegion);
    const bucket = new FlowLogBucket(this, 'flow-logs', {
      bucketName: `${organization.name}-vpc-flow-logs-${this.accountIdOf(accountName)}`,
      organizationId: organization.id,
      accountId: this.accountIdOf(accountName),
      transitionToInfrequentAccessDays: 30,
      transitionToGlacierDays: Math.floor(network.flowLogRetentionDays / 2),
      expirationDays: network.flowLogRetentionDays,
    });
    publishLogArchiveOutputs(this, { flowLogBucketArn: bucket.bucket.arn });
  }
}
