import { z } from 'zod';
import { EnvironmentConfigSchema, OrgConfigSchema } from './schema';

/** JSON Schemas of the config files, by file name under schema/. */
export function configJsonSchemas(): Record<string, object> {
  return {
    'org.schema.json': { title: 'Landing-zone organization (org.yaml)', ...z.toJSONSchema(OrgConfigSchema, { io: 'input' }) },
    'environment.schema.json': {
      title: 'Landing-zone environment (<env>.yaml)',
      ...z.toJSONSchema(EnvironmentConfigSchema, { io: 'input' }),
    },
  };
}
