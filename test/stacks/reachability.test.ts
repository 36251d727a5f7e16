import { sampleModel } from '../support/config';
import { INTERNET_V4, INTERNET_V4_VIA_NAT64, INTERNET_V6, Reachability } from '../support/reachability';
import { synthesize } from '../support/synth';
import { TerraformGraph } from '../support/terraform-graph';

/*
 * Routing intent, computed from the synthesized Terraform of every stack (VPC route tables, TGW
 * associations, propagations, static and blackhole routes, NAT, firewall and gateways), for every
 * pair of VPCs of the sample organization that has a fixed address block.
 */
const model = sampleModel();
const reach = new Reachability(new TerraformGraph(synthesize(model)));

interface Vpc {
  readonly environment: string;
  readonly name: string;
  readonly tag: string;
  readonly segment: string;
  readonly role: string;
  readonly cidr: string;
  readonly attached: boolean;
}

const vpcs: Vpc[] = model.environments.flatMap((environment) =>
  [...environment.hub.vpcs, ...environment.spokes.map((spoke) => spoke.vpc)]
    .filter((vpc) => vpc.cidr)
    .map((vpc) => ({
      environment: environment.name,
      name: vpc.name,
      tag: `${model.organization.name}-${environment.name}-${vpc.name}`,
      segment: vpc.segment,
      role: vpc.role,
      cidr: vpc.cidr!,
      attached: vpc.attachToTransitGateway,
    })),
);
const workloads = vpcs.filter((vpc) => vpc.role === 'workload' && vpc.attached);
const sharedServices = vpcs.filter((vpc) => vpc.role === 'shared-services');
const addressIn = (cidr: string) => cidr.replace(/\.0\/\d+$/, '.10');
const pairs = <T>(items: readonly T[]) => items.flatMap((a, i) => items.filter((_, j) => j !== i).map((b) => [a, b] as const));

describe('routing intent of the sample organization', () => {
  it('has prod and nonprod workloads in one hub, so segmentation is really exercised', () => {
    const prod = workloads.filter((vpc) => vpc.environment === 'prod');
    expect(new Set(prod.map((vpc) => vpc.segment))).toEqual(new Set(['prod', 'nonprod']));
  });

  it('prod and nonprod never reach each other', () => {
    const crossing = pairs(workloads).filter(
      ([a, b]) => a.environment === b.environment && [a.segment, b.segment].sort().join() === 'nonprod,prod',
    );
    expect(crossing.length).toBeGreaterThan(0);
    for (const [a, b] of crossing) {
      const trace = reach.trace(a.tag, 'app', addressIn(b.cidr), b.tag);
      expect({ from: a.name, to: b.name, reached: trace.reached }).toEqual({ from: a.name, to: b.name, reached: false });
      expect(trace.hops).toContain('blackhole');
    }
  });

  it('every attached spoke reaches shared services, and shared services reach every spoke', () => {
    for (const spoke of workloads) {
      for (const shared of sharedServices.filter((candidate) => candidate.environment === spoke.environment)) {
        expect({ from: spoke.name, reached: reach.trace(spoke.tag, 'app', addressIn(shared.cidr), shared.tag).reached }).toEqual({
          from: spoke.name,
          reached: true,
        });
        expect({ to: spoke.name, reached: reach.trace(shared.tag, 'app', addressIn(spoke.cidr), spoke.tag).reached }).toEqual({
          to: spoke.name,
          reached: true,
        });
      }
    }
  });

  it('spokes of the same segment reach each other; environments never do', () => {
    for (const [a, b] of pairs(workloads)) {
      const expected = a.environment === b.environment && a.segment === b.segment;
      expect({ from: a.tag, to: b.tag, reached: reach.trace(a.tag, 'app', addressIn(b.cidr), b.tag).reached }).toEqual({
        from: a.tag,
        to: b.tag,
        reached: expected,
      });
    }
  });

  it("every spoke reaches the IPv4 internet only through its environment's egress NAT gateways (and the firewall in prod)", () => {
    for (const spoke of workloads) {
      const trace = reach.trace(spoke.tag, 'app', INTERNET_V4);
      const egress = `${model.organization.name}-${spoke.environment}-egress`;
      expect({ spoke: spoke.name, reached: trace.reached }).toEqual({ spoke: spoke.name, reached: true });
      expect(trace.hops.slice(-3)).toEqual([egress, 'nat', 'igw']);
      if (spoke.environment === 'prod') expect(trace.hops).toContain('firewall');
    }
  });

  it('IPv6 leaves an app tier only through its own egress-only gateway (outbound only)', () => {
    for (const spoke of workloads.filter(
      (vpc) => model.environments.find((e) => e.name === vpc.environment)!.spokes.find((s) => s.accountName === vpc.name)?.vpc.ipv6,
    )) {
      expect(reach.trace(spoke.tag, 'app', INTERNET_V6).hops).toEqual([spoke.tag, 'eigw']);
    }
  });

  it('NAT64 app tiers reach IPv4-only services through the central NAT gateways', () => {
    const nat64 = model.environments.flatMap((environment) =>
      environment.spokes
        .filter((spoke) => spoke.vpc.nat64)
        .map((spoke) => ({ environment: environment.name, tag: `${model.organization.name}-${environment.name}-${spoke.accountName}` })),
    );
    expect(nat64.length).toBeGreaterThan(0);
    for (const spoke of nat64) {
      expect(reach.trace(spoke.tag, 'app', INTERNET_V4_VIA_NAT64).hops).toEqual([
        spoke.tag,
        'tgw:nonprod',
        `${model.organization.name}-${spoke.environment}-egress`,
        'nat',
        'igw',
      ]);
    }
  });

  it('no data tier has a route to the internet, IPv4 or IPv6', () => {
    for (const vpc of vpcs.filter((candidate) => candidate.role === 'workload' || candidate.role === 'shared-services')) {
      for (const destination of [INTERNET_V4, INTERNET_V6]) {
        const trace = reach.trace(vpc.tag, 'data', destination);
        expect({ vpc: vpc.name, destination, reached: trace.reached }).toEqual({ vpc: vpc.name, destination, reached: false });
      }
    }
  });

  it('an unattached VPC is reachable only through its peering, which is not transitive', () => {
    const legacy = vpcs.find((vpc) => vpc.name === 'legacy-dev')!;
    const payments = vpcs.find((vpc) => vpc.name === 'payments-dev')!;
    const shared = sharedServices.find((vpc) => vpc.environment === 'dev')!;
    expect(reach.trace(legacy.tag, 'app', addressIn(payments.cidr), payments.tag).reached).toBe(true);
    expect(reach.trace(legacy.tag, 'app', addressIn(shared.cidr), shared.tag).reached).toBe(false);
    expect(reach.trace(legacy.tag, 'app', INTERNET_V4).reached).toBe(false);
  });
});
