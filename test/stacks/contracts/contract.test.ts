import { DataTerraformRemoteStateLocal, Testing, Token } from 'cdktf';
import type { ContractSource } from '../../../model/stack-plans';
import { defineContract, output, type StateOpener } from '../../../stacks/contracts/contract';
import { spokeContract } from '../../../stacks/contracts/spoke';

const source: ContractSource = { stackName: 'dev-spoke-a', environment: 'dev', region: 'eu-central-1' };
const sample = defineContract('sample', {
  name: output.string('the_name', 'A name', (from) => `name-in-${from.region}`),
  ids: output.map('the_ids', 'Ids by key', (from, key) => `${from.stackName}-${key}`),
});

function readIn(read: (open: StateOpener) => void): any {
  return JSON.parse(
    Testing.synthScope((scope) => {
      read((id, _from, placeholders) => new DataTerraformRemoteStateLocal(scope, id, { path: 'x.tfstate', defaults: placeholders }));
    }),
  );
}

describe('contract', () => {
  describe('when a producer publishes', () => {
    it('writes one described output per key', () => {
      const synthesized = JSON.parse(Testing.synthScope((scope) => sample.publish(scope, { name: 'n', ids: { a: '1' } })));
      expect(synthesized.output).toEqual({
        the_name: { value: 'n', description: 'A name' },
        the_ids: { value: { a: '1' }, description: 'Ids by key' },
      });
    });
  });

  describe('when a consumer reads', () => {
    it('opens no state when nothing is read', () => {
      expect(readIn((open) => sample.read(open, 'sample-outputs', source)).data).toBeUndefined();
    });

    it('derives offline placeholders from exactly the keys it reads', () => {
      const synthesized = readIn((open) => {
        const reader = sample.read(open, 'sample-outputs', source);
        expect(Token.isUnresolved(reader.string('name'))).toBe(true);
        expect(Object.keys(reader.entries('ids', ['b', 'a']))).toEqual(['b', 'a']);
      });
      expect(synthesized.data.terraform_remote_state['sample-outputs'].defaults).toEqual({
        the_name: 'name-in-eu-central-1',
        the_ids: { a: 'dev-spoke-a-a', b: 'dev-spoke-a-b' },
      });
    });
  });

  describe('spoke contract', () => {
    it('carries what workloads need: subnets by tier and zone, route tables and security groups by tier, Lattice', () => {
      expect(Object.values(spokeContract.outputs).map((spec) => spec.name)).toEqual([
        'vpc_id',
        'vpc_cidr',
        'vpc_ipv6_cidr',
        'subnet_ids',
        'route_table_ids',
        'security_group_ids',
        'lattice_association_id',
      ]);
    });
  });
});
