import { Token } from 'cdktf';

/** Small prop checks shared by the container modules; every message names the prop and the fix. */

/** Values resolved only at apply (references, remote state) cannot be checked here. */
export function isKnown(value: string | number | undefined): value is string | number {
  return value !== undefined && !Token.isUnresolved(value);
}

export function checkName(where: string, prop: string, value: string, maxLength: number): void {
  if (!isKnown(value)) return;
  if (value.length > maxLength || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(value)) {
    throw new Error(
      `${where}: ${prop} "${value}" must be 1–${maxLength} lower-case letters, digits and hyphens, starting and ending with a letter or digit`,
    );
  }
}

export function checkAccountId(where: string, prop: string, value: string): void {
  if (isKnown(value) && !/^\d{12}$/.test(value)) throw new Error(`${where}: ${prop} "${value}" is not a 12-digit AWS account id`);
}

export function checkRegion(where: string, value: string): void {
  if (isKnown(value) && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(value)) {
    throw new Error(`${where}: region "${value}" is not a region name such as eu-west-1`);
  }
}

export function checkIntegerRange(where: string, prop: string, value: number | undefined, min: number, max: number, fix?: string): void {
  if (value === undefined || !isKnown(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${where}: ${prop} is ${value}; it must be a whole number from ${min} to ${max}${fix ? ` — ${fix}` : ''}`);
  }
}

export function checkArn(where: string, prop: string, value: string, service: string, pattern: RegExp = /.*/): void {
  if (!isKnown(value)) return;
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== service || !pattern.test(parts.slice(5).join(':'))) {
    throw new Error(`${where}: ${prop} "${value}" is not an ARN of ${service} (arn:<partition>:${service}:<region>:<account>:…)`);
  }
}

/** Log retention values CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export function checkLogRetention(where: string, prop: string, days: number | undefined): void {
  if (days !== undefined && !LOG_RETENTION_DAYS.includes(days)) {
    throw new Error(`${where}: ${prop} ${days} is not a CloudWatch Logs retention; use one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }
}
