import type { ConfigRule } from '../rule';
import * as accounts from './accounts';
import * as alarms from './alarms';
import * as batch from './batch';
import * as batchNames from './batch-names';
import * as containers from './containers';
import * as addresses from './addresses';
import * as endpoints from './endpoints';
import * as experiments from './experiments';
import * as hub from './hub';
import * as ipam from './ipam';
import * as ipv6 from './ipv6';
import * as kubernetes from './kubernetes';
import * as messaging from './messaging';
import * as messagingEvents from './messaging-events';
import * as messagingReferences from './messaging-references';
import * as organization from './organization';
import * as peering from './peering';
import * as regions from './regions';
import * as serverless from './serverless';
import * as serverlessMessaging from './serverless-messaging';
import * as workloads from './workloads';
import * as logging from './logging';
import * as names from './names';
import * as tags from './tags';
import * as waivers from './waivers';

/**
 * Every semantic rule of the config, in the order their problems are listed when two share a
 * location. Adding a rule: export it from its domain file here, and test it in test/model/validate/.
 */
export const CONFIG_RULES: readonly ConfigRule[] = [
  accounts.uniqueAccountName,
  accounts.uniqueAccountEmail,
  accounts.uniqueAccountId,
  accounts.accountOuExists,
  accounts.notManagementAccount,
  accounts.coreAccountsExist,
  accounts.hubAccountExists,
  organization.ouParentExists,
  organization.ouTreeAcyclic,
  organization.guardrailTargetsExist,
  organization.guardrailsAttached,
  regions.homeRegionAllowed,
  regions.environmentRegionAllowed,
  regions.zonesInRegion,
  regions.zonesListedOnce,
  addresses.environmentInIpamPool,
  addresses.environmentRangesDisjoint,
  addresses.vpcHasOneBlock,
  addresses.vpcInsideEnvironment,
  ipam.ipamConfigured,
  ipam.netmaskWithinPool,
  ipam.netmaskAllocatable,
  ipam.plumbingHasFixedBlock,
  addresses.tiersHaveAddresses,
  addresses.subnetsFit,
  addresses.vpcBlocksDisjoint,
  hub.segmentNamesNotReserved,
  hub.segmentsListedOnce,
  hub.segmentsExist,
  hub.isolatedSegmentsApart,
  hub.hubServiceVpcRoles,
  hub.inspectionNeedsEgress,
  hub.roleVpcUsed,
  hub.roleVpcTiers,
  endpoints.endpointServicesSupported,
  endpoints.endpointServicesListedOnce,
  endpoints.endpointServicesCentralizable,
  ipv6.ipv6OnlyNeedsIpv6,
  ipv6.appTierHasIpv4,
  ipv6.ipv6OnlyWithoutPrefixLength,
  ipv6.nat64NeedsIpv6,
  ipv6.nat64NeedsEgress,
  ipv6.nat64NeedsAttachment,
  peering.peeringSidesExist,
  peering.requesterInEnvironment,
  peering.distinctSides,
  peering.spokeSidesOnly,
  peering.peeredBlocksDisjoint,
  peering.notAlreadyConnected,
  peering.routeTiersExist,
  peering.destinationsInsidePeer,
  workloads.workloadsAccountExists,
  workloads.servicesNeedVpc,
  messaging.queueNamesDistinct,
  messaging.visibilityCoversConsumers,
  messaging.ecsConsumersOnSqsEncryption,
  messaging.ecsConsumersOnStandardQueues,
  messaging.subscriptionTopicExists,
  messaging.subscriptionSameRegion,
  messaging.subscriptionFifoMatches,
  messaging.subscriptionsAcyclic,
  messaging.filterPolicyWithinLimits,
  messaging.messagingAccountsExist,
  messagingEvents.eventPatternValid,
  messagingEvents.eventTargetsResolve,
  messagingEvents.eventBusDeadLetterQueueExists,
  messagingEvents.eventArchiveWithoutKms,
  messagingReferences.publishesResolve,
  containers.serviceSubnetTierExists,
  containers.noExecInProd,
  containers.ephemeralStorageInRange,
  containers.fargateTaskSize,
  containers.serviceQueuesExist,
  containers.scalingBounds,
  containers.callersExist,
  containers.latticeNeedsServiceNetwork,
  containers.imageRepositoryResolves,
  containers.pullAccountsExist,
  containers.serviceNameFits,
  peering.uniquePairs,
  peering.fixedBlocks,
  peering.uniqueNamesPerVpc,
  peering.peersFitNetworkAcl,
  names.uniqueStackNames,
  names.flowLogRoleNameLength,
  names.uniqueIpamReservationNames,
  tags.tagsWithinLimit,
  logging.cloudWatchRetention,
  waivers.waiversNotExpired,
  kubernetes.clustersNeedVpc,
  kubernetes.noPublicEndpointInProd,
  kubernetes.ipv6NeedsDualStack,
  kubernetes.clusterNameFits,
  kubernetes.clusterHasCompute,
  kubernetes.nodeGroupSize,
  kubernetes.instanceTypesKnown,
  kubernetes.maxPodsWithinEniLimit,
  kubernetes.deployAccessReserved,
  batch.batchNeedsVpc,
  batch.batchSubnetTierExists,
  batch.batchVcpuBounds,
  batch.batchQueueEnvironmentsExist,
  batch.batchQueueEnvironmentLimit,
  batch.batchSpotBeforeOnDemand,
  batch.batchRetryAttempts,
  batch.batchEvaluateOnExitLimit,
  batch.batchPipelineReferencesExist,
  batch.batchShareIdentifierMatchesQueue,
  batch.batchImageRepositoryResolves,
  batchNames.batchNamesFit,
  serverless.serverlessNeedsSpoke,
  serverless.functionLimits,
  serverless.reservedConcurrencyWithinLimit,
  serverless.functionReferencesResolve,
  serverless.apiFunctionsExist,
  serverless.routeAuthorizersExist,
  serverless.httpApisWithoutRestFeatures,
  serverless.cacheTtlWithinLimit,
  serverless.privateApiNeedsEndpoint,
  serverless.apiKeysDistinct,
  serverlessMessaging.queueSourcesResolve,
  serverlessMessaging.queueSourceLimits,
  serverlessMessaging.restTargetsResolve,
  alarms.alarmTopicExists,
  alarms.alarmOverridesResolve,
  alarms.alarmThresholdsInRange,
  alarms.alarmWindowsValid,
  alarms.prodAlarmsStayOn,
  experiments.experimentsNeedSpoke,
  experiments.experimentTargetsExist,
  experiments.experimentZoneInSpoke,
  experiments.experimentDurationInRange,
  experiments.experimentCapacityMatches,
  experiments.experimentAllowedInProd,
  experiments.experimentStoppedByAlarm,
  experiments.experimentNamesFit,
];
