import { placeholderString } from '../../../pipeline/offline-diff/placeholders';
import { parseProviderSchemas } from '../../../pipeline/offline-diff/provider-schema';
import { sensitivePaths, stateFromPlan, type BasePlanJson } from '../../../pipeline/offline-diff/state-from-plan';
import { renderSummary } from '../../../pipeline/summary';
import { input, plan } from '../summary/fixtures';

const schemas = parseProviderSchemas({
  provider_schemas: {
    'registry.terraform.io/hashicorp/aws': {
      resource_schemas: {
        aws_vpc: { version: 1, block: { attributes: { id: { type: 'string' }, cidr_block: { type: 'string' }, arn: { type: 'string' } } } },
        aws_subnet: {
          version: 1,
          block: {
            attributes: {
              id: { type: 'string' },
              vpc_id: { type: 'string' },
              map_customer_owned_ip_on_launch: { type: 'bool' },
              identity: { type: ['list', ['object', { oidc: ['list', ['object', { issuer: 'string' }]] }]] },
            },
          },
        },
        aws_security_group: {
          version: 1,
          block: { attributes: { id: { type: 'string' }, ingress: { type: ['set', ['object', { cidr_blocks: ['list', 'string'] }]] } } },
        },
      },
    },
  },
});

const resource = (type: string, name: string, values: Record<string, unknown>) => ({
  address: `${type}.${name}`,
  mode: 'managed',
  type,
  name,
  provider_name: 'registry.terraform.io/hashicorp/aws',
  schema_version: 1,
  values,
});

const basePlan: BasePlanJson = {
  planned_values: {
    root_module: {
      resources: [
        resource('aws_vpc', 'main', { ipv4_netmask_length: 18, tags: { Name: 'a' } }),
        resource('aws_subnet', 'a', { cidr_block: '10.0.0.0/24' }),
        resource('aws_security_group', 'web', { ingress: [{ from_port: 443 }] }),
      ],
    },
    outputs: { vpc_id: { sensitive: false }, name: { sensitive: false, value: 'a' } },
  },
  resource_changes: [
    { address: 'aws_vpc.main', change: { after_unknown: { id: true, cidr_block: true, arn: true } } },
    {
      address: 'aws_subnet.a',
      change: { after_unknown: { id: true, vpc_id: true, map_customer_owned_ip_on_launch: true, identity: true } },
    },
    { address: 'aws_security_group.web', change: { after_unknown: { id: true, ingress: [{ cidr_blocks: true }] } } },
  ],
  configuration: {
    provider_config: { aws: { full_name: 'registry.terraform.io/hashicorp/aws' } },
    root_module: {
      resources: [
        { address: 'aws_vpc.main', provider_config_key: 'aws' },
        {
          address: 'aws_subnet.a',
          provider_config_key: 'aws.network',
          expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } },
        },
      ],
      outputs: { vpc_id: { expression: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } } },
    },
  },
};

type State = {
  resources: { type: string; provider: string; instances: { schema_version: number; attributes: Record<string, any> }[] }[];
  outputs: Record<string, { value: unknown; type: unknown }>;
};
const state = stateFromPlan(basePlan, { schemas, lineage: 'test' }) as State;
const attributes = (type: string) => state.resources.find((entry) => entry.type === type)!.instances[0].attributes;

describe('state from a base plan', () => {
  describe('with values known only after apply', () => {
    it('keeps every planned value', () => {
      expect(attributes('aws_vpc').tags).toEqual({ Name: 'a' });
      expect(attributes('aws_subnet').cidr_block).toBe('10.0.0.0/24');
    });

    it('fills ids shaped like AWS ids, ARNs like ARNs, CIDRs of the planned netmask, and other types by the schema', () => {
      expect(attributes('aws_vpc').id).toMatch(/^vpc-[0-9a-f]{17}$/);
      expect(attributes('aws_vpc').arn).toMatch(/^arn:aws:/);
      expect(attributes('aws_vpc').cidr_block).toBe('10.0.0.0/18');
      expect(attributes('aws_subnet').map_customer_owned_ip_on_launch).toBe(false);
    });

    it('shapes launch template ids as the provider checks them where a node group references one', () => {
      const template: BasePlanJson = {
        planned_values: { root_module: { resources: [resource('aws_launch_template', 'nodes', {})] } },
        resource_changes: [{ address: 'aws_launch_template.nodes', change: { after_unknown: { id: true } } }],
      };
      const ltSchemas = parseProviderSchemas({
        provider_schemas: {
          'registry.terraform.io/hashicorp/aws': {
            resource_schemas: { aws_launch_template: { version: 0, block: { attributes: { id: { type: 'string' } } } } },
          },
        },
      });
      const built = stateFromPlan(template, { schemas: ltSchemas }) as State;
      expect(built.resources[0].instances[0].attributes.id).toMatch(/^lt-[0-9a-f]{17}$/);
    });

    it('gives an unknown list of objects one element, so `identity[0].oidc[0].issuer` can be read', () => {
      expect(attributes('aws_subnet').identity).toEqual([{ oidc: [{ issuer: expect.stringMatching(/^https:\/\/offline-/) }] }]);
    });

    it('gives URL-like attributes (issuer, url, endpoint) a URL with a host, as the provider checks', () => {
      expect(attributes('aws_subnet').identity[0].oidc[0].issuer).toMatch(/^https:\/\/offline-[0-9a-f]{12}\.invalid$/);
    });

    it('fills unknowns nested in a block with the type of the nested attribute', () => {
      expect(attributes('aws_security_group').ingress).toEqual([{ from_port: 443, cidr_blocks: [] }]);
    });
  });

  describe('with a plain reference to another resource', () => {
    it("gives the referencing attribute the referenced resource's placeholder", () => {
      expect(attributes('aws_subnet').vpc_id).toBe(attributes('aws_vpc').id);
    });

    it('resolves outputs the same way and records their type', () => {
      expect(state.outputs.vpc_id).toEqual({ value: attributes('aws_vpc').id, type: 'string' });
      expect(state.outputs.name).toEqual({ value: 'a', type: 'string' });
    });
  });

  it('names the provider with its alias and keeps the schema version', () => {
    expect(state.resources.find((entry) => entry.type === 'aws_subnet')!.provider).toBe(
      'provider["registry.terraform.io/hashicorp/aws"].network',
    );
    expect(state.resources[0].instances[0].schema_version).toBe(1);
  });
});

describe('placeholders of values known after apply', () => {
  it("leaves a standard topic's FIFO throughput scope empty, as AWS does (the provider refuses it on a standard topic)", () => {
    expect(placeholderString('aws_sns_topic.alarms', 'fifo_throughput_scope')).toBe('');
    expect(placeholderString('aws_sns_topic.alarms', 'arn')).toBe('arn:aws:offline:eu-west-1:000000000000:aws_sns_topic.alarms.arn');
  });
});

describe('sensitive attributes of the state', () => {
  it('lists one path per sensitive value, through attributes and list indexes', () => {
    const mask = { value: true, tags: {}, rule: [{ secret: false }, { secret: true }] };
    expect(sensitivePaths(mask)).toEqual([
      [{ type: 'get_attr', value: 'value' }],
      [
        { type: 'get_attr', value: 'rule' },
        { type: 'index', value: { value: 1, type: 'number' } },
        { type: 'get_attr', value: 'secret' },
      ],
    ]);
  });

  it('lists nothing when nothing is sensitive', () => {
    expect(sensitivePaths({ tags: {}, ingress: [false] })).toEqual([]);
    expect(sensitivePaths(undefined)).toEqual([]);
  });
});

describe('summary of an offline diff', () => {
  it('says the diff is offline, against the ref, blind to drift, and that a live plan is preferred', () => {
    const text = renderSummary([input('org', plan([]))], { mode: 'offline', offlineDiffAgainst: 'origin/main' });
    expect(text).toContain('_Offline diff, against `origin/main` (no AWS credentials)');
    expect(text).toContain('drift is invisible');
    expect(text).toContain('the live plan is still preferred');
    expect(text).not.toContain('every resource shows as created');
  });
});
