import { Construct } from 'constructs';
import { Ipam } from '../../modules/network/ipam';
import { IpamReservations } from '../../modules/network/ipam-reservations';
import type { IpamPlan } from '../../model/stack-plans';
import { LandingZoneStack } from '../base/landing-zone-stack';
import { ipamContract } from '../contracts/ipam';
import type { SynthSettings } from '../settings';

/**
 * VPC IPAM in the network account: the organization's supernet, a regional pool holding each
 * environment's range, IPv6 pools, shared through RAM with every spoke account. Blocks of VPCs
 * with fixed CIDRs are reserved so IPAM never allocates them again.
 */
export class IpamStack extends LandingZoneStack {
  constructor(scope: Construct, plan: IpamPlan, settings: SynthSettings) {
    super(scope, plan, settings);
    const pools = new Ipam(this, 'ipam', {
      name: plan.ipamName,
      homeRegion: plan.homeRegion,
      ipv4Cidrs: [...plan.ipv4Cidrs],
      regions: Object.fromEntries(Object.entries(plan.regionalPools).map(([region, cidrs]) => [region, { cidrs: [...cidrs] }])),
      ipv6: plan.ipv6,
      principals: Object.fromEntries(plan.shareWith.map((account) => [account.name, this.accountId(account)])),
    });
    for (const [region, reserved] of Object.entries(plan.reservations)) {
      new IpamReservations(this, `reserved-${region}`, { poolId: pools.ipv4PoolIds[region], reservedCidrs: reserved });
    }
    ipamContract.publish(this, { ipv4PoolIds: pools.ipv4PoolIds, ipv6PoolIds: pools.ipv6PoolIds });
  }
}
