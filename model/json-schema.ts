import { z } from 'zod';
import { EnvironmentConfigSchema, OrgConfigSchema } from './schema';
import { WorkloadsConfigSchema } from './workloads/schema';

/** JSON Schemas of the config files, by file name under schema/. */
export function configJsonSchemas(): Record<string, object> {
  return {
    'org.schema.json': { title: 'Landing-zone organization (org.yaml)', ...z.toJSONSchema(OrgConfigSchema, { io: 'input' }) },
    'environment.schema.json': {
      title: 'Landing-zone environment (<env>.yaml)',
      ...z.toJSONSchema(EnvironmentConfigSchema, { io: 'input' }),
    },
    'workloads.schema.json': {
      title: 'Landing-zone workload account (<env>/<account>.yaml)',
      ...z.toJSONSchema(WorkloadsConfigSchema, { io: 'input' }),
    },
  };
}
