/** Shared inputs of the Batch module tests. */

export const ACCOUNT = '222222222222';
export const REGION = 'eu-west-1';
export const INSTANCE_PROFILE_ARN = `arn:aws:iam::${ACCOUNT}:instance-profile/acme-batch`;
export const QUEUE_ARN = `arn:aws:batch:${REGION}:${ACCOUNT}:job-queue/acme-nightly`;
export const DEFINITION_ARN = `arn:aws:batch:${REGION}:${ACCOUNT}:job-definition/acme-etl`;
export const IMAGE = `111111111111.dkr.ecr.${REGION}.amazonaws.com/acme/etl:1.0.0`;
