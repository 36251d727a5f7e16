import type { FlowLogDestination } from '../../modules/network/flow-logs';
import type { TieredSubnetSpec, TieredVpc, TieredVpcProps } from '../../modules/network/tiered-vpc';
import type { TierName } from '../../model/network-schema';
import type { FlowLogTarget, PlacedVpc } from '../../model/stack-plans';
import type { LandingZoneStack } from '../base/landing-zone-stack';
import { logArchiveContract } from '../contracts/log-archive';

/** The model's planned subnets in the VPC module's vocabulary. */
function vpcSubnets({ plan }: PlacedVpc): TieredSubnetSpec[] {
  return plan.subnets.map((subnet) => ({
    tier: subnet.tier,
    availabilityZone: subnet.zone,
    ...(subnet.ipv6Only ? {} : plan.cidr ? { cidrBlock: subnet.cidr } : { newBits: subnet.newBits, netNum: subnet.netNum }),
  }));
}

/** TieredVpc props for a placed VPC; IPAM VPCs pass the pool id. */
export function tieredVpcProps(placed: PlacedVpc, ipv4IpamPoolId?: string): TieredVpcProps {
  const { plan } = placed;
  return {
    name: placed.resourceName,
    ...(plan.cidr ? { cidrBlock: plan.cidr } : { ipv4IpamPoolId, ipv4NetmaskLength: plan.ipamNetmask }),
    subnets: vpcSubnets(placed),
    ipv6: plan.ipv6
      ? {
          egressOnlyInternetGatewayTiers: [...placed.egressOnlyGatewayTiers],
          dns64Tiers: [...placed.dns64Tiers],
          ipv6OnlyTiers: [...placed.ipv6OnlyTiers],
        }
      : undefined,
  };
}

/** The VPC's route table per tier that sends traffic to the Transit Gateway. */
export function transitRouteTableIds(placed: PlacedVpc, vpc: TieredVpc): Record<string, string> {
  return Object.fromEntries(Object.keys(placed.transitRoutes).map((tier) => [tier, vpc.routeTableId(tier as TierName)]));
}

/** The flow-log destination of a plan's target: CloudWatch Logs in the account, or the central bucket. */
export function flowLogDestination(stack: LandingZoneStack, target: FlowLogTarget): FlowLogDestination {
  if (target.type === 'cloud-watch-logs') {
    return { type: 'cloud-watch-logs', accountId: stack.accountId(target.account), retentionInDays: target.retentionInDays };
  }
  return { type: 's3', bucketArn: stack.read(logArchiveContract, 'log-archive-outputs', target.logArchive).string('flowLogBucketArn') };
}
