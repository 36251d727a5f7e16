import { Route } from '@cdktf/provider-aws/lib/route';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { addressAt, moveFromPath, pathBelowStack } from '../../modules/shared/moves';
import { validateConstructNames } from '../../modules/shared/names';
import { DEFAULT_DATABASE_PORTS, portName, validatePorts } from '../../modules/shared/ports';
import { SUBNET_TIER_OF } from '../../modules/shared/tiers';
import { byZoneLetter, isLetteredZone, zoneIndex, zoneLetter } from '../../modules/shared/zones';

describe('shared module helpers', () => {
  describe('zones', () => {
    it('names a zone by its last letter and sorts zones by it', () => {
      expect(zoneLetter('eu-west-1c')).toBe('c');
      expect(zoneIndex('eu-west-1c')).toBe(2);
      expect(zoneIndex('local-zone-1')).toBe(-1);
      const sorted = byZoneLetter([{ availabilityZone: 'eu-west-1b' }, { availabilityZone: 'eu-west-1a' }]);
      expect(sorted.map((zone) => zone.availabilityZone)).toEqual(['eu-west-1a', 'eu-west-1b']);
    });

    it('accepts only literal zones ending in a–p', () => {
      expect(isLetteredZone('eu-west-1p')).toBe(true);
      expect(isLetteredZone('eu-west-1q')).toBe(false);
    });
  });

  describe('ports', () => {
    it('names ports and defaults the database ports to PostgreSQL and MySQL', () => {
      expect([443, 80, 5432].map(portName)).toEqual(['https', 'http', 'tcp-5432']);
      expect(DEFAULT_DATABASE_PORTS).toEqual([5432, 3306]);
    });

    it('refuses a list that is empty, out of range or repeats a port', () => {
      expect(() => validatePorts('X', 'ports', [])).toThrow('X: ports is empty; give at least one port');
      expect(() => validatePorts('X', 'ports', [], { allowEmpty: true })).not.toThrow();
      expect(() => validatePorts('X', 'ports', [65536])).toThrow('X: ports has 65536, which is not a TCP port (1–65535)');
      expect(() => validatePorts('X', 'ports', [22, 22])).toThrow('X: ports lists a port twice');
    });
  });

  describe('names', () => {
    it('refuses a name that cannot be part of a construct ID, naming where it came from', () => {
      expect(() => validateConstructNames('X', 'routeTableIds key', ['app', 'App'])).toThrow(
        'X: routeTableIds key "App" must be lowercase letters, digits and -',
      );
      expect(() => validateConstructNames('X', 'routeTableIds key', ['app', 'data-1'])).not.toThrow();
    });
  });

  describe('tiers', () => {
    it('maps each security-group tier to the subnet tier it runs in', () => {
      expect(SUBNET_TIER_OF).toEqual({ web: 'public', app: 'app', data: 'data' });
    });
  });

  describe('moves', () => {
    it('names an old path exactly as cdktf named the resource that lived there', () => {
      const stack = new TerraformStack(new App(), 'stack');
      const route = new Route(new Construct(stack, 'old-parent'), 'route', { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0' });
      expect(addressAt(stack, 'aws_route', ['old-parent', 'route'])).toBe(`aws_route.${stack.getLogicalId(route)}`);
      expect(addressAt(stack, 'aws_route', ['top-level'])).toBe('aws_route.top-level');
      expect(pathBelowStack(route)).toEqual(['old-parent', 'route']);
    });

    it('writes a moved block from the old address to the resource', () => {
      const stack = new TerraformStack(new App(), 'stack');
      const route = new Route(new Construct(stack, 'new-parent'), 'route', { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0' });
      moveFromPath(route, ['old-route']);
      expect(route.toTerraform().moved).toEqual([{ from: 'aws_route.old-route', to: `aws_route.${stack.getLogicalId(route)}` }]);
    });
  });
});
