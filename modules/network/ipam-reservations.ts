import { VpcIpamPoolCidrAllocation } from '@cdktf/provider-aws/lib/vpc-ipam-pool-cidr-allocation';
import { Construct } from 'constructs';

export interface IpamReservationsProps {
  /** The pool the blocks are reserved in. */
  readonly poolId: string;
  /** Blocks already used by VPCs with fixed CIDRs, keyed by VPC name. CAUTION: a changed block is re-reserved. */
  readonly reservedCidrs: Readonly<Record<string, string>>;
}

/** Reserves blocks that VPCs with fixed CIDRs use, so IPAM never hands them out to another VPC. */
export class IpamReservations extends Construct {
  constructor(scope: Construct, id: string, props: IpamReservationsProps) {
    super(scope, id);
    for (const [name, cidr] of Object.entries(props.reservedCidrs)) {
      new VpcIpamPoolCidrAllocation(this, name, { ipamPoolId: props.poolId, cidr, description: `Fixed block of ${name}` });
    }
  }
}
