import { TerraformResource, TerraformStack } from 'cdktf';
import type { Construct, Node } from 'constructs';

/**
 * Construct IDs from below the stack down to `scope` itself: what cdktf hashes into the Terraform
 * address of every resource under `scope`.
 */
export function pathBelowStack(scope: Construct): string[] {
  const scopes = scope.node.scopes;
  const stackIndex = scopes.indexOf(TerraformStack.of(scope));
  return scopes.slice(stackIndex + 1).map((construct) => construct.node.id);
}

/**
 * The Terraform address a resource of `resourceType` would have at `path` (construct IDs below the
 * stack), by the stack's own naming scheme (`getLogicalId`), so an override of `allocateLogicalId` is honoured.
 */
export function addressAt(stack: TerraformStack, resourceType: string, path: readonly string[]): string {
  // The stack's allocateLogicalId reads only `scopes[].node.id`, so a path that no longer exists can be named.
  const scopes = [stack, ...path.map((id) => ({ node: { id } }))];
  return `${resourceType}.${stack.getLogicalId({ scopes } as unknown as Node)}`;
}

/** Writes a `moved` block from the address `resource` had at `previousPath` to the one it has now. */
export function moveFromPath(resource: TerraformResource, previousPath: readonly string[]): void {
  const from = addressAt(TerraformStack.of(resource), resource.terraformResourceType, previousPath);
  resource.moveFromId(from);
}

/**
 * Moves every resource under `scope` from where it was when the same subtree sat at
 * `previousScopePath`: e.g. a firewall that a stack placed beside a VPC and the VPC now owns.
 */
export function moveSubtreeFrom(scope: Construct, previousScopePath: readonly string[]): void {
  const depth = pathBelowStack(scope).length;
  for (const child of scope.node.findAll()) {
    if (!TerraformResource.isTerraformResource(child)) continue;
    moveFromPath(child, [...previousScopePath, ...pathBelowStack(child).slice(depth)]);
  }
}
