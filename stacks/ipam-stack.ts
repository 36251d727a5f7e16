import { Construct } from 'constructs';
import { Ipam } from '../modules/network/ipam';
import { IpamReservations } from '../modules/network/ipam-reservations';
import { IPAM_STACK } from '../model/naming';
import { publishIpamOutputs } from './contracts';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';

/**
 * VPC IPAM in the network account: the organization's supernet, a regional pool holding each
 * environment's range, IPv6 pools, shared through RAM with every spoke account. Blocks of VPCs
 * with fixed CIDRs are reserved so IPAM never allocates them again.
 */
export class IpamStack extends LandingZoneStack {
  constructor(scope: Construct, props: Omit<LandingZoneStackProps, 'environment'>) {
    super(scope, IPAM_STACK, props);
    const { organization, environments } = this.model;
    const ipam = this.model.network.ipam!;
    this.providerFor('network', ipam.accountName, organization.homeRegion);
    const regions = [...new Set(environments.map((environment) => environment.region))].sort();
    const spokeAccounts = environments.flatMap((environment) => environment.hub.sharedWithAccounts).sort();
    const pools = new Ipam(this, 'ipam', {
      name: `${organization.name}-ipam`,
      homeRegion: organization.homeRegion,
      ipv4Cidrs: [ipam.cidr],
      regions: Object.fromEntries(
        regions.map((region) => [
          region,
          { cidrs: environments.filter((environment) => environment.region === region).map((environment) => environment.cidr) },
        ]),
      ),
      ipv6: ipam.ipv6,
      principals: Object.fromEntries(spokeAccounts.map((account) => [account, this.accountIdOf(account)])),
    });
    for (const region of regions) {
      const fixed: Record<string, string> = {};
      for (const environment of environments.filter((candidate) => candidate.region === region)) {
        for (const vpc of [...environment.hub.vpcs, ...environment.spokes.map((spoke) => spoke.vpc)]) {
          if (vpc.cidr) fixed[`${environment.name}-${vpc.name}`] = vpc.cidr;
        }
      }
      new IpamReservations(this, `reserved-${region}`, { poolId: pools.ipv4PoolIds[region], reservedCidrs: fixed });
    }
    publishIpamOutputs(this, { ipv4PoolIds: pools.ipv4PoolIds, ipv6PoolIds: pools.ipv6PoolIds });
  }
}
