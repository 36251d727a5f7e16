import type { TieredVpc } from '../../modules/network/tiered-vpc';
import { VpcPeering } from '../../modules/network/vpc-peering';
import type { SpokePlan } from '../../model/stack-plans';
import type { LandingZoneStack } from '../base/landing-zone-stack';
import { spokeContract } from '../contracts/spoke';

/**
 * The peerings this spoke requests. The accepter's VPC and route tables come from its stack's
 * outputs, and its side is created through a provider for its account and region; so the
 * requester's stack deploys after the accepter's.
 */
export function requestPeerings(stack: LandingZoneStack, plan: SpokePlan, vpc: TieredVpc): void {
  for (const peering of plan.requestedPeerings) {
    const accepter = stack.read(spokeContract, `peer-${peering.name}-outputs`, peering.accepter.stack);
    new VpcPeering(stack, `peering-${peering.name}`, {
      name: peering.name,
      requester: {
        vpcId: vpc.vpcId,
        cidr: peering.requesterCidr,
        routeTableIds: Object.fromEntries(peering.routeTiers.map((tier) => [tier, vpc.routeTableId(tier)])),
        provider: stack.provider('spoke'),
      },
      accepter: {
        vpcId: accepter.string('vpcId'),
        cidr: peering.accepter.cidr,
        ownerAccountId: stack.accountId(peering.accepter.account),
        region: peering.accepter.region,
        routeTableIds: accepter.entries('routeTableIds', peering.routeTiers),
        provider: stack.provider(`peer-${peering.name}`),
      },
      allowRemoteVpcDnsResolution: peering.allowRemoteDnsResolution,
    });
  }
}
