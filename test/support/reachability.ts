import * as ipaddr from 'ipaddr.js';
import { TerraformGraph, type GraphResource } from './terraform-graph';

export const INTERNET_V4 = '8.8.8.8';
export const INTERNET_V6 = '2001:4860:4860::8888';
/** 8.8.8.8 through NAT64. */
export const INTERNET_V4_VIA_NAT64 = '64:ff9b::808:808';

export interface Trace {
  readonly reached: boolean;
  /** Hops in order: VPC names (by Name tag), `tgw:<route table>`, `nat`, `igw`, `eigw`, `firewall`, `peering`, `blackhole`. */
  readonly hops: readonly string[];
}

interface Route {
  readonly destination: string;
  readonly target: { kind: 'tgw' | 'igw' | 'eigw' | 'nat' | 'endpoint' | 'peering' | 'attachment' | 'blackhole'; key?: string };
  readonly static?: boolean;
}

/** Follows packets through VPC route tables, Transit Gateway route tables, NAT, firewalls and gateways. */
export class Reachability {
  private readonly graph: TerraformGraph;

  constructor(graph: TerraformGraph) {
    this.graph = graph;
  }

  /** The VPC whose Name tag is `name`. */
  vpc(name: string): GraphResource {
    const vpc = this.graph.ofType('aws_vpc').find((candidate) => candidate.values.tags?.Name === name);
    if (!vpc)
      throw new Error(
        `no VPC named ${name}; VPCs: ${this.graph
          .ofType('aws_vpc')
          .map((candidate) => candidate.values.tags?.Name)
          .join(', ')}`,
      );
    return vpc;
  }

  /** From a tier's subnets in `fromVpc` to `destination` (an address); reached when it arrives in `toVpc`, or the internet. */
  trace(fromVpc: string, tier: string, destination: string, toVpc?: string): Trace {
    const source = this.vpc(fromVpc);
    const table = this.routeTableOfTier(source, tier);
    const target = toVpc ? this.vpc(toVpc) : undefined;
    return this.walk(source, table, destination, target, [fromVpc], 0);
  }

  private walk(
    vpc: GraphResource,
    table: GraphResource | undefined,
    destination: string,
    target: GraphResource | undefined,
    hops: string[],
    depth: number,
  ): Trace {
    if (depth > 12) return { reached: false, hops: [...hops, 'loop'] };
    if (target && vpc.key === target.key) return { reached: true, hops };
    if (!table) return { reached: false, hops: [...hops, 'no-route-table'] };
    if (vpc.values.cidr_block && contains(vpc.values.cidr_block, destination))
      return { reached: target === undefined ? false : vpc.key === target.key, hops: [...hops, 'local'] };
    const route = longestMatch(this.vpcRoutes(table), destination);
    if (!route) return { reached: false, hops: [...hops, 'no-route'] };
    switch (route.target.kind) {
      case 'igw':
      case 'eigw':
        return { reached: target === undefined, hops: [...hops, route.target.kind] };
      case 'nat': {
        const nat = this.graph.resources.get(route.target.key!)!;
        const subnet = this.graph.resolve(nat.stack, nat.values.subnet_id)!;
        return this.walk(vpc, this.routeTableOfSubnet(subnet), nat64(destination), target, [...hops, 'nat'], depth + 1);
      }
      case 'endpoint': {
        const subnet = this.firewallSubnetOf(vpc);
        return this.walk(vpc, subnet ? this.routeTableOfSubnet(subnet) : undefined, destination, target, [...hops, 'firewall'], depth + 1);
      }
      case 'peering': {
        const peer = this.peerOf(route.target.key!, vpc);
        return peer && target && peer.key === target.key && contains(peer.values.cidr_block, destination)
          ? { reached: true, hops: [...hops, 'peering', peer.values.tags?.Name] }
          : { reached: false, hops: [...hops, 'peering'] };
      }
      case 'tgw':
        return this.throughTransitGateway(vpc, destination, target, hops, depth);
      default:
        return { reached: false, hops: [...hops, route.target.kind] };
    }
  }

  private throughTransitGateway(
    vpc: GraphResource,
    destination: string,
    target: GraphResource | undefined,
    hops: string[],
    depth: number,
  ): Trace {
    const attachment = this.attachmentOf(vpc);
    if (!attachment) return { reached: false, hops: [...hops, 'not-attached'] };
    const association = this.graph
      .ofType('aws_ec2_transit_gateway_route_table_association')
      .find((candidate) => this.graph.resolve(candidate.stack, candidate.values.transit_gateway_attachment_id) === attachment.key);
    if (!association) return { reached: false, hops: [...hops, 'not-associated'] };
    const routeTable = this.graph.resolve(association.stack, association.values.transit_gateway_route_table_id)!;
    const segment = this.graph.resources.get(routeTable)?.values.tags?.Segment ?? routeTable;
    const route = longestMatch(this.transitRoutes(routeTable), destination);
    const at = [...hops, `tgw:${segment}`];
    if (!route) return { reached: false, hops: [...at, 'no-route'] };
    if (route.target.kind === 'blackhole') return { reached: false, hops: [...at, 'blackhole'] };
    const next = this.graph.resources.get(route.target.key!)!;
    const nextVpc = this.graph.resources.get(this.graph.resolve(next.stack, next.values.vpc_id)!)!;
    const name = nextVpc.values.tags?.Name;
    if (target && nextVpc.key === target.key) return { reached: true, hops: [...at, name] };
    const subnet = this.graph.resolve(next.stack, next.values.subnet_ids?.[0]);
    return this.walk(nextVpc, subnet ? this.routeTableOfSubnet(subnet) : undefined, destination, target, [...at, name], depth + 1);
  }

  private routeTableOfTier(vpc: GraphResource, tier: string): GraphResource | undefined {
    const subnet = this.graph
      .ofType('aws_subnet')
      .find(
        (candidate) => candidate.values.tags?.Tier === tier && this.graph.resolve(candidate.stack, candidate.values.vpc_id) === vpc.key,
      );
    return subnet ? this.routeTableOfSubnet(subnet.key) : undefined;
  }

  private routeTableOfSubnet(subnetKey: string): GraphResource | undefined {
    const association = this.graph
      .ofType('aws_route_table_association')
      .find((candidate) => this.graph.resolve(candidate.stack, candidate.values.subnet_id) === subnetKey);
    return association ? this.graph.resources.get(this.graph.resolve(association.stack, association.values.route_table_id)!) : undefined;
  }

  private vpcRoutes(table: GraphResource): Route[] {
    const routes = this.graph
      .ofType('aws_route')
      .filter((route) => this.graph.resolve(route.stack, route.values.route_table_id) === table.key);
    return routes.map((route) => {
      const v = route.values;
      const destination = v.destination_cidr_block ?? v.destination_ipv6_cidr_block ?? v.destination_prefix_list_id;
      const ref = (value: unknown) => this.graph.resolve(route.stack, value);
      if (v.transit_gateway_id) return { destination, target: { kind: 'tgw' as const } };
      if (v.nat_gateway_id) return { destination, target: { kind: 'nat' as const, key: ref(v.nat_gateway_id) } };
      if (v.egress_only_gateway_id) return { destination, target: { kind: 'eigw' as const } };
      if (v.vpc_peering_connection_id) return { destination, target: { kind: 'peering' as const, key: ref(v.vpc_peering_connection_id) } };
      if (v.vpc_endpoint_id) return { destination, target: { kind: 'endpoint' as const } };
      return { destination, target: { kind: 'igw' as const } };
    });
  }

  private transitRoutes(routeTableKey: string): Route[] {
    const inTable = (resource: GraphResource) =>
      this.graph.resolve(resource.stack, resource.values.transit_gateway_route_table_id) === routeTableKey;
    const statics: Route[] = this.graph
      .ofType('aws_ec2_transit_gateway_route')
      .filter(inTable)
      .map((route) => ({
        destination: route.values.destination_cidr_block,
        static: true,
        target: route.values.blackhole
          ? { kind: 'blackhole' as const }
          : { kind: 'attachment' as const, key: this.graph.resolve(route.stack, route.values.transit_gateway_attachment_id) },
      }));
    const propagated: Route[] = this.graph
      .ofType('aws_ec2_transit_gateway_route_table_propagation')
      .filter(inTable)
      .flatMap((propagation) => {
        const attachment = this.graph.resources.get(
          this.graph.resolve(propagation.stack, propagation.values.transit_gateway_attachment_id)!,
        )!;
        const vpc = this.graph.resources.get(this.graph.resolve(attachment.stack, attachment.values.vpc_id)!)!;
        return vpc.values.cidr_block
          ? [{ destination: vpc.values.cidr_block, target: { kind: 'attachment' as const, key: attachment.key } }]
          : [];
      });
    return [...statics, ...propagated];
  }

  private attachmentOf(vpc: GraphResource): GraphResource | undefined {
    return this.graph
      .ofType('aws_ec2_transit_gateway_vpc_attachment')
      .find((candidate) => this.graph.resolve(candidate.stack, candidate.values.vpc_id) === vpc.key);
  }

  private firewallSubnetOf(vpc: GraphResource): string | undefined {
    const subnet = this.graph
      .ofType('aws_subnet')
      .find(
        (candidate) => candidate.values.tags?.Tier === 'data' && this.graph.resolve(candidate.stack, candidate.values.vpc_id) === vpc.key,
      );
    return subnet?.key;
  }

  private peerOf(peeringKey: string, from: GraphResource): GraphResource | undefined {
    const peering = this.graph.resources.get(peeringKey)!;
    const ends = [peering.values.vpc_id, peering.values.peer_vpc_id].map((value) => this.graph.resolve(peering.stack, value));
    const other = ends.find((key) => key !== from.key);
    return other ? this.graph.resources.get(other) : undefined;
  }
}

/** A NAT gateway translates 64:ff9b::/96 addresses to the IPv4 address they embed (NAT64). */
function nat64(address: string): string {
  if (!contains('64:ff9b::/96', address)) return address;
  const parts = (ipaddr.parse(address) as ipaddr.IPv6).parts;
  return ipaddr.fromByteArray([parts[6] >> 8, parts[6] & 255, parts[7] >> 8, parts[7] & 255]).toString();
}

function contains(cidr: string, address: string): boolean {
  try {
    const parsed = ipaddr.parseCIDR(cidr);
    const ip = ipaddr.parse(address);
    return ip.kind() === parsed[0].kind() && ip.match(parsed);
  } catch {
    return false;
  }
}

/** Longest-prefix match; on a tie a static route wins over a propagated one, as in a TGW route table. */
function longestMatch(routes: readonly Route[], address: string): Route | undefined {
  return routes
    .filter((route) => typeof route.destination === 'string' && contains(route.destination, address))
    .sort((a, b) => prefixOf(b.destination) - prefixOf(a.destination) || Number(b.static ?? false) - Number(a.static ?? false))[0];
}

function prefixOf(cidr: string): number {
  return Number(cidr.split('/')[1]);
}
