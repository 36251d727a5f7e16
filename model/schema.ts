import { z } from 'zod';
import { NetworkHubSchema, PeeringSchema, VpcSchema } from './network-schema';
import {
  AccountId,
  AccountName,
  AvailabilityZones,
  Email,
  IamRoleName,
  Ipv4CidrText,
  OrganizationName,
  OuName,
  Region,
  ResourceName,
  S3BucketName,
  SegmentName,
  Tags,
} from './schema-primitives';

/*
 * The one schema of the config: source of the TypeScript types, of runtime validation and of the
 * JSON Schema in schema/ (npm run schema). Messages carry their fix after " — ".
 */

export { DEFAULT_SUBNET_PREFIX_LENGTHS, TIERS, type TierName } from './network-schema';

const CoreAccount = z.strictObject({
  email: Email,
  id: AccountId.optional().describe("Known once the account exists; without it, stacks read the id from the org stack's outputs."),
  ou: OuName.describe('Name of the organizational unit the account belongs to.'),
  tags: Tags.default({}),
});

const WorkloadAccount = CoreAccount.extend({
  segment: SegmentName.optional().describe("TGW segment the account's VPC joins; defaults to the environment's segment."),
  vpc: VpcSchema.optional().describe("The account's spoke VPC; an account without one gets no spoke stack."),
});

const LocalBackend = z.strictObject({ type: z.literal('local') });
const S3Backend = z.strictObject({
  type: z.literal('s3'),
  bucket: S3BucketName,
  region: Region,
  keyPrefix: z.string().default('').describe('Prepended to `<env>/<stack>.tfstate`.'),
  kmsKeyId: z
    .string()
    .regex(
      /^(alias\/[\w/-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[\w/-]+)$/,
      'is not a KMS key id, alias or ARN — use e.g. alias/landing-zone-state or the key ARN',
    )
    .optional(),
  useLockfile: z.boolean().default(true).describe('S3-native state locking (Terraform >= 1.10).'),
  dynamodbTable: z
    .string()
    .regex(/^[\w.-]{3,255}$/, 'is not a DynamoDB table name — use 3–255 letters, digits, _ . and -')
    .optional(),
  roleArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'is not an IAM role ARN — use arn:aws:iam::<account-id>:role/<name>')
    .optional()
    .describe('Role to assume for state access; defaults to the credentials running Terraform.'),
});

const PolicyWaiver = z.strictObject({
  rule: z.string().regex(/^LZ-[A-Z]+-\d{3}$/, 'is not a policy rule id — use an id such as LZ-NET-001 (npm run check lists them)'),
  stack: z.string().min(1).default('*').describe('Stack the waiver applies to; * for every stack.'),
  resource: z.string().min(1).describe('Terraform address (type.name), or a glob with *.'),
  reason: z.string().min(10, 'is too short — say why the exception is acceptable, in at least 10 characters'),
  expires: z.iso.date('is not a date — use YYYY-MM-DD; every waiver expires').describe('Last day the waiver applies (YYYY-MM-DD).'),
});

export const OrgConfigSchema = z
  .strictObject({
    organization: z.strictObject({
      name: OrganizationName,
      rootId: z
        .string()
        .regex(/^r-[0-9a-z]{4,32}$/, 'is not an organization root id — copy it from AWS Organizations, e.g. r-ab12')
        .describe("The organization's root id (r-xxxx): the parent of top-level OUs."),
      managementAccountId: AccountId,
      homeRegion: Region,
      allowedRegions: z.array(Region).min(1, 'is empty — list at least the home region'),
      deployRoleName: IamRoleName.default('OrganizationAccountAccessRole').describe('Role every stack assumes in its target account.'),
      vendedAccountRoleName: IamRoleName.default('OrganizationAccountAccessRole').describe(
        'Role AWS Organizations creates in each vended account.',
      ),
      id: z
        .string()
        .regex(/^o-[a-z0-9]{10,32}$/, 'is not an organization id — copy it from AWS Organizations, e.g. o-a1b2c3d4e5')
        .describe('The organization id (o-xxxx); endpoint, bucket and Lattice policies allow only its principals.'),
      networkAccount: AccountName.default('network'),
      logArchiveAccount: AccountName.default('log-archive'),
      securityAccount: AccountName.default('security'),
      tags: Tags.default({}),
    }),
    organizationalUnits: z
      .record(OuName, z.strictObject({ parent: OuName.optional() }))
      .describe('OUs by name; `parent` names another OU, absent means under the root.'),
    guardrails: z
      .strictObject({
        attachTo: z.array(OuName).optional().describe('OUs the guardrail SCPs attach to; default: every top-level OU.'),
        denyLeavingOrganization: z.boolean().default(true),
        protectSecurityServices: z.boolean().default(true),
        restrictRegions: z.boolean().default(true),
      })
      .default({ denyLeavingOrganization: true, protectSecurityServices: true, restrictRegions: true }),
    accounts: z.record(AccountName, CoreAccount).describe('Organization-wide accounts (network, log archive, security), by name.'),
    network: z
      .strictObject({
        flowLogs: z
          .enum(['s3', 'cloud-watch-logs'])
          .default('s3')
          .describe('Flow logs to the central bucket in the log-archive account (s3) or to CloudWatch Logs per VPC.'),
        flowLogRetentionDays: z
          .int()
          .min(90, 'is too short — keep flow logs at least 90 days (30 in S3 Standard, then Infrequent Access and Glacier)')
          .default(365)
          .describe('Days flow logs are kept.'),
        ipam: z
          .strictObject({
            cidr: Ipv4CidrText.describe("The organization's IPv4 supernet; each environment's range becomes a regional pool inside it."),
            ipv6: z.boolean().default(true).describe('Also an Amazon-provided IPv6 pool per environment region.'),
          })
          .optional()
          .describe('VPC IPAM in the network account, pools shared through RAM; VPCs may then use ipamNetmask.'),
      })
      .default({ flowLogs: 's3', flowLogRetentionDays: 365 }),
    stateBackend: z.discriminatedUnion('type', [LocalBackend, S3Backend]).default({ type: 'local' }),
    policyWaivers: z
      .array(PolicyWaiver)
      .default([])
      .describe('Accepted exceptions to policy rules; each needs a reason and an expiry date.'),
  })
  .describe('Organization-wide landing-zone settings (environments/org.yaml).');

export const EnvironmentConfigSchema = z
  .strictObject({
    region: Region,
    availabilityZones: AvailabilityZones,
    cidr: Ipv4CidrText.describe("The environment's IPv4 address range; every VPC of the environment lies inside it."),
    segment: SegmentName.default('nonprod').describe("Default TGW segment of the environment's workload accounts."),
    prodSegments: z
      .array(SegmentName)
      .default(['prod'])
      .describe('Segments whose accounts count as production: ECS Exec and public cluster endpoints stay off there.'),
    ipv6: z.boolean().default(true).describe('Dual-stack VPCs by default (each VPC can override).'),
    flowLogs: z.enum(['s3', 'cloud-watch-logs']).optional().describe('Where VPC flow logs go; defaults to organization network.flowLogs.'),
    networkHub: NetworkHubSchema.default({ connect: [], transitGateway: { amazonSideAsn: 64512 }, lattice: true, vpcs: {} }),
    peerings: z
      .record(ResourceName, PeeringSchema)
      .default({})
      .describe('VPC peering connections by name (requester in this environment).'),
    accounts: z.record(AccountName, WorkloadAccount).describe('Workload accounts of this environment, by name.'),
  })
  .describe('One landing-zone environment (environments/<name>.yaml).');

export type OrgConfig = z.infer<typeof OrgConfigSchema>;
export type EnvironmentConfig = z.infer<typeof EnvironmentConfigSchema>;
export type WorkloadAccountConfig = z.infer<typeof WorkloadAccount>;
export type { HubVpcConfig, PeeringConfig, VpcConfig } from './network-schema';
export type StateBackendConfig = OrgConfig['stateBackend'];
