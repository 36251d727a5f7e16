import type { ValidateCase } from '../support/terraform-validate-cases';
import { batchCase } from './batch/batch.validate';
import { containersCase } from './containers/containers.validate';
import { egressVpcCase } from './egress-vpc.validate';
import { flowLogBucketCase } from './flow-log-bucket.validate';
import { flowLogsCase } from './flow-logs.validate';
import { gatewayEndpointsCase } from './gateway-endpoints.validate';
import { inspectionVpcCase } from './inspection-vpc.validate';
import { ipamCase } from './ipam.validate';
import { kubernetesCase } from './kubernetes/kubernetes.validate';
import { latticeCase } from './lattice.validate';
import { messagingCase } from './messaging/messaging.validate';
import { monitoringCase } from './monitoring/monitoring.validate';
import { resilienceCase } from './resilience/resilience.validate';
import { networkAclsCase } from './network-acls.validate';
import { securityGroupTiersCase } from './security-group-tiers.validate';
import { serverlessCase } from './serverless/serverless.validate';
import { tieredVpcCase } from './tiered-vpc.validate';
import { transitGatewayRoutingCase } from './transit-gateway-routing.validate';
import { vpcPeeringCase } from './vpc-peering.validate';

/**
 * Every module configuration checked against the real hashicorp/aws schema, all in one
 * `terraform validate` (test/terraform/modules-validate.test.ts). Each case lives next to the synth
 * tests of its module (`<module>.validate.ts`); to check a new module, add its case here.
 */
export const MODULE_VALIDATE_CASES: readonly ValidateCase[] = [
  tieredVpcCase,
  egressVpcCase,
  inspectionVpcCase,
  ipamCase,
  latticeCase,
  gatewayEndpointsCase,
  vpcPeeringCase,
  transitGatewayRoutingCase,
  networkAclsCase,
  securityGroupTiersCase,
  flowLogsCase,
  flowLogBucketCase,
  batchCase,
  containersCase,
  kubernetesCase,
  messagingCase,
  serverlessCase,
  monitoringCase,
  resilienceCase,
];
