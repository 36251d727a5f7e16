import { z } from 'zod';
import { Ipv4Cidr } from './cidr';

/*
 * The one schema of the config: source of the TypeScript types, of runtime validation and of the
 * JSON Schema in schema/ (npm run schema). Messages carry their fix after " — ".
 */

export const TIERS = ['public', 'app', 'data'] as const;
export type TierName = (typeof TIERS)[number];

const AccountName = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,30}$/,
    'is not a valid account name — use 2–31 lowercase letters, digits and hyphens, starting with a letter (it becomes part of stack names)',
  );

const OuName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/,
    'is not a valid OU name — use up to 64 letters, digits, spaces, dots, underscores or hyphens',
  );

const SegmentName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,30}$/, 'is not a valid segment name — use lowercase letters, digits and hyphens, e.g. prod');

const AccountId = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : 'must be a quoted string of 12 digits — write it as id: "012345678901" (unquoted, YAML reads a number and drops leading zeros)',
  })
  .regex(/^\d{12}$/, 'must be exactly 12 digits — copy the account id from AWS Organizations');

const Region = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, 'is not an AWS region name — use a name such as eu-west-1');

const Email = z.email("is not a valid email address — use the account root user's address, e.g. aws+payments@example.com");

const Ipv4CidrText = z.string().superRefine((text, ctx) => {
  const parsed = Ipv4Cidr.parse(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: `${parsed.error} — fix the address or prefix length` });
});

const VpcCidrText = Ipv4CidrText.superRefine((text, ctx) => {
  const parsed = Ipv4Cidr.parse(text);
  if (!('error' in parsed) && (parsed.prefixLength < 16 || parsed.prefixLength > 28)) {
    ctx.addIssue({ code: 'custom', message: `${text} is a /${parsed.prefixLength} — AWS allows VPC blocks from /16 to /28` });
  }
});

const AvailabilityZones = z
  .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, 'is not an availability zone name — use names such as eu-west-1a'))
  .min(1, 'lists no availability zones — give between 1 and 6')
  .max(6, 'lists more than 6 availability zones — give between 1 and 6');

const SubnetPrefixLength = z
  .int('must be a whole prefix length such as 24 — give the size of each subnet as /N')
  .min(16, 'is larger than a VPC can be — use a prefix length from 16 to 28')
  .max(28, 'is smaller than AWS allows — use a prefix length from 16 to 28');

export const DEFAULT_SUBNET_PREFIX_LENGTHS = { public: 24, app: 20, data: 24 } as const;

const Subnets = z
  .strictObject({
    public: SubnetPrefixLength.optional().describe('Prefix length of each public subnet (one per AZ); omit for no public tier.'),
    app: SubnetPrefixLength.describe('Prefix length of each app subnet (one per AZ); the Transit Gateway attaches here.'),
    data: SubnetPrefixLength.optional().describe('Prefix length of each data subnet (one per AZ); omit for no data tier.'),
  })
  .describe('Prefix length of each subnet per tier, one subnet per tier and AZ.');

const Vpc = z.strictObject({
  cidr: VpcCidrText.describe("The VPC's IPv4 block; must lie inside its environment's `cidr`."),
  availabilityZones: AvailabilityZones.optional().describe("Defaults to the environment's availability zones."),
  subnets: Subnets.default(DEFAULT_SUBNET_PREFIX_LENGTHS),
});

const Tags = z.record(z.string(), z.string());

const CoreAccount = z.strictObject({
  email: Email,
  id: AccountId.optional().describe("Known once the account exists; without it, stacks read the id from the org stack's outputs."),
  ou: OuName.describe('Name of the organizational unit the account belongs to.'),
  tags: Tags.default({}),
});

const WorkloadAccount = CoreAccount.extend({
  segment: SegmentName.optional().describe("TGW segment the account's VPC joins; defaults to the environment's segment."),
  vpc: Vpc.optional().describe("The account's spoke VPC; an account without one gets no spoke stack."),
});

const HubVpc = Vpc.extend({
  segment: SegmentName.describe('TGW segment this hub VPC joins, e.g. shared (shared services).'),
});

const LocalBackend = z.strictObject({ type: z.literal('local') });
const S3Backend = z.strictObject({
  type: z.literal('s3'),
  bucket: z.string().min(3),
  region: Region,
  keyPrefix: z.string().default('').describe('Prepended to `<env>/<stack>.tfstate`.'),
  kmsKeyId: z.string().optional(),
  useLockfile: z.boolean().default(true).describe('S3-native state locking (Terraform >= 1.10).'),
  dynamodbTable: z.string().optional(),
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
      name: z.string().min(1),
      rootId: z
        .string()
        .regex(/^r-[0-9a-z]{4,32}$/, 'is not an organization root id — copy it from AWS Organizations, e.g. r-ab12')
        .describe("The organization's root id (r-xxxx): the parent of top-level OUs."),
      managementAccountId: AccountId,
      homeRegion: Region,
      allowedRegions: z.array(Region).min(1, 'is empty — list at least the home region'),
      deployRoleName: z
        .string()
        .min(1)
        .default('OrganizationAccountAccessRole')
        .describe('Role every stack assumes in its target account.'),
      vendedAccountRoleName: z
        .string()
        .min(1)
        .default('OrganizationAccountAccessRole')
        .describe('Role AWS Organizations creates in each vended account.'),
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
    networkHub: z
      .strictObject({
        account: AccountName.optional().describe('Account that owns the hub; defaults to organization.networkAccount.'),
        segments: z
          .array(SegmentName)
          .min(1)
          .optional()
          .describe("TGW route tables to create; defaults to the environment's segment plus shared."),
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
        vpcs: z.record(AccountName, HubVpc).default({}).describe('Hub VPCs (shared services and the like) by name.'),
      })
      .default({ transitGateway: { amazonSideAsn: 64512 }, vpcs: {} }),
    accounts: z.record(AccountName, WorkloadAccount).describe('Workload accounts of this environment, by name.'),
  })
  .describe('One landing-zone environment (environments/<name>.yaml).');

export type OrgConfig = z.infer<typeof OrgConfigSchema>;
export type EnvironmentConfig = z.infer<typeof EnvironmentConfigSchema>;
export type WorkloadAccountConfig = z.infer<typeof WorkloadAccount>;
export type VpcConfig = z.infer<typeof Vpc>;
export type StateBackendConfig = OrgConfig['stateBackend'];
