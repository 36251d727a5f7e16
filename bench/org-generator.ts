import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { Ipv4Cidr } from '../model/cidr';
import type { ConfigText } from '../model/load';

/*
 * Organizations of any size for the benchmark. They start from the sample organization
 * (environments/), so every hub feature the sample uses is in them, and replace each environment's
 * accounts with generated workload accounts, spread round-robin over the environments, each with a
 * /20 spoke VPC carved from the upper half of its environment's range (the hub VPCs sit at the start).
 */

export interface GeneratedOrganization {
  readonly workloadAccounts: number;
  readonly environments: readonly string[];
  readonly texts: readonly ConfigText[];
}

const SPOKE_PREFIX = 20;
const SPOKE_SUBNETS = { public: 25, app: 23, data: 25 };

export function generateOrganization(workloadAccounts: number, sampleDir: string): GeneratedOrganization {
  const sample = fs
    .readdirSync(sampleDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(sampleDir, name), 'utf8') }));
  const environmentFiles = sample.filter((file) => !/^org\.ya?ml$/.test(file.name));
  if (environmentFiles.length === 0) throw new Error(`${sampleDir} holds no environment file to start from`);
  const environments = environmentFiles.map((file) => file.name.replace(/\.ya?ml$/, ''));
  const texts: ConfigText[] = sample
    .filter((file) => /^org\.ya?ml$/.test(file.name))
    .map((file) => ({ file: `generated/${file.name}`, text: file.text }));

  environmentFiles.forEach((file, environmentIndex) => {
    const environment = environments[environmentIndex];
    const doc = parseDocument(file.text);
    const sampleAccounts = doc.toJS().accounts as Record<string, { ou: string }> | undefined;
    const ou = Object.values(sampleAccounts ?? {})[0]?.ou;
    if (!ou) throw new Error(`${file.name} has no account to take the workload OU from`);
    const count = Math.floor(workloadAccounts / environments.length) + (environmentIndex < workloadAccounts % environments.length ? 1 : 0);
    const blocks = spokeBlocks(doc.get('cidr') as string, hubCidrs(doc.toJS()), count, environment);
    const accounts = Object.fromEntries(
      blocks.map((cidr, index) => {
        const name = `w${String(index + 1).padStart(3, '0')}-${environment}`.slice(0, 31);
        return [
          name,
          {
            email: `aws+${name}@bench.example`,
            id: `9${environmentIndex}${String(index + 1).padStart(10, '0')}`,
            ou,
            vpc: { cidr, subnets: SPOKE_SUBNETS },
          },
        ];
      }),
    );
    doc.set('accounts', doc.createNode(accounts));
    doc.delete('peerings');
    texts.push({ file: `generated/${file.name}`, text: doc.toString() });
  });
  return { workloadAccounts, environments, texts };
}

/** Writes the texts into `dir` (for LZ_CONFIG_DIR). */
export function writeOrganization(organization: GeneratedOrganization, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const text of organization.texts) fs.writeFileSync(path.join(dir, path.basename(text.file)), text.text);
  return dir;
}

function hubCidrs(environment: { networkHub?: { vpcs?: Record<string, { cidr?: string }> } }): Ipv4Cidr[] {
  return Object.values(environment.networkHub?.vpcs ?? {})
    .map((vpc) => vpc.cidr)
    .filter((cidr): cidr is string => typeof cidr === 'string')
    .map((cidr) => Ipv4Cidr.of(cidr));
}

function spokeBlocks(environmentCidr: string, taken: readonly Ipv4Cidr[], count: number, environment: string): string[] {
  const range = Ipv4Cidr.of(environmentCidr);
  const blockSize = 2 ** (32 - SPOKE_PREFIX);
  const blocks: string[] = [];
  for (let offset = range.size / 2; offset + blockSize <= range.size && blocks.length < count; offset += blockSize) {
    const block = range.blockAt(offset, SPOKE_PREFIX);
    if (!taken.some((cidr) => cidr.overlaps(block))) blocks.push(block.toString());
  }
  if (blocks.length < count) {
    throw new Error(`${environment}: ${environmentCidr} has room for ${blocks.length} /${SPOKE_PREFIX} spoke VPCs, not ${count}`);
  }
  return blocks;
}
