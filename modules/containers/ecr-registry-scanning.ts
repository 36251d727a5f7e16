import { EcrRegistryScanningConfiguration } from '@cdktf/provider-aws/lib/ecr-registry-scanning-configuration';
import { Construct } from 'constructs';

export interface EcrRegistryScanningProps {
  /** Repositories scanned when an image is pushed (wildcards: `*`, `orders*`). @default ['*'] */
  readonly scanOnPushFilters?: readonly string[];
  /** Repositories rescanned continuously as new vulnerabilities are published. @default ['*'] */
  readonly continuousScanFilters?: readonly string[];
}

/**
 * Enhanced (Amazon Inspector) scanning for the account's registry in one region. An account and
 * region singleton: exactly one stack per account and region may own it, or stacks overwrite each other.
 */
export class EcrRegistryScanning extends Construct {
  readonly configuration: EcrRegistryScanningConfiguration;

  constructor(scope: Construct, id: string, props: EcrRegistryScanningProps = {}) {
    super(scope, id);
    const scanOnPush = props.scanOnPushFilters ?? ['*'];
    const continuous = props.continuousScanFilters ?? ['*'];
    for (const [prop, filters] of [
      ['scanOnPushFilters', scanOnPush],
      ['continuousScanFilters', continuous],
    ] as const) {
      const invalid = filters.filter((filter) => !/^[a-z0-9*][a-z0-9._\/*-]{0,255}$/.test(filter));
      if (invalid.length > 0)
        throw new Error(`EcrRegistryScanning: ${prop} has invalid filters ${invalid.join(', ')}; use repository names with * wildcards`);
    }
    if (scanOnPush.length === 0 && continuous.length === 0) {
      throw new Error('EcrRegistryScanning: both filter lists are empty; scan at least on push (scanOnPushFilters: ["*"])');
    }
    const rule = (scanFrequency: string, filters: readonly string[]) => ({
      scanFrequency,
      repositoryFilter: filters.map((filter) => ({ filter, filterType: 'WILDCARD' })),
    });
    this.configuration = new EcrRegistryScanningConfiguration(this, 'configuration', {
      scanType: 'ENHANCED',
      rule: [
        ...(continuous.length > 0 ? [rule('CONTINUOUS_SCAN', continuous)] : []),
        ...(scanOnPush.length > 0 ? [rule('SCAN_ON_PUSH', scanOnPush)] : []),
      ],
    });
  }
}
