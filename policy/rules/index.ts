import type { PolicyRule } from '../types';
import { alarmActionsEnabled } from './LZ-ALARM-001';
import { alarmsNotify } from './LZ-ALARM-002';
import { batchJobNotPrivileged } from './LZ-BATCH-001';
import { apiGatewayAccessLogging } from './LZ-APIGW-001';
import { apiGatewayAuthorization } from './LZ-APIGW-002';
import { apiGatewayStageTracing } from './LZ-APIGW-003';
import { apiGatewayCacheEncrypted } from './LZ-APIGW-004';
import { imdsV2Required } from './LZ-COMPUTE-001';
import { noPlanTimeLookups } from './LZ-DATA-001';
import { ecrScanOnPush } from './LZ-ECR-001';
import { fisExperimentStopsOnAlarm } from './LZ-FIS-001';
import { fisExperimentLogs } from './LZ-FIS-002';
import { ecrImmutableTags } from './LZ-ECR-002';
import { ecsContainersNotPrivileged } from './LZ-ECS-001';
import { ecsContainersReadOnlyRootFilesystem } from './LZ-ECS-002';
import { ecsTasksDoNotShareHostPid } from './LZ-ECS-003';
import { ecsClusterContainerInsights } from './LZ-ECS-004';
import { eksEndpointNotPublic } from './LZ-EKS-001';
import { eksSecretsEncrypted } from './LZ-EKS-002';
import { eksControlPlaneLogging } from './LZ-EKS-003';
import { kmsKeyRotationEnabled } from './LZ-KMS-001';
import { sqsQueueEncrypted } from './LZ-MSG-001';
import { snsTopicEncrypted } from './LZ-MSG-002';
import { queuesHaveDeadLetterQueues } from './LZ-MSG-003';
import { messagingPoliciesStayInOrganization } from './LZ-MSG-004';
import { lambdaInVpc } from './LZ-LAMBDA-001';
import { lambdaDeadLetterQueue } from './LZ-LAMBDA-002';
import { lambdaReservedConcurrency } from './LZ-LAMBDA-003';
import { lambdaTracing } from './LZ-LAMBDA-004';
import { lambdaQueueSourcePartialBatch } from './LZ-LAMBDA-005';
import { cloudTrailMultiRegion } from './LZ-LOG-001';
import { cloudTrailLogFileValidation } from './LZ-LOG-002';
import { cloudTrailEncryptedWithKms } from './LZ-LOG-003';
import { noSshFromAnywhere } from './LZ-NET-001';
import { noRdpFromAnywhere } from './LZ-NET-002';
import { noAllPortsFromAnywhere } from './LZ-NET-003';
import { defaultSecurityGroupDeniesAll } from './LZ-NET-004';
import { vpcFlowLogsEnabled } from './LZ-NET-005';
import { naclDeniesAllPortsFromAnywhere } from './LZ-NET-006';
import { accountCannotBeClosed } from './LZ-ORG-001';
import { s3BucketEncrypted } from './LZ-STORE-001';
import { stateMachineLogging } from './LZ-SFN-001';
import { stateMachineTracing } from './LZ-SFN-002';
import { s3BucketBlocksPublicAccess } from './LZ-STORE-002';

/** Every rule of the pack, by id. Adding a rule: a file named by its id here, a line below, its tests. */
export const ALL_RULES: readonly PolicyRule[] = [
  noSshFromAnywhere,
  noRdpFromAnywhere,
  noAllPortsFromAnywhere,
  defaultSecurityGroupDeniesAll,
  vpcFlowLogsEnabled,
  naclDeniesAllPortsFromAnywhere,
  accountCannotBeClosed,
  s3BucketEncrypted,
  s3BucketBlocksPublicAccess,
  kmsKeyRotationEnabled,
  cloudTrailMultiRegion,
  cloudTrailLogFileValidation,
  cloudTrailEncryptedWithKms,
  imdsV2Required,
  ecsContainersNotPrivileged,
  ecsContainersReadOnlyRootFilesystem,
  ecsTasksDoNotShareHostPid,
  ecsClusterContainerInsights,
  ecrScanOnPush,
  ecrImmutableTags,
  eksEndpointNotPublic,
  eksSecretsEncrypted,
  eksControlPlaneLogging,
  lambdaInVpc,
  lambdaDeadLetterQueue,
  lambdaReservedConcurrency,
  lambdaTracing,
  lambdaQueueSourcePartialBatch,
  apiGatewayAccessLogging,
  apiGatewayAuthorization,
  apiGatewayStageTracing,
  apiGatewayCacheEncrypted,
  noPlanTimeLookups,
  sqsQueueEncrypted,
  snsTopicEncrypted,
  queuesHaveDeadLetterQueues,
  messagingPoliciesStayInOrganization,
  batchJobNotPrivileged,
  stateMachineLogging,
  stateMachineTracing,
  alarmActionsEnabled,
  alarmsNotify,
  fisExperimentStopsOnAlarm,
  fisExperimentLogs,
];
