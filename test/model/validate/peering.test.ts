import { append, at, baseTexts, change, DEV, PROD, ruleProblems, twoEnvironments } from './fixtures';

const peering = (body: string) => append(baseTexts(), DEV, `peerings:\n  link:\n${body}`);
const ORDERS_TO_PAYMENTS = '    requester: orders-dev\n    accepter: payments-dev\n';

describe('peering rules', () => {
  describe('peering/sides-exist', () => {
    it('passes sides that name VPCs, here and in another environment', () => {
      const texts = append(twoEnvironments(), DEV, 'peerings:\n  link:\n    requester: orders-dev\n    accepter: prod/payments-prod\n');
      expect(ruleProblems('peering/sides-exist', texts)).toEqual([]);
    });

    it('fails a side that is not a VPC, suggesting the nearest', () => {
      const texts = peering('    requester: orders-dev\n    accepter: payment-dev\n');
      expect(ruleProblems('peering/sides-exist', texts)).toEqual([
        `${at(texts, DEV, 'accepter')}: peerings.link.accepter "payment-dev" is not a VPC of the organization — use one of: egress, orders-dev, payments-dev (did you mean payments-dev?), or <environment>/<name> for another environment`,
      ]);
    });
  });

  describe('peering/requester-in-environment', () => {
    it("passes a requester of the peering's environment", () => {
      expect(ruleProblems('peering/requester-in-environment', peering(ORDERS_TO_PAYMENTS))).toEqual([]);
    });

    it('fails a requester of another environment', () => {
      const texts = append(twoEnvironments(), DEV, 'peerings:\n  link:\n    requester: prod/payments-prod\n    accepter: orders-dev\n');
      expect(ruleProblems('peering/requester-in-environment', texts)).toEqual([
        `${at(texts, DEV, 'requester')}: peerings.link.requester must be a VPC of this environment — move the peering to ${PROD}, or swap requester and accepter`,
      ]);
    });
  });

  describe('peering/distinct-sides', () => {
    it('passes two different VPCs', () => {
      expect(ruleProblems('peering/distinct-sides', peering(ORDERS_TO_PAYMENTS))).toEqual([]);
    });

    it('fails a VPC peered with itself, and no other pair rule fires for it', () => {
      const texts = peering('    requester: orders-dev\n    accepter: orders-dev\n    routeTiers: [data, public]\n');
      expect(ruleProblems('peering/distinct-sides', texts)).toEqual([
        `${at(texts, DEV, 'accepter')}: peerings.link.accepter is the requester itself — peer two different VPCs`,
      ]);
      expect(ruleProblems('peering/route-tiers-exist', texts)).toEqual([]);
    });
  });

  describe('peering/spoke-sides-only', () => {
    it('passes two spoke VPCs', () => {
      expect(ruleProblems('peering/spoke-sides-only', peering(ORDERS_TO_PAYMENTS))).toEqual([]);
    });

    it('fails a hub VPC as a side', () => {
      const texts = peering('    requester: orders-dev\n    accepter: egress\n');
      expect(ruleProblems('peering/spoke-sides-only', texts)).toEqual([
        `${at(texts, DEV, 'accepter')}: peerings.link.accepter is the hub VPC egress; peerings join spoke VPCs — reach hub VPCs through the Transit Gateway, or peer two spoke accounts`,
      ]);
    });
  });

  describe('peering/blocks-disjoint', () => {
    it('passes disjoint blocks', () => {
      expect(ruleProblems('peering/blocks-disjoint', peering(ORDERS_TO_PAYMENTS))).toEqual([]);
    });

    it('fails overlapping blocks', () => {
      const texts = change(peering(ORDERS_TO_PAYMENTS), DEV, 'cidr: 10.18.0.0/16', 'cidr: 10.17.0.0/20');
      expect(ruleProblems('peering/blocks-disjoint', texts)).toEqual([
        `${at(texts, DEV, 'link:')}: peerings.link peers orders-dev 10.17.0.0/20 with payments-dev 10.17.0.0/16, which overlap — peered VPCs must not overlap; renumber one of them`,
      ]);
    });
  });

  describe('peering/not-already-connected', () => {
    it('passes a peering to a VPC that is not attached to the Transit Gateway', () => {
      expect(ruleProblems('peering/not-already-connected', peering(ORDERS_TO_PAYMENTS))).toEqual([]);
    });

    it('fails a peering between VPCs that already meet at the Transit Gateway', () => {
      const texts = change(peering(ORDERS_TO_PAYMENTS), DEV, ', attachToTransitGateway: false', '');
      expect(ruleProblems('peering/not-already-connected', texts)).toEqual([
        `${at(texts, DEV, 'link:')}: peerings.link peers orders-dev and payments-dev, which already reach each other through the Transit Gateway — remove the peering, or set attachToTransitGateway: false on one of them`,
      ]);
    });
  });

  describe('peering/route-tiers-exist', () => {
    it('passes tiers both VPCs have', () => {
      expect(ruleProblems('peering/route-tiers-exist', peering(`${ORDERS_TO_PAYMENTS}    routeTiers: [app, data]\n`))).toEqual([]);
    });

    it('fails a tier one side lacks, once even when listed twice', () => {
      const texts = change(
        peering(`${ORDERS_TO_PAYMENTS}    routeTiers: [public, public]\n`),
        DEV,
        'vpc: { cidr: 10.18.0.0/16, attachToTransitGateway: false }',
        'vpc: { cidr: 10.18.0.0/16, attachToTransitGateway: false, subnets: { app: 24 } }',
      );
      expect(ruleProblems('peering/route-tiers-exist', texts)).toEqual([
        `${at(texts, DEV, 'routeTiers')}: peerings.link.routeTiers names the public tier, which orders-dev does not have — use tiers both VPCs have`,
      ]);
    });
  });

  describe('peering/destinations-inside-peer', () => {
    it("passes destinations inside the accepter's block", () => {
      expect(ruleProblems('peering/destinations-inside-peer', peering(`${ORDERS_TO_PAYMENTS}    destinations: [10.17.0.0/20]\n`))).toEqual(
        [],
      );
    });

    it('fails a destination beyond the peer, explaining that peering is not transitive', () => {
      const texts = peering(`${ORDERS_TO_PAYMENTS}    destinations: [10.17.0.0/20, 10.16.0.0/24]\n`);
      expect(ruleProblems('peering/destinations-inside-peer', texts)).toEqual([
        `${at(texts, DEV, '10.16.0.0/24', 2)}: peerings.link.destinations.1 10.16.0.0/24 is not inside payments-dev's own block 10.17.0.0/16: peering is not transitive, so orders-dev can never reach it through payments-dev — peer with that VPC directly, or reach it through the Transit Gateway`,
      ]);
    });
  });

  describe('peering/unique-pairs', () => {
    it('passes one peering per pair', () => {
      expect(ruleProblems('peering/unique-pairs', peering(ORDERS_TO_PAYMENTS))).toEqual([]);
    });

    it('fails the same pair peered again under another name, and the other way round', () => {
      const texts = append(
        peering(ORDERS_TO_PAYMENTS),
        DEV,
        '  again:\n    requester: orders-dev\n    accepter: payments-dev\n  back:\n    requester: payments-dev\n    accepter: orders-dev\n',
      );
      expect(ruleProblems('peering/unique-pairs', texts)).toEqual([
        `${at(texts, DEV, 'again:')}: peerings.again peers orders-dev and payments-dev, which peerings.link already peers — keep one peering per pair of VPCs; remove this one`,
        `${at(texts, DEV, 'back:')}: peerings.back peers payments-dev and orders-dev, which peerings.link already peers — keep one peering per pair of VPCs; remove this one`,
      ]);
    });
  });

  describe('peering/fixed-blocks', () => {
    it('passes two VPCs with fixed blocks', () => {
      expect(ruleProblems('peering/fixed-blocks', peering(ORDERS_TO_PAYMENTS))).toEqual([]);
    });

    it('fails a side whose block comes from IPAM', () => {
      const texts = change(peering(ORDERS_TO_PAYMENTS), DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { ipamNetmask: 18 }');
      expect(ruleProblems('peering/fixed-blocks', texts)).toEqual([
        `${at(texts, DEV, 'accepter:')}: peerings.link.accepter is payments-dev, whose block comes from IPAM and is not known until it is allocated — give payments-dev a fixed cidr to peer it, or reach it through the Transit Gateway`,
      ]);
    });
  });

  describe('peering/unique-names-per-vpc', () => {
    const crossEnvironment = (prodName: string) =>
      append(
        append(twoEnvironments(), DEV, 'peerings:\n  link:\n    requester: payments-dev\n    accepter: prod/payments-prod\n'),
        PROD,
        `peerings:\n  ${prodName}:\n    requester: payments-prod\n    accepter: dev/orders-dev\n`,
      );

    it("passes a VPC's peerings with different names", () => {
      expect(ruleProblems('peering/unique-names-per-vpc', crossEnvironment('back'))).toEqual([]);
    });

    it('fails two peerings of one VPC with the same name in different environments', () => {
      const texts = crossEnvironment('link');
      expect(ruleProblems('peering/unique-names-per-vpc', texts)).toEqual([
        `${at(texts, PROD, 'link:')}: peerings.link is a second peering of payments-prod named link (environments/dev.yaml has the other) — rename one of the peerings`,
      ]);
    });
  });
});
