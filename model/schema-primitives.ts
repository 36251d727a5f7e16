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

export const Region = z
  .string()
  .regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, 'is not an AWS region name — use a name such as eu-west-1');

export const Email = z.email("is not a valid email address — use the account root user's address, e.g. aws+payments@example.com");

export const Ipv4CidrText = z.string().superRefine((text, ctx) => {
  const parsed = Ipv4Cidr.parse(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: `${parsed.error} — fix the address or prefix length` });
});

export const VpcCidrText = Ipv4CidrText.superRefine((text, ctx) => {
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

export const Tags = z.record(z.string(), z.string());
