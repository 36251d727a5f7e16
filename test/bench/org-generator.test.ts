import * as path from 'node:path';
import { generateOrganization } from '../../bench/org-generator';
import { toRootImports } from '../../bench/plain-cdktf-project';
import { landingZoneFromTexts } from '../../model/load';
import { SAMPLE_DIR } from '../support/config';

describe('benchmark organization generator', () => {
  it.each([1, 10, 50])('generates %i workload accounts that pass validation, each with a spoke', (count) => {
    const organization = generateOrganization(count, SAMPLE_DIR);
    const model = landingZoneFromTexts(organization.texts);
    const spokes = model.environments.flatMap((environment) => environment.spokes);
    expect(spokes).toHaveLength(count);
    expect(new Set(spokes.map((spoke) => spoke.accountName)).size).toBe(count);
  });

  it('spreads accounts over every environment of the sample, round-robin', () => {
    const model = landingZoneFromTexts(generateOrganization(10, SAMPLE_DIR).texts);
    const perEnvironment = model.environments.map((environment) => environment.spokes.length).sort();
    expect(perEnvironment.reduce((total, count) => total + count, 0)).toBe(10);
    expect(Math.max(...perEnvironment) - Math.min(...perEnvironment)).toBeLessThanOrEqual(1);
  });

  it('fits 200 accounts without overlapping VPCs (validation rejects overlaps)', () => {
    expect(() => landingZoneFromTexts(generateOrganization(200, SAMPLE_DIR).texts)).not.toThrow();
  });

  it('writes files named as the sample names them', () => {
    expect(
      generateOrganization(3, SAMPLE_DIR)
        .texts.map((text) => path.basename(text.file))
        .sort(),
    ).toEqual(['dev.yaml', 'org.yaml', 'prod.yaml', 'staging.yaml'].sort());
  });
});

describe('plain CDKTF project: root imports', () => {
  const namespaces = new Map([
    ['vpc', 'vpc'],
    ['ec2-transit-gateway', 'ec2TransitGateway'],
  ]);

  it('rewrites deep imports (aliases and type-only included) to one import of the package root', () => {
    const source = [
      "import { Vpc, VpcConfig as Config } from '@cdktf/provider-aws/lib/vpc';",
      "import type {\n  Ec2TransitGateway,\n} from '@cdktf/provider-aws/lib/ec2-transit-gateway';",
      "import { App } from 'cdktf';",
    ].join('\n');
    expect(toRootImports(source, namespaces)).toBe(
      [
        "import * as aws from '@cdktf/provider-aws';",
        'import Vpc = aws.vpc.Vpc;',
        'import Config = aws.vpc.VpcConfig;',
        'import Ec2TransitGateway = aws.ec2TransitGateway.Ec2TransitGateway;',
        "import { App } from 'cdktf';",
      ].join('\n'),
    );
  });

  it('leaves files without provider imports alone', () => {
    expect(toRootImports("import { App } from 'cdktf';", namespaces)).toBe("import { App } from 'cdktf';");
  });
});
