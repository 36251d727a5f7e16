/** Reading `Testing.synthScope` output by construct path, without the hash cdktf appends to names. */

export type Resource = Record<string, any>;

/** Resources of a type keyed by construct path (`vpc_app-a`), hash removed. */
export function resourcesOf(synthesized: string, type: string): Record<string, Resource> {
  const byName: Record<string, Resource> = JSON.parse(synthesized).resource?.[type] ?? {};
  return Object.fromEntries(Object.entries(byName).map(([name, resource]) => [name.replace(/_[0-9A-F]{8}$/, ''), resource]));
}

/** The resource of a type at a construct path; fails the test when it is missing. */
export function resourceAt(synthesized: string, type: string, path: string): Resource {
  const resources = resourcesOf(synthesized, type);
  const resource = resources[path];
  if (!resource) throw new Error(`no ${type} at ${path}; there are: ${Object.keys(resources).join(', ') || 'none'}`);
  return resource;
}

/** Terraform reference (`aws_vpc.vpc_vpc_1234ABCD`) of the resource at a construct path, for matching interpolations. */
export function referenceTo(synthesized: string, type: string, path: string): string {
  const byName: Record<string, Resource> = JSON.parse(synthesized).resource?.[type] ?? {};
  const name = Object.keys(byName).find((key) => key.replace(/_[0-9A-F]{8}$/, '') === path);
  if (!name) throw new Error(`no ${type} at ${path}`);
  return `${type}.${name}`;
}
