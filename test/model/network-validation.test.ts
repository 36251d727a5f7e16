import { edit, problemsOf, sampleTexts } from '../support/config';
import { at } from './validate/fixtures';

const sample = sampleTexts();
const DEV = 'environments/dev.yaml';
const STAGING = 'environments/staging.yaml';
const PROD = 'environments/prod.yaml';
const ORG = 'environments/org.yaml';

describe('network validation', () => {
  describe('peering', () => {
    it('rejects peered VPCs whose blocks overlap', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'legacy-dev', 'vpc', 'cidr'], '10.17.0.0/20'));
      expect(problemsOf(texts)).toContain(
        `${at(texts, DEV, 'legacy-to-payments:')}: peerings.legacy-to-payments peers legacy-dev 10.17.0.0/20 with payments-dev 10.17.0.0/16, which overlap — peered VPCs must not overlap; renumber one of them`,
      );
    });

    it('rejects a config that expects transit through a peer, explaining that peering is not transitive', () => {
      const texts = edit(sample, DEV, (doc) =>
        doc.setIn(['peerings', 'legacy-to-payments', 'destinations'], ['10.17.0.0/16', '10.16.0.0/20']),
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, '10.16.0.0/20', { after: 'destinations:' })}: peerings.legacy-to-payments.destinations.1 10.16.0.0/20 is not inside payments-dev's own block 10.17.0.0/16: peering is not transitive, so legacy-dev can never reach it through payments-dev — peer with that VPC directly, or reach it through the Transit Gateway`,
      ]);
    });

    it('reports a peering between VPCs that already reach each other through the Transit Gateway', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['peerings', 'direct'], { requester: 'payments-dev', accepter: 'orders-dev' }));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'direct:')}: peerings.direct peers payments-dev and orders-dev, which already reach each other through the Transit Gateway — remove the peering, or set attachToTransitGateway: false on one of them`,
        `${at(texts, DEV, 'accepter: orders-dev')}: peerings.direct.accepter is orders-dev, whose block comes from IPAM and is not known until it is allocated — give orders-dev a fixed cidr to peer it, or reach it through the Transit Gateway`,
      ]);
    });

    it('rejects a hub VPC as a side: hub VPCs are reached through the Transit Gateway', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['peerings', 'legacy-to-payments', 'accepter'], 'egress'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'accepter: egress')}: peerings.legacy-to-payments.accepter is the hub VPC egress; peerings join spoke VPCs — reach hub VPCs through the Transit Gateway, or peer two spoke accounts`,
      ]);
    });

    it('rejects a side that is not a VPC, suggesting the nearest', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['peerings', 'legacy-to-payments', 'accepter'], 'payment-dev'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'accepter: payment-dev')}: peerings.legacy-to-payments.accepter "payment-dev" is not a VPC of the organization — use one of: egress, legacy-dev, orders-dev, payments-dev, shared-services (did you mean payments-dev?), or <environment>/<name> for another environment`,
      ]);
    });
  });

  describe('segments', () => {
    it('never lets prod and nonprod connect', () => {
      const texts = edit(sample, PROD, (doc) => doc.setIn(['networkHub', 'connect'], [['prod', 'nonprod']]));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, PROD, '- prod', { after: 'connect:' })}: networkHub.connect.0 connects prod and nonprod — prod and nonprod can never reach each other; remove this pair`,
      ]);
    });

    it('rejects a hub service pointing at a VPC of the wrong role', () => {
      const texts = edit(sample, PROD, (doc) => doc.setIn(['networkHub', 'egress', 'vpc'], 'inspection'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, PROD, 'vpc: inspection')}: networkHub.egress.vpc "inspection" is a inspection VPC, not egress — point it at a hub VPC with role: egress`,
        `${at(texts, PROD, 'role: egress')}: networkHub.vpcs.egress.role is egress, but networkHub.egress does not use this VPC — set networkHub.egress.vpc: egress, or change the role`,
      ]);
    });
  });

  describe('IPv6', () => {
    it('rejects IPv6-only subnets in a VPC without IPv6', () => {
      const texts = edit(sample, STAGING, (doc) => {
        doc.setIn(['accounts', 'orders-staging', 'vpc', 'ipv6'], false);
        doc.setIn(['accounts', 'orders-staging', 'vpc', 'nat64'], false);
      });
      expect(problemsOf(texts)).toEqual([
        `${at(texts, STAGING, 'data:', { after: 'orders-staging:' })}: accounts.orders-staging.vpc.subnets.data is IPv6-only, but the VPC has no IPv6 — set ipv6: true on the VPC (or the environment), or drop ipv6Only`,
      ]);
    });

    it('rejects NAT64 without a NAT path', () => {
      const texts = edit(sample, DEV, (doc) => {
        doc.deleteIn(['networkHub', 'egress']);
        doc.deleteIn(['networkHub', 'vpcs', 'egress']);
        doc.setIn(['accounts', 'payments-dev', 'vpc', 'nat64'], true);
      });
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'nat64')}: accounts.payments-dev.vpc.nat64 has no NAT path: the environment has no central egress — add networkHub.egress with NAT gateways, or drop nat64`,
      ]);
    });
  });

  describe('endpoints', () => {
    it('rejects an interface endpoint service that is not in the allowed list', () => {
      const texts = edit(sample, DEV, (doc) =>
        doc.setIn(['networkHub', 'interfaceEndpoints', 'services'], ['ssm', 'ecr-api', 'sqs', 'execute-api']),
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'ecr-api')}: networkHub.interfaceEndpoints.services.1 "ecr-api" is not an interface endpoint service the landing zone supports — use one of: ec2, ec2messages, ecr.api, ecr.dkr, ecs, ecs-agent, ecs-telemetry, elasticloadbalancing, events, execute-api, kms, lambda, logs, monitoring, secretsmanager, sns, sqs, ssm, ssmmessages, states, sts, xray (did you mean ecr.api?)`,
      ]);
    });
  });

  describe('IPAM', () => {
    it('rejects a netmask that no longer fits the pool beside the fixed blocks', () => {
      const texts = edit(sample, DEV, (doc) => {
        doc.setIn(['cidr'], '10.16.0.0/14');
        doc.setIn(['accounts', 'orders-dev', 'vpc', 'ipamNetmask'], 16);
        doc.setIn(['accounts', 'reports-dev'], { email: 'aws+reports-dev@acme.example', ou: 'NonProd', vpc: { ipamNetmask: 16 } });
      });
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'ipamNetmask', { after: 'reports-dev:' })}: accounts.reports-dev.vpc.ipamNetmask /16 does not fit the environment's IPAM pool 10.16.0.0/14: no free block of that size is left beside the VPCs with fixed blocks — use a smaller block (a higher netmask), or free space in the range`,
      ]);
    });

    it('rejects an environment range outside the IPAM supernet', () => {
      const texts = edit(sample, ORG, (doc) => doc.setIn(['network', 'ipam', 'cidr'], '10.0.0.0/11'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, PROD, 'cidr: 10.48.0.0/12')}: cidr 10.48.0.0/12 does not fit the IPAM pool 10.0.0.0/11 of environments/org.yaml — choose a range inside network.ipam.cidr, or widen it`,
        `${at(texts, STAGING, 'cidr: 10.32.0.0/12')}: cidr 10.32.0.0/12 does not fit the IPAM pool 10.0.0.0/11 of environments/org.yaml — choose a range inside network.ipam.cidr, or widen it`,
      ]);
    });

    it('rejects ipamNetmask when IPAM is not configured', () => {
      const texts = edit(sample, ORG, (doc) => doc.deleteIn(['network', 'ipam']));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'ipamNetmask', { after: 'orders-dev:' })}: accounts.orders-dev.vpc.ipamNetmask needs IPAM, which is not configured — add network.ipam to environments/org.yaml, or give the VPC a cidr`,
      ]);
    });
  });
});
