import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { validateConstructNames } from '../shared/names';
import { DEFAULT_DATABASE_PORTS, portName, validatePorts } from '../shared/ports';
import type { Tier } from '../shared/tiers';
import type { TieredVpc } from './tiered-vpc';

/** Address ranges are keyed by a stable name (a zone letter, a range's name): the name is part of the rule's ID. */
export type NamedRanges = Readonly<Record<string, string>>;

export interface TierRanges {
  /** Subnets the tier's network ACL is associated with. */
  readonly subnetIds: readonly string[];
  /** IPv4 blocks of the tier's subnets, keyed by zone letter. @default {} */
  readonly ipv4CidrBlocks?: NamedRanges;
  /** IPv6 blocks of the tier, keyed by a stable name (e.g. `all-zones` for the tier's /60). @default {} */
  readonly ipv6CidrBlocks?: NamedRanges;
}

export interface NetworkAclsProps {
  /** Name tag prefix: the ACLs are tagged `<name>-<tier>`. */
  readonly name: string;
  /** CAUTION: changing it replaces every ACL and rule. */
  readonly vpcId: string;
  /** The tiers to guard: one network ACL per tier given, associated with the tier's subnets. */
  readonly tiers: Readonly<Partial<Record<Tier, TierRanges>>>;
  /**
   * IPv4 ranges of the hub's shared-services VPCs (interface endpoints, directory, tooling), which
   * the app tier exchanges traffic with on any port, both ways. Only shared services: peered VPCs go
   * in `peerIpv4CidrBlocks`.
   * @default {}
   */
  readonly sharedServicesIpv4CidrBlocks?: NamedRanges;
  /** IPv6 ranges of the shared-services VPCs. @default {} */
  readonly sharedServicesIpv6CidrBlocks?: NamedRanges;
  /**
   * IPv4 ranges of VPCs peered with this one, keyed by a stable name (e.g. `peer-<peering name>`).
   * A peer is another team's workload, not a platform service, so it gets only the app tier's
   * service ports (`peerPorts`), both ways: the peer calls this VPC's app tier, and this app tier
   * calls the peer's. Replies go back on TCP 1024–65535 (in from anywhere already, out to the peers
   * by an own rule). Peers never reach the data or public tiers through these rules.
   * @default {}
   */
  readonly peerIpv4CidrBlocks?: NamedRanges;
  /**
   * TCP ports the app tier serves to and opens towards `peerIpv4CidrBlocks`: HTTPS and the app
   * tier's service port (`SecurityGroupTiers.appPort`); security groups still decide per workload.
   * CAUTION: rule numbers follow the sorted ports; adding a port below another renumbers (replaces) its rules.
   * @default [443, 8080]
   */
  readonly peerPorts?: readonly number[];
  /**
   * TCP ports of the data tier, open only to the app tier's subnets.
   * CAUTION: rule numbers follow the sorted ports; adding a port below another renumbers (replaces) its rules.
   * @default DEFAULT_DATABASE_PORTS ([5432, 3306])
   */
  readonly databasePorts?: readonly number[];
  /**
   * TCP ports the app tier may open to any address: the internet through the central egress path,
   * and the public addresses behind S3 and DynamoDB gateway endpoints (so keep 443).
   * @default [443]
   */
  readonly appInternetPorts?: readonly number[];
  /** Rules allowed per ACL and direction: the account's "Rules per network ACL" quota. @default 20 */
  readonly rulesPerDirectionQuota?: number;
}

type Direction = 'ingress' | 'egress';
type Family = 'ipv4' | 'ipv6';

/** One logical rule; it becomes one ACL rule per peer range and address family. */
interface RuleSpec {
  readonly purpose: string;
  /** `path-mtu`: ICMP "fragmentation needed" (IPv4 type 3 code 4) and ICMPv6 "packet too big" (type 2). */
  readonly protocol: 'tcp' | 'all' | 'path-mtu';
  readonly ports?: readonly [number, number];
  readonly peers: Readonly<Record<Family, NamedRanges>>;
}

const EPHEMERAL_PORTS = [1024, 65535] as const;
const DEFAULT_PEER_PORTS: readonly number[] = [443, 8080];
/** Key of the single "anywhere" peer: its rules are named by purpose only (`ingress-https-ipv4`). */
const ANYWHERE = '';
const MAX_RANGES_PER_BLOCK = 10;

/**
 * A network ACL per tier for IPv4 and IPv6. NACLs are stateless and coarse: they bound which
 * ranges a tier talks to, and security groups (security-group-tiers.ts) pick the ports.
 *
 * - public: in 443 and 80 from anywhere, plus TCP 1024–65535 from anywhere (return traffic); out all
 *   to the app subnets (load balancer to targets) and TCP 1024–65535 to anywhere (responses to clients).
 *   Public-tier hosts cannot open connections to the internet: put them in the app tier.
 * - app: in all from the public and app subnets and shared services, plus TCP 1024–65535 from anywhere
 *   (responses to the app tier's own outbound connections, including from the data tier); out all to
 *   the public, app and data subnets and shared services (the data ACL enforces database ports), and
 *   `appInternetPorts` to anywhere.
 * - public and app also accept ICMP "fragmentation needed" / ICMPv6 "packet too big" from anywhere,
 *   without which path MTU discovery (and so IPv6 to the internet) breaks.
 * - app and peered VPCs (`peerIpv4CidrBlocks`): in and out only `peerPorts`, plus TCP 1024–65535 out
 *   (replies to the peers' connections); the peers' replies come in on the ephemeral rule above.
 * - data: in only the database ports from the app subnets; out only TCP 1024–65535 to the app subnets.
 *
 * Numbering: the k-th logical rule of a direction owns rule numbers 100 + 200k (IPv4) and
 * 200 + 200k (IPv6), its ranges taking +0, +10, +20… in name order — gaps for manual rules. Adding a
 * family, or a range whose name sorts last (the next zone letter), never renumbers another rule;
 * CAUTION: a name that sorts earlier renumbers (replaces) the rules after it in its block.
 */
export class NetworkAcls extends Construct {
  private readonly acls = new Map<Tier, NetworkAcl>();

  constructor(scope: Construct, id: string, props: NetworkAclsProps) {
    super(scope, id);
    const plans = planRules(props);
    validate(props, plans);
    for (const [tier, plan] of plans) {
      const acl = new NetworkAcl(this, `${tier}-network-acl`, {
        vpcId: props.vpcId,
        subnetIds: [...props.tiers[tier]!.subnetIds],
        tags: { Name: `${props.name}-${tier}`, Tier: tier },
      });
      this.acls.set(tier, acl);
      for (const rule of plan) {
        new NetworkAclRule(this, `${tier}-${rule.id}`, {
          networkAclId: acl.id,
          egress: rule.direction === 'egress',
          ruleNumber: rule.number,
          ruleAction: 'allow',
          ...rule.protocol,
          ...(rule.family === 'ipv4' ? { cidrBlock: rule.cidr } : { ipv6CidrBlock: rule.cidr }),
        });
      }
    }
  }

  /** Id of a tier's network ACL. */
  networkAclId(tier: Tier): string {
    const acl = this.acls.get(tier);
    if (!acl) throw new Error(`NetworkAcls: no ${tier} tier was given`);
    return acl.id;
  }
}

/** The `tiers` prop for a TieredVpc: IPv4 ranges by zone letter, and each tier's IPv6 /60 as `all-zones`. */
export function networkAclTiersOf(vpc: TieredVpc): Partial<Record<Tier, TierRanges>> {
  return Object.fromEntries(
    vpc.tiers.map((tier) => [
      tier,
      {
        subnetIds: vpc.subnetIds(tier),
        ipv4CidrBlocks: vpc.subnetCidrBlocks(tier),
        ipv6CidrBlocks: vpc.ipv6CidrBlock ? { 'all-zones': vpc.tierIpv6CidrBlock(tier) } : {},
      },
    ]),
  );
}

interface PlannedRule {
  readonly id: string;
  readonly direction: Direction;
  readonly number: number;
  readonly protocol: { protocol: string; fromPort?: number; toPort?: number; icmpType?: number; icmpCode?: number };
  readonly family: Family;
  readonly cidr: string;
}

function planRules(props: NetworkAclsProps): Map<Tier, PlannedRule[]> {
  const tiers = props.tiers;
  const ipv6 = Object.values(tiers).some((ranges) => Object.keys(ranges?.ipv6CidrBlocks ?? {}).length > 0);
  const anywhere: RuleSpec['peers'] = { ipv4: { [ANYWHERE]: '0.0.0.0/0' }, ipv6: ipv6 ? { [ANYWHERE]: '::/0' } : {} };
  const subnetsOf = (tier: Tier): RuleSpec['peers'] => ({
    ipv4: tiers[tier]?.ipv4CidrBlocks ?? {},
    ipv6: tiers[tier]?.ipv6CidrBlocks ?? {},
  });
  const sharedServices = { ipv4: props.sharedServicesIpv4CidrBlocks ?? {}, ipv6: props.sharedServicesIpv6CidrBlocks ?? {} };
  const peers = { ipv4: props.peerIpv4CidrBlocks ?? {}, ipv6: {} };
  const pathMtu: RuleSpec = { purpose: 'path-mtu', protocol: 'path-mtu', peers: anywhere };
  // Peer rules come last in each direction, so adding the first peering renumbers no existing rule.
  const peerPorts = sorted(props.peerPorts ?? DEFAULT_PEER_PORTS);

  const rules: Record<Tier, Record<Direction, RuleSpec[]>> = {
    public: {
      ingress: [tcp('https', 443, anywhere), tcp('http', 80, anywhere), ephemeral('ephemeral', anywhere), pathMtu],
      egress: [all('to-app', subnetsOf('app')), ephemeral('ephemeral', anywhere)],
    },
    app: {
      ingress: [
        all('from-public', subnetsOf('public')),
        all('from-app', subnetsOf('app')),
        all('from-shared-services', sharedServices),
        ephemeral('ephemeral', anywhere),
        pathMtu,
        ...peerPorts.map((port) => tcp(`${portName(port)}-from-peers`, port, peers)),
      ],
      egress: [
        all('to-public', subnetsOf('public')),
        all('to-app', subnetsOf('app')),
        all('to-data', subnetsOf('data')),
        all('to-shared-services', sharedServices),
        ...sorted(props.appInternetPorts ?? [443]).map((port) => tcp(portName(port), port, anywhere)),
        ephemeral('ephemeral-to-peers', peers),
        ...peerPorts.map((port) => tcp(`${portName(port)}-to-peers`, port, peers)),
      ],
    },
    data: {
      ingress: sorted(props.databasePorts ?? DEFAULT_DATABASE_PORTS).map((port) =>
        tcp(`${portName(port)}-from-app`, port, subnetsOf('app')),
      ),
      egress: [ephemeral('ephemeral-to-app', subnetsOf('app'))],
    },
  };
  const plans = new Map<Tier, PlannedRule[]>();
  for (const tier of ['public', 'app', 'data'] as const) {
    if (!tiers[tier]) continue;
    plans.set(tier, [...expand('ingress', rules[tier].ingress), ...expand('egress', rules[tier].egress)]);
  }
  return plans;
}

const tcp = (purpose: string, port: number, peers: RuleSpec['peers']): RuleSpec => ({
  purpose,
  protocol: 'tcp',
  ports: [port, port],
  peers,
});
const all = (purpose: string, peers: RuleSpec['peers']): RuleSpec => ({ purpose, protocol: 'all', peers });
const ephemeral = (purpose: string, peers: RuleSpec['peers']): RuleSpec => ({ purpose, protocol: 'tcp', ports: EPHEMERAL_PORTS, peers });
const sorted = (ports: readonly number[]) => [...ports].sort((a, b) => a - b);

function expand(direction: Direction, specs: readonly RuleSpec[]): PlannedRule[] {
  return specs.flatMap((spec, position) =>
    (['ipv4', 'ipv6'] as const).flatMap((family) => {
      const block = 100 + 200 * position + (family === 'ipv6' ? 100 : 0);
      return Object.keys(spec.peers[family])
        .sort()
        .map((name, index) => ({
          id: [direction, spec.purpose, name, family].filter(Boolean).join('-'),
          direction,
          number: block + 10 * index,
          protocol: naclProtocol(spec, family),
          family,
          cidr: spec.peers[family][name],
        }));
    }),
  );
}

function naclProtocol(spec: RuleSpec, family: Family): PlannedRule['protocol'] {
  if (spec.protocol === 'all') return { protocol: '-1', fromPort: 0, toPort: 0 };
  if (spec.protocol === 'tcp') return { protocol: 'tcp', fromPort: spec.ports![0], toPort: spec.ports![1] };
  return family === 'ipv4' ? { protocol: '1', icmpType: 3, icmpCode: 4 } : { protocol: '58', icmpType: 2, icmpCode: 0 };
}

function validate(props: NetworkAclsProps, plans: Map<Tier, PlannedRule[]>): void {
  const owner = `NetworkAcls ${props.name}`;
  if (plans.size === 0) throw new Error(`${owner}: give at least one tier in tiers`);
  for (const [tier, ranges] of Object.entries(props.tiers)) {
    if (ranges && ranges.subnetIds.length === 0)
      throw new Error(`${owner}: tiers.${tier}.subnetIds is empty; give the tier's subnets or leave the tier out`);
  }
  for (const [prop, ports] of [
    ['databasePorts', props.databasePorts],
    ['appInternetPorts', props.appInternetPorts],
    ['peerPorts', props.peerPorts],
  ] as const) {
    if (ports) validatePorts(owner, prop, ports, { allowEmpty: true });
  }
  const namedRanges: [string, NamedRanges | undefined][] = [
    ['sharedServicesIpv4CidrBlocks', props.sharedServicesIpv4CidrBlocks],
    ['sharedServicesIpv6CidrBlocks', props.sharedServicesIpv6CidrBlocks],
    ['peerIpv4CidrBlocks', props.peerIpv4CidrBlocks],
    ...Object.entries(props.tiers).flatMap(([tier, ranges]): [string, NamedRanges | undefined][] => [
      [`tiers.${tier}.ipv4CidrBlocks`, ranges?.ipv4CidrBlocks],
      [`tiers.${tier}.ipv6CidrBlocks`, ranges?.ipv6CidrBlocks],
    ]),
  ];
  for (const [prop, ranges] of namedRanges) {
    validateConstructNames(owner, `${prop} name`, Object.keys(ranges ?? {}));
    for (const [name, cidr] of Object.entries(ranges ?? {})) {
      if (!Token.isUnresolved(cidr) && /^(0\.0\.0\.0|::)\/0$/.test(cidr.trim()))
        throw new Error(`${owner}: ${prop}.${name} is ${cidr}, which would open every port to anywhere; give the actual ranges`);
    }
    if (Object.keys(ranges ?? {}).length > MAX_RANGES_PER_BLOCK)
      throw new Error(`${owner}: ${prop} has more than ${MAX_RANGES_PER_BLOCK} ranges; summarize them into fewer blocks`);
  }
  const quota = props.rulesPerDirectionQuota ?? 20;
  for (const [tier, plan] of plans) {
    for (const direction of ['ingress', 'egress'] as const) {
      const count = plan.filter((rule) => rule.direction === direction).length;
      if (count > quota)
        throw new Error(
          `${owner}: the ${tier} ACL needs ${count} ${direction} rules, over rulesPerDirectionQuota (${quota}); ` +
            `summarize ranges (e.g. one IPv6 /60 per tier), or raise the "Rules per network ACL" quota and rulesPerDirectionQuota`,
        );
    }
  }
}
