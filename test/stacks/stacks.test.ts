import { edit, sampleModel, sampleTexts } from '../support/config';
import { providers, synthesize, type StackJson } from '../support/synth';

const model = sampleModel();
const offline = synthesize(model, 'offline');
const live = synthesize(model, 'live');

const resourcesOf = (stack: StackJson, type: string): StackJson[] => Object.values(stack.resource?.[type] ?? {});

describe('stack set', () => {
  it('has org, a hub per environment, a spoke per workload account, a workloads stack per account with workloads and a resilience stack per account with experiments', () => {
    expect(Object.keys(offline.stacks).sort()).toEqual([
      'dev-network-hub',
      'dev-resilience-orders-dev',
      'dev-resilience-payments-dev',
      'dev-spoke-legacy-dev',
      'dev-spoke-orders-dev',
      'dev-spoke-payments-dev',
      'dev-workloads-orders-dev',
      'dev-workloads-payments-dev',
      'log-archive',
      'network-ipam',
      'org',
      'prod-network-hub',
      'prod-resilience-analytics-prod',
      'prod-resilience-orders-prod',
      'prod-resilience-payments-prod',
      'prod-spoke-analytics-prod',
      'prod-spoke-orders-prod',
      'prod-spoke-payments-preprod',
      'prod-spoke-payments-prod',
      'prod-workloads-analytics-prod',
      'prod-workloads-orders-prod',
      'prod-workloads-payments-prod',
      'staging-network-hub',
      'staging-resilience-orders-staging',
      'staging-resilience-payments-staging',
      'staging-spoke-orders-staging',
      'staging-spoke-payments-staging',
      'staging-workloads-orders-staging',
      'staging-workloads-payments-staging',
    ]);
  });

  it('deploys org first, then the organization-wide stacks, each hub, its spokes, and a peering accepter before its requester', () => {
    expect(offline.dependencies['org']).toEqual([]);
    expect(offline.dependencies['log-archive']).toEqual(['org']);
    expect(offline.dependencies['network-ipam']).toEqual(['org']);
    expect(offline.dependencies['prod-network-hub'].sort()).toEqual(['log-archive', 'network-ipam', 'org']);
    expect(offline.dependencies['prod-spoke-orders-prod']).toEqual(['prod-network-hub']);
    expect(offline.dependencies['dev-spoke-legacy-dev'].sort()).toEqual(['dev-network-hub', 'dev-spoke-payments-dev']);
    expect(offline.dependencies['dev-resilience-orders-dev']).toEqual(['dev-workloads-orders-dev']);
  });

  it('pins hashicorp/aws 5.100.0 in every stack', () => {
    for (const stack of Object.values(offline.stacks))
      expect(stack.terraform.required_providers.aws).toEqual({ source: 'aws', version: '5.100.0' });
  });
});

describe('offline synth', () => {
  it('gives every provider dummy static credentials, the skip flags and no assume_role', () => {
    for (const stack of Object.values(offline.stacks)) {
      for (const provider of providers(stack)) {
        expect(provider).toMatchObject({
          access_key: 'offline-plan-only',
          secret_key: 'offline-plan-only',
          skip_credentials_validation: true,
          skip_requesting_account_id: true,
          skip_metadata_api_check: 'true',
        });
        expect(provider.assume_role).toBeUndefined();
      }
    }
  });

  it('makes the provider region invalid when Terraform applies, so it can never be deployed', () => {
    const [provider] = providers(offline.stacks['dev-network-hub']);
    expect(provider.region).toBe('${terraform.applying ? "offline-synth-cannot-be-deployed" : "eu-west-1"}');
  });

  it('reads no data source that calls AWS (only remote state and locally computed policy documents)', () => {
    const local = ['terraform_remote_state', 'aws_iam_policy_document'];
    for (const stack of Object.values(offline.stacks))
      expect(Object.keys(stack.data ?? {}).filter((type) => !local.includes(type))).toEqual([]);
  });

  it('keeps state local, inside the synth output', () => {
    expect(offline.stacks['dev-spoke-orders-dev'].terraform.backend).toEqual({
      local: { path: '../../offline-state/dev/dev-spoke-orders-dev.tfstate' },
    });
  });

  it('reads hub outputs with placeholders for a hub never applied, only for what the spoke reads', () => {
    const hub = offline.stacks['prod-spoke-orders-prod'].data.terraform_remote_state['hub-outputs'];
    expect(hub).toMatchObject({
      backend: 'local',
      config: { path: '../../offline-state/prod/prod-network-hub.tfstate' },
      defaults: {
        transit_gateway_id: expect.stringMatching(/^tgw-[0-9a-f]{17}$/),
        transit_gateway_route_table_ids: Object.fromEntries(
          ['egress', 'inspection', 'prod', 'shared'].map((table) => [table, expect.stringMatching(/^tgw-rtb-/)]),
        ),
        lattice_service_network_arn: expect.stringMatching(/^arn:aws:vpc-lattice:eu-west-1:\d{12}:servicenetwork\/sn-/),
        private_hosted_zone_ids: expect.objectContaining({ ssm: expect.stringMatching(/^Z/) }),
      },
    });
  });

  it('adopts no existing account (an import reads AWS)', () => {
    expect(offline.stacks['org'].import).toBeUndefined();
  });
});

describe('live synth', () => {
  it('assumes the deploy role in the target account, and refuses any other account', () => {
    const [provider] = providers(live.stacks['org']);
    expect(provider.assume_role).toEqual([
      { role_arn: 'arn:aws:iam::111111111111:role/OrganizationAccountAccessRole', session_name: 'aws-landing-zone' },
    ]);
    expect(provider.allowed_account_ids).toEqual(['111111111111']);
    expect(provider.access_key).toBeUndefined();
  });

  it('gives a spoke two providers: its own account, and the network account as an alias', () => {
    const [spoke, network] = providers(live.stacks['dev-spoke-payments-dev']);
    expect(spoke.alias).toBeUndefined();
    expect(spoke.assume_role[0].role_arn).toBe('arn:aws:iam::510000000001:role/OrganizationAccountAccessRole');
    expect(network).toMatchObject({
      alias: 'network',
      assume_role: [{ role_arn: 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole' }],
    });
    const association = resourcesOf(live.stacks['dev-spoke-payments-dev'], 'aws_ec2_transit_gateway_route_table_association')[0];
    expect(association.provider).toBe('aws.network');
  });

  it("reads a newly vended account's id from the org stack's outputs", () => {
    const [spoke] = providers(live.stacks['prod-spoke-analytics-prod']);
    expect(spoke.assume_role[0].role_arn).toBe(
      'arn:aws:iam::${data.terraform_remote_state.org-outputs.outputs.account_ids["analytics-prod"]}:role/OrganizationAccountAccessRole',
    );
    expect(spoke.allowed_account_ids).toBeUndefined();
    const share = resourcesOf(live.stacks['prod-network-hub'], 'aws_ram_principal_association').map((association) => association.principal);
    expect(share).toContain('${data.terraform_remote_state.org-outputs.outputs.account_ids["analytics-prod"]}');
  });

  it('reads remote state without placeholders (a missing producer is an error, not a guess)', () => {
    expect(live.stacks['dev-spoke-orders-dev'].data.terraform_remote_state['hub-outputs'].defaults).toBeUndefined();
  });

  it('adopts accounts that already exist with import blocks, and creates the new ones', () => {
    const imports = live.stacks['org'].import as { id: string; to: string }[];
    expect(imports.map((entry) => entry.id).sort()).toEqual([
      '222222222222',
      '333333333333',
      '444444444444',
      '510000000001',
      '510000000002',
      '510000000003',
      '520000000001',
      '520000000002',
      '530000000001',
      '530000000002',
      '530000000004',
    ]);
  });
});

describe('org stack', () => {
  const org = offline.stacks['org'];

  it('vends every account with close_on_deletion off and prevent_destroy', () => {
    const accounts = resourcesOf(org, 'aws_organizations_account');
    expect(accounts).toHaveLength(model.accounts.length);
    for (const account of accounts) expect(account).toMatchObject({ close_on_deletion: false, lifecycle: { prevent_destroy: true } });
  });

  it('enables RAM sharing in the organization and publishes account ids', () => {
    expect(resourcesOf(org, 'aws_ram_sharing_with_organization')).toHaveLength(1);
    expect(Object.keys(org.output)).toEqual(['account_ids']);
  });
});

describe('network hub stack', () => {
  const hub = offline.stacks['dev-network-hub'];

  it('shares the Transit Gateway with every spoke account and publishes the hub contract', () => {
    const transitGatewayShare = Object.entries(hub.resource.aws_ram_principal_association)
      .filter(([name]) => name.startsWith('transit-gateway-share'))
      .map(([, association]) => (association as StackJson).principal);
    expect(transitGatewayShare.sort()).toEqual(['510000000001', '510000000002', '510000000003']);
    expect(Object.keys(hub.output).sort()).toEqual([
      'interface_endpoint_ids',
      'lattice_service_network_arn',
      'lattice_service_network_id',
      'private_hosted_zone_ids',
      'shared_services_cidrs',
      'transit_gateway_id',
      'transit_gateway_route_table_ids',
    ]);
  });

  it('describes every output of every stack', () => {
    for (const [name, stack] of Object.entries(offline.stacks)) {
      for (const [output, spec] of Object.entries<StackJson>(stack.output ?? {})) {
        expect(`${name}.${output}: ${typeof spec.description}`).toBe(`${name}.${output}: string`);
      }
    }
  });

  it('attaches the shared-services VPC to the shared segment', () => {
    const [, association] = Object.entries(hub.resource.aws_ec2_transit_gateway_route_table_association).find(([name]) =>
      name.startsWith('attachment-shared-services'),
    )!;
    expect((association as StackJson).transit_gateway_route_table_id).toMatch(/segment-shared/);
  });
});

describe('S3 state backend', () => {
  const texts = edit(sampleTexts(), 'environments/org.yaml', (doc) =>
    doc.setIn(['stateBackend'], {
      type: 's3',
      bucket: 'acme-state',
      region: 'eu-west-1',
      kmsKeyId: 'alias/state',
      roleArn: 'arn:aws:iam::111111111111:role/StateAccess',
    }),
  );
  const s3 = synthesize(sampleModel(texts), 'live');

  it('keys each stack as <env>/<stack>.tfstate, encrypted, with S3-native locking', () => {
    expect(s3.stacks['staging-network-hub'].terraform.backend.s3).toEqual({
      bucket: 'acme-state',
      key: 'staging/staging-network-hub.tfstate',
      region: 'eu-west-1',
      encrypt: true,
      kms_key_id: 'alias/state',
      assume_role: { role_arn: 'arn:aws:iam::111111111111:role/StateAccess' },
      use_lockfile: true,
    });
    expect(s3.stacks['org'].terraform.backend.s3.key).toBe('global/org.tfstate');
  });

  it('reads remote state from the same bucket and key', () => {
    const hub = s3.stacks['staging-spoke-orders-staging'].data.terraform_remote_state['hub-outputs'];
    expect(hub).toMatchObject({
      backend: 's3',
      config: { bucket: 'acme-state', key: 'staging/staging-network-hub.tfstate', region: 'eu-west-1' },
    });
  });

  it('still plans offline on local state', () => {
    expect(synthesize(sampleModel(texts), 'offline').stacks['org'].terraform.backend).toEqual({
      local: { path: '../../offline-state/global/org.tfstate' },
    });
  });
});
