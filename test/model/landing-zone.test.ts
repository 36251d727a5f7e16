import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configDirFromEnv, loadLandingZone } from '../../model/load';
import { deployRoleArn, hubStackName, spokeStackName, stateKey } from '../../model/naming';
import { ConfigValidationError } from '../../model/problems';
import { SAMPLE_DIR, sampleModel } from '../support/config';

describe('resolved landing zone (sample organization)', () => {
  const model = sampleModel();

  it('has three environments, each with at least two workload accounts with VPCs', () => {
    expect(model.environments.map((environment) => environment.name)).toEqual(['dev', 'prod', 'staging']);
    for (const environment of model.environments) expect(environment.spokes.length).toBeGreaterThanOrEqual(2);
  });

  it('names stacks from config names', () => {
    const prod = model.environments.find((environment) => environment.name === 'prod')!;
    expect(prod.hub.stackName).toBe('prod-network-hub');
    expect(prod.spokes.map((spoke) => spoke.stackName)).toEqual([
      'prod-spoke-analytics-prod',
      'prod-spoke-orders-prod',
      'prod-spoke-payments-preprod',
      'prod-spoke-payments-prod',
    ]);
    expect(hubStackName('dev')).toBe('dev-network-hub');
    expect(spokeStackName('dev', 'payments-dev')).toBe('dev-spoke-payments-dev');
  });

  it('derives state keys and deploy role ARNs', () => {
    expect(stateKey('dev-network-hub', 'dev')).toBe('dev/dev-network-hub.tfstate');
    expect(stateKey('org', undefined)).toBe('global/org.tfstate');
    expect(deployRoleArn('123456789012', 'Deployer')).toBe('arn:aws:iam::123456789012:role/Deployer');
  });

  it('applies defaults: subnet sizes, zones from the environment, segments', () => {
    const staging = model.environments.find((environment) => environment.name === 'staging')!;
    const payments = staging.spokes.find((spoke) => spoke.accountName === 'payments-staging')!;
    expect(payments.vpc.availabilityZones).toEqual(['eu-central-1a', 'eu-central-1b', 'eu-central-1c']);
    expect(payments.vpc.subnets.filter((subnet) => subnet.tier === 'app').map((subnet) => subnet.cidr)).toEqual([
      '10.33.0.0/20',
      '10.33.16.0/20',
      '10.33.32.0/20',
    ]);
    expect(payments.vpc.segment).toBe('nonprod');
    expect(staging.hub.segments).toEqual(['nonprod', 'shared']);
    expect(staging.hub.sharedWithAccounts).toEqual(['orders-staging', 'payments-staging']);
  });

  it('orders OUs parents first and lists every member account once', () => {
    expect(model.organizationalUnits.map((unit) => unit.name)).toEqual(['Infrastructure', 'Security', 'Workloads', 'NonProd', 'Prod']);
    const names = model.accounts.map((account) => account.name);
    expect(new Set(names).size).toBe(names.length);
    expect(model.accounts.find((account) => account.name === 'analytics-prod')).toMatchObject({
      id: undefined,
      environment: 'prod',
      ou: 'Prod',
    });
  });

  it('turns the region guardrail into an allow-list, and off when disabled', () => {
    expect(model.guardrails.allowedRegions).toEqual(['eu-west-1', 'eu-central-1', 'us-east-1']);
  });
});

describe('config directory', () => {
  it('defaults to environments/ and follows LZ_CONFIG_DIR', () => {
    expect(configDirFromEnv({})).toBe('environments');
    expect(configDirFromEnv({ LZ_CONFIG_DIR: '/tmp/other' })).toBe('/tmp/other');
  });

  it('loads another directory, and reports a missing one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-config-'));
    for (const file of ['org.yaml', 'dev.yaml']) fs.copyFileSync(path.join(SAMPLE_DIR, file), path.join(dir, file));
    expect(loadLandingZone(dir).environments.map((environment) => environment.name)).toEqual(['dev']);
    expect(() => loadLandingZone(path.join(dir, 'missing'))).toThrow(ConfigValidationError);
    expect(() => loadLandingZone(path.join(dir, 'missing'))).toThrow(/is not a directory — point LZ_CONFIG_DIR at the folder/);
  });
});
