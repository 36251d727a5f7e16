import { z } from 'zod';
import { AvailabilityZones, Ipv4CidrText, ResourceName, SegmentName, SubnetPrefixLength, VpcCidrText } from './schema-primitives';

/* The network part of an environment file: VPCs, the hub, peerings. */

export const TIERS = ['public', 'app', 'data'] as const;
export type TierName = (typeof TIERS)[number];

export const DEFAULT_SUBNET_PREFIX_LENGTHS = { public: 24, app: 20, data: 24 } as const;

const TierOptions = z.strictObject({
  prefixLength: SubnetPrefixLength.optional().describe('Prefix length of each IPv4 subnet of the tier; omit for an IPv6-only tier.'),
  ipv6Only: z.boolean().default(false).describe('IPv6-only subnets (no IPv4 block); needs an IPv6 VPC. Not for the app tier.'),
});

/** A tier is either a prefix length or its options. */
const Tier = z.union([SubnetPrefixLength, TierOptions]);
export type TierConfig = z.infer<typeof Tier>;

const Subnets = z
  .strictObject({
    public: Tier.optional().describe('Public subnets (one per AZ): load balancers; omit for no public tier.'),
    app: Tier.describe('App subnets (one per AZ); the Transit Gateway attaches here.'),
    data: Tier.optional().describe('Data subnets (one per AZ): no route to the internet; omit for no data tier.'),
  })
  .describe('Subnets per tier, one per tier and AZ: a prefix length, or { prefixLength, ipv6Only }.');

export const VpcSchema = z.strictObject({
  cidr: VpcCidrText.optional().describe("The VPC's IPv4 block, inside the environment's `cidr`; or use ipamNetmask."),
  ipamNetmask: z
    .int()
    .min(16, 'is larger than a VPC can be — use 16 to 28')
    .max(28, 'is smaller than a VPC can be — use 16 to 28')
    .optional()
    .describe("Take a block of this size from the environment's IPAM pool instead of giving cidr."),
  availabilityZones: AvailabilityZones.optional().describe("Defaults to the environment's availability zones."),
  subnets: Subnets.default(DEFAULT_SUBNET_PREFIX_LENGTHS),
  ipv6: z.boolean().optional().describe("Dual-stack (Amazon-provided /56, a /64 per subnet); defaults to the environment's ipv6."),
  nat64: z.boolean().default(false).describe('DNS64 on the app subnets and a 64:ff9b::/96 route to the central NAT gateways.'),
  localInterfaceEndpoints: z
    .array(z.string())
    .optional()
    .describe("Interface endpoints inside this VPC instead of the hub's centralized ones."),
  attachToTransitGateway: z.boolean().default(true).describe('Attach to the hub; an unattached VPC is reachable only through peering.'),
});

export const HubVpcSchema = VpcSchema.extend({
  role: z
    .enum(['shared-services', 'egress', 'inspection'])
    .default('shared-services')
    .describe('shared-services (interface endpoints, tools), egress (NAT gateways) or inspection (Network Firewall).'),
  segment: SegmentName.optional().describe('TGW segment of a shared-services VPC; default shared.'),
});

const VpcReference = z
  .string()
  .regex(
    /^([a-z][a-z0-9-]{0,15}\/)?[a-z][a-z0-9-]{1,30}$/,
    'is not a VPC reference — name a spoke account or hub VPC of this environment, or <environment>/<name>',
  );

export const PeeringSchema = z.strictObject({
  requester: VpcReference.describe('Spoke account or hub VPC that requests the peering: <name> or <environment>/<name>.'),
  accepter: VpcReference.describe('Spoke account or hub VPC that accepts it: <name> or <environment>/<name>.'),
  routeTiers: z
    .array(z.enum(TIERS))
    .min(1)
    .default(['app'])
    .describe('Tiers on both sides whose route tables get a route to the other side.'),
  destinations: z
    .array(Ipv4CidrText)
    .optional()
    .describe("What each side sends through the peering; only the peer's own block is reachable (peering is not transitive)."),
  allowRemoteDnsResolution: z.boolean().default(true),
});

export const NetworkHubSchema = z.strictObject({
  account: ResourceName.optional().describe('Account that owns the hub; defaults to organization.networkAccount.'),
  segments: z
    .array(SegmentName)
    .min(1)
    .optional()
    .describe(
      "TGW route tables for workloads; defaults to the environment's segment plus shared. egress and inspection are added when used.",
    ),
  connect: z
    .array(z.tuple([SegmentName, SegmentName]))
    .default([])
    .describe('Segment pairs that may reach each other. Otherwise a segment reaches only itself and shared; prod and nonprod never.'),
  transitGateway: z
    .strictObject({
      amazonSideAsn: z
        .int()
        .refine((asn) => (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294), {
          message: 'is not a private ASN — use 64512–65534 or 4200000000–4294967294',
        })
        .default(64512),
    })
    .default({ amazonSideAsn: 64512 }),
  egress: z
    .strictObject({
      vpc: ResourceName.describe('Hub VPC with role egress.'),
      natGateways: z.enum(['per-az', 'single']).default('per-az').describe('One NAT gateway per AZ (resilient) or one in total (cheaper).'),
    })
    .optional()
    .describe(
      'Central IPv4 egress: spokes send 0.0.0.0/0 to the Transit Gateway and out through these NAT gateways (and NAT64 for IPv6-only clients); IPv6 internet traffic leaves through each VPC’s own egress-only gateway.',
    ),
  inspection: z
    .strictObject({ vpc: ResourceName.describe('Hub VPC with role inspection.') })
    .optional()
    .describe('AWS Network Firewall on the path between spokes and egress.'),
  interfaceEndpoints: z
    .strictObject({
      vpc: ResourceName.describe('Hub VPC (shared-services) that holds the endpoints.'),
      services: z.array(z.string()).min(1).describe('Services, e.g. ssm, ecr.api, logs.'),
    })
    .optional()
    .describe('Centralized interface endpoints with Route 53 private hosted zones associated to every spoke VPC.'),
  lattice: z.boolean().default(true).describe('A VPC Lattice service network for the environment, shared with every spoke.'),
  vpcs: z.record(ResourceName, HubVpcSchema).default({}).describe('Hub VPCs by name.'),
});

export type VpcConfig = z.infer<typeof VpcSchema>;
export type HubVpcConfig = z.infer<typeof HubVpcSchema>;
export type PeeringConfig = z.infer<typeof PeeringSchema>;
