import type { HubPlan, SpokePlan, StackPlan } from '../../../model/stack-plans';
import { edit, sampleModel, sampleTexts } from '../../support/config';

const model = sampleModel();
const plan = <K extends StackPlan['kind']>(name: string, kind: K) => {
  const found = model.stacks.find((candidate) => candidate.name === name);
  if (!found || found.kind !== kind) throw new Error(`no ${kind} plan named ${name}`);
  return found as Extract<StackPlan, { kind: K }>;
};

describe('stack plans', () => {
  it('emits one plan per stack, organization-wide stacks first', () => {
    expect(model.stacks.map((candidate) => `${candidate.kind}:${candidate.name}`).slice(0, 4)).toEqual([
      'org:org',
      'log-archive:log-archive',
      'ipam:network-ipam',
      'hub:dev-network-hub',
    ]);
    expect(new Set(model.stacks.map((candidate) => candidate.name)).size).toBe(model.stacks.length);
  });

  it('orders deployment through dependsOn: org, then log archive and IPAM, hub, spokes, accepters before requesters', () => {
    expect(plan('org', 'org').dependsOn).toEqual([]);
    expect(plan('network-ipam', 'ipam').dependsOn).toEqual(['org']);
    expect(plan('prod-network-hub', 'hub').dependsOn).toEqual(['org', 'log-archive', 'network-ipam']);
    expect(plan('dev-spoke-legacy-dev', 'spoke').dependsOn).toEqual(['dev-network-hub', 'dev-spoke-payments-dev']);
  });

  it('tags every stack with its organization, stack and environment', () => {
    expect(plan('prod-spoke-orders-prod', 'spoke').tags).toEqual({
      CostCenter: 'platform',
      ManagedBy: 'aws-landing-zone',
      Organization: 'acme',
      Stack: 'prod-spoke-orders-prod',
      Environment: 'prod',
    });
    expect(plan('org', 'org').tags).not.toHaveProperty('Environment');
  });

  it('gives a vended account without an id no id, so stacks read it from the org outputs', () => {
    const hub = plan('prod-network-hub', 'hub');
    expect(hub.shareWith.find((account) => account.name === 'analytics-prod')).toEqual({ name: 'analytics-prod' });
    expect(plan('prod-spoke-analytics-prod', 'spoke').providers[0]).toEqual({
      id: 'spoke',
      account: { name: 'analytics-prod' },
      region: 'eu-west-1',
    });
  });
});

describe('org, log-archive and IPAM plans', () => {
  it('tags each member account with its environment', () => {
    const account = plan('org', 'org').accounts.find((candidate) => candidate.name === 'orders-dev');
    expect(account).toEqual({
      name: 'orders-dev',
      email: 'aws+orders-dev@acme.example',
      ou: 'NonProd',
      id: '510000000002',
      tags: { Environment: 'dev' },
    });
  });

  it('exempts the deploy role from the guardrails', () => {
    expect(plan('org', 'org').guardrails).toMatchObject({
      exemptRoleNames: ['OrganizationAccountAccessRole'],
      namePrefix: 'acme-guardrail',
    });
  });

  it('keeps flow logs half the retention in Glacier and moves them to Infrequent Access after 30 days', () => {
    expect(plan('log-archive', 'log-archive').flowLogBucket).toMatchObject({
      namePrefix: 'acme-vpc-flow-logs-',
      transitionToInfrequentAccessDays: 30,
      transitionToGlacierDays: 182,
      expirationDays: 365,
    });
  });

  it('pools each region with its environments and reserves every fixed VPC block', () => {
    const ipam = plan('network-ipam', 'ipam');
    expect(ipam.regionalPools).toEqual({ 'eu-central-1': ['10.32.0.0/12'], 'eu-west-1': ['10.16.0.0/12', '10.48.0.0/12'] });
    expect(ipam.reservations['eu-west-1']).toMatchObject({ 'dev-payments-dev': '10.17.0.0/16', 'prod-inspection': '10.48.17.0/24' });
    expect(ipam.reservations['eu-west-1']).not.toHaveProperty('dev-orders-dev');
  });
});

describe('hub plan', () => {
  const hub: HubPlan = plan('prod-network-hub', 'hub');

  it('keys static routes and blackholes by route table and destination', () => {
    expect(hub.routing.staticRoutes['prod-0-0-0-0-0']).toEqual({ routeTable: 'prod', destination: '0.0.0.0/0', attachment: 'inspection' });
    expect(hub.routing.blackholes['prod-10-52-0-0-18']).toEqual({ routeTable: 'prod', destination: '10.52.0.0/18' });
  });

  it('lists propagations of the hub attachments only (spokes propagate from their stacks)', () => {
    expect(Object.keys(hub.routing.propagations)).toEqual(['shared-services']);
    expect(hub.routing.propagations['shared-services']).toEqual(
      expect.arrayContaining(['prod', 'nonprod', 'shared', 'egress', 'inspection']),
    );
  });

  it('names hub VPC resources <org>-<env>-<vpc> and gives the egress VPC its NAT placement', () => {
    const egress = hub.vpcs.find((vpc) => vpc.plan.role === 'egress');
    expect(egress).toMatchObject({ resourceName: 'acme-prod-egress', natGateways: 'per-az' });
  });

  it('gives the inspection VPC no egress-only gateway', () => {
    expect(hub.vpcs.find((vpc) => vpc.plan.role === 'inspection')?.egressOnlyGatewayTiers).toEqual([]);
  });
});

describe('spoke plan', () => {
  const spoke: SpokePlan = plan('prod-spoke-payments-preprod', 'spoke');

  it('associates with its segment and propagates where the routing intent says', () => {
    expect(spoke.transitGateway).toEqual({
      associatedRouteTable: 'nonprod',
      propagatedRouteTables: ['nonprod', 'shared', 'egress', 'inspection'],
    });
  });

  it('sends the app tier to the environment, the internet and nothing else through the TGW', () => {
    expect(spoke.vpc.transitRoutes).toEqual({ app: ['10.48.0.0/12', '0.0.0.0/0'] });
    expect(spoke.vpc.egressOnlyGatewayTiers).toEqual(['app']);
  });

  it('lets the shared-services ranges and the peers in, under separate names', () => {
    expect(spoke.networkAcl).toEqual({ sharedServices: { 'shared-services': '10.48.0.0/20' }, peers: {} });
    const legacy = plan('dev-spoke-legacy-dev', 'spoke');
    expect(legacy.networkAcl.peers).toEqual({ 'peer-legacy-to-payments': '10.17.0.0/16' });
    expect(plan('dev-spoke-payments-dev', 'spoke').networkAcl.peers).toEqual({ 'peer-legacy-to-payments': '10.19.0.0/20' });
  });

  it('reads the block of an IPAM-allocated shared-services VPC from the hub', () => {
    const texts = edit(sampleTexts(), 'environments/dev.yaml', (doc) => {
      doc.deleteIn(['networkHub', 'vpcs', 'shared-services', 'cidr']);
      doc.setIn(['networkHub', 'vpcs', 'shared-services', 'ipamNetmask'], 20);
    });
    const ipamModel = sampleModel(texts);
    const spokeOf = ipamModel.stacks.find((candidate) => candidate.name === 'dev-spoke-payments-dev') as SpokePlan;
    expect(spokeOf.networkAcl.sharedServices).toEqual({});
    expect(spokeOf.hub.ipamSharedServices).toEqual(['shared-services']);
    const hubOf = ipamModel.stacks.find((candidate) => candidate.name === 'dev-network-hub') as HubPlan;
    expect(hubOf.ipam).toEqual({ stackName: 'network-ipam', region: 'eu-west-1' });
  });

  it('requests its peerings with a provider in the accepter account', () => {
    const legacy = plan('dev-spoke-legacy-dev', 'spoke');
    expect(legacy.requestedPeerings.map((peering) => peering.accepter.stack.stackName)).toEqual(['dev-spoke-payments-dev']);
    expect(legacy.providers.map((provider) => provider.alias ?? provider.id)).toEqual(['spoke', 'network', 'peer-legacy-to-payments']);
    expect(legacy.transitGateway).toBeUndefined();
  });

  it('uses the hub endpoints unless the VPC has its own', () => {
    expect(spoke.interfaceEndpoints).toEqual({ kind: 'hub' });
    expect(spoke.hub.endpointServices).toContain('execute-api');
    const withoutHubEndpoints = sampleModel(
      edit(
        edit(sampleTexts(), 'environments/staging.yaml', (doc) => doc.deleteIn(['networkHub', 'interfaceEndpoints'])),
        'environments/staging/payments-staging.yaml',
        (doc) => doc.setIn(['serverless', 'restApis', 'payments', 'endpointType'], 'regional'),
      ),
    );
    const staging = withoutHubEndpoints.stacks.find((candidate) => candidate.name === 'staging-spoke-orders-staging') as SpokePlan;
    expect(staging.interfaceEndpoints).toEqual({ kind: 'none' });
  });
});
