import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { TieredVpc } from '../modules/network/tiered-vpc';
import { VpcPeering } from '../modules/network/vpc-peering';
import { spokeStackName } from '../model/naming';
import type { Environment, Spoke } from '../model/types';
import { readSpokeOutputs, spokeOutputPlaceholders } from './contracts';
import type { LandingZoneStack } from './landing-zone-stack';

/** The other side's block of every peering this spoke takes part in, for its NACLs. */
export function peerRanges(environment: Environment, environments: readonly Environment[], accountName: string): Record<string, string> {
  const ranges: Record<string, string> = {};
  for (const peering of environments.flatMap((candidate) => candidate.peerings)) {
    if (peering.requester.environment === environment.name && peering.requester.vpcName === accountName && peering.accepter.cidr) {
      ranges[`peer-${peering.name}`] = peering.accepter.cidr;
    }
    if (peering.accepter.environment === environment.name && peering.accepter.vpcName === accountName && peering.requester.cidr) {
      ranges[`peer-${peering.name}`] = peering.requester.cidr;
    }
  }
  return ranges;
}

/**
 * The peerings this spoke requests. The accepter's VPC and route tables come from its stack's
 * outputs, and its side is created through a provider for its account and region; so the
 * requester's stack deploys after the accepter's.
 */
export function requestPeerings(
  stack: LandingZoneStack,
  environment: Environment,
  spoke: Spoke,
  vpc: TieredVpc,
  spokeProvider: AwsProvider,
): void {
  const requested = environment.peerings.filter((peering) => peering.requester.vpcName === spoke.accountName);
  for (const peering of requested) {
    const accepterStack = spokeStackName(peering.accepter.environment, peering.accepter.vpcName);
    const accepterTiers = [...peering.routeTiers];
    const state = stack.readStack(
      `peer-${peering.name}-outputs`,
      accepterStack,
      peering.accepter.environment,
      spokeOutputPlaceholders(peering.accepter.vpcName, peering.accepter.cidr, accepterTiers),
    );
    const accepter = readSpokeOutputs(state, accepterTiers);
    const accepterProvider = stack.providerFor(
      `peer-${peering.name}`,
      peering.accepter.accountName,
      peering.accepter.region,
      `peer-${peering.name}`,
    );
    new VpcPeering(stack, `peering-${peering.name}`, {
      name: peering.name,
      requester: {
        vpcId: vpc.vpcId,
        cidr: peering.requester.cidr,
        routeTableIds: Object.fromEntries(accepterTiers.map((tier) => [tier, vpc.routeTableId(tier)])),
        provider: spokeProvider,
      },
      accepter: {
        vpcId: accepter.vpcId,
        cidr: peering.accepter.cidr,
        ownerAccountId: stack.accountIdOf(peering.accepter.accountName),
        region: peering.accepter.region,
        routeTableIds: accepter.routeTableIds,
        provider: accepterProvider,
      },
      allowRemoteVpcDnsResolution: peering.allowRemoteDnsResolution,
    });
  }
}
