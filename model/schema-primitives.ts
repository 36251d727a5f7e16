import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { Ipv4Cidr } from './cidr';

/* Building blocks of the config schema. Messages carry their fix after " — ". */

export const AccountName = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,30}$/,
    'is not a valid account name — use 2–31 lowercase letters, digits and hyphens, starting with a letter (it becomes part of stack names)',
  );

export const OuName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/,
    'is not a valid OU name — use up to 64 letters, digits, spaces, dots, underscores or hyphens',
  );

export const SegmentName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,30}$/, 'is not a valid segment name — use lowercase letters, digits and hyphens, e.g. prod');

export const AccountId = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : 'must be a quoted string of 12 digits — write it as id: "012345678901" (unquoted, YAML reads a number and drops leading zeros)',
  })
  .regex(/^\d{12}$/, 'must be exactly 12 digits — copy the account id from AWS Organizations');

/**
 * AWS regions (commercial, China, GovCloud). A name outside this list is a typo, and a typo in
 * allowedRegions becomes an organization-wide SCP that denies a real region. When AWS opens a
 * region, add it here.
 */
export const AWS_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'cn-north-1',
  'cn-northwest-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
] as const;

export const Region = z.enum(AWS_REGIONS, {
  error: (issue) => {
    if (typeof issue.input !== 'string') return undefined;
    const nearest = closest(issue.input, [...AWS_REGIONS]);
    const fix = distance(issue.input, nearest) <= 3 ? `did you mean ${nearest}?` : 'use a name such as eu-west-1';
    return `is not an AWS region name — ${fix} (schema/ lists every region)`;
  },
});

export const Email = z
  .email("is not a valid email address — use the account root user's address, e.g. aws+payments@example.com")
  .max(64, 'is longer than the 64 characters AWS Organizations accepts for an account email — use a shorter address');

/**
 * Dotted-decimal only: `010.0.0.0/16` is 8.0.0.0/16 to some readers and 10.0.0.0/16 to others,
 * and `10.1/16` or hex forms are read differently again, so the model and Terraform could plan
 * different networks.
 */
const CANONICAL_CIDR = /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}\/(0|[1-9]\d?)$/;

export const Ipv4CidrText = z.string().superRefine((text, ctx) => {
  if (!CANONICAL_CIDR.test(text)) {
    const decimal = /^\d+(\.\d+){3}\/\d+$/.test(text) ? text.replace(/\b0+(\d)/g, '$1') : undefined;
    const example = decimal ? `, e.g. ${decimal} if that is what you mean` : ', e.g. 10.0.0.0/16';
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(text)} is not a plain dotted-decimal CIDR block (leading zeros, hex and short forms are read differently by different tools) — write four decimal numbers and a prefix length${example}`,
    });
    return;
  }
  const parsed = Ipv4Cidr.parse(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: `${parsed.error} — fix the address or prefix length` });
});

export const VpcCidrText = Ipv4CidrText.superRefine((text, ctx) => {
  if (!CANONICAL_CIDR.test(text)) return;
  const parsed = Ipv4Cidr.parse(text);
  if (!('error' in parsed) && (parsed.prefixLength < 16 || parsed.prefixLength > 28)) {
    ctx.addIssue({ code: 'custom', message: `${text} is a /${parsed.prefixLength} — AWS allows VPC blocks from /16 to /28` });
  }
});

export const AvailabilityZones = z
  .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, 'is not an availability zone name — use names such as eu-west-1a'))
  .min(1, 'lists no availability zones — give between 1 and 6')
  .max(6, 'lists more than 6 availability zones — give between 1 and 6');

export const SubnetPrefixLength = z
  .int('must be a whole prefix length such as 24 — give the size of each subnet as /N')
  .min(16, 'is larger than a VPC can be — use a prefix length from 16 to 28')
  .max(28, 'is smaller than AWS allows — use a prefix length from 16 to 28');

export const ResourceName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,30}$/, 'is not a valid name — use 2–31 lowercase letters, digits and hyphens, starting with a letter');

/** Tags the landing zone sets itself (stacks/landing-zone-stack.ts defaultTags, org-stack.ts, each module's Name); a user's value would be overwritten. */
export const RESERVED_TAG_KEYS = ['ManagedBy', 'Organization', 'Stack', 'Environment', 'Name'] as const;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const TagKey = z
  .string()
  .min(1, 'is empty — give the tag a key')
  .max(128, 'is longer than the 128 characters AWS allows in a tag key — shorten it')
  .regex(TAG_CHARACTERS, 'has characters AWS does not allow in a tag key — use letters, digits, spaces and _ . : / = + - @')
  .refine((key) => !key.toLowerCase().startsWith('aws:'), 'starts with aws:, which AWS reserves for its own tags — choose another key')
  .refine((key) => !(RESERVED_TAG_KEYS as readonly string[]).includes(key), {
    message: `is a tag the landing zone sets on every resource (${RESERVED_TAG_KEYS.join(', ')}), so your value would be overwritten — choose another key`,
  });

const TagValue = z
  .string({ error: 'must be a string — quote it, e.g. "123"' })
  .max(256, 'is longer than the 256 characters AWS allows in a tag value — shorten it')
  .regex(TAG_CHARACTERS, 'has characters AWS does not allow in a tag value — use letters, digits, spaces and _ . : / = + - @');

export const Tags = z.record(TagKey, TagValue);

/** IAM role names: what IAM accepts, no path. */
export const IamRoleName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, 'is not an IAM role name — use 1–64 letters, digits and + = , . @ _ - (no path)');

/**
 * The organization's name starts S3 bucket names (`<name>-vpc-flow-logs-<account id>`, at most
 * 63 characters), the IPAM and the VPC Lattice service networks (`<name>-<environment>`), so it
 * follows the strictest of their rules.
 */
export const OrganizationName = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'is not a valid organization name — use lowercase letters, digits and single hyphens, e.g. acme (it starts S3 bucket, IPAM and VPC Lattice names)',
  )
  .max(36, 'is longer than 36 characters — shorten it: it starts the flow-log bucket name, which S3 limits to 63 characters');

/** S3 bucket naming rules for general purpose buckets. */
export const S3BucketName = z
  .string()
  .regex(
    /^(?!xn--|sthree-|amzn-s3-demo-)(?!.*(-s3alias|--ol-s3|--x-s3)$)(?!\d+\.\d+\.\d+\.\d+$)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    'is not a valid S3 bucket name — use 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
  );
