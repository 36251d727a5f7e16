import { guardrailTargets } from '../../defaults';
import { problemAt } from '../../yaml-source';
import { chooseFrom } from '../references';
import type { ConfigRule } from '../rule';

/* Organization rules: the OU tree and where the guardrails attach. */

export const ouParentExists: ConfigRule = {
  id: 'organization/ou-parent-exists',
  description: "An OU's parent names another OU.",
  check: ({ org, ouNames, mayBeUnparsedOu }) =>
    Object.entries(org?.config.organizationalUnits ?? {}).flatMap(([name, ou]) =>
      org && ou.parent !== undefined && !ouNames.includes(ou.parent) && !mayBeUnparsedOu(ou.parent)
        ? [
            problemAt(
              org.source,
              ['organizationalUnits', name, 'parent'],
              `"${ou.parent}" is not an organizational unit`,
              chooseFrom(ouNames, ou.parent, 'organizational unit'),
            ),
          ]
        : [],
    ),
};

export const ouTreeAcyclic: ConfigRule = {
  id: 'organization/ou-tree-acyclic',
  description: 'OU parents form a tree under the root: no OU is its own ancestor.',
  check: ({ org }) => {
    const units = org?.config.organizationalUnits ?? {};
    return Object.keys(units).flatMap((name) =>
      org && inCycle(name, units)
        ? [
            problemAt(
              org.source,
              ['organizationalUnits', name, 'parent'],
              `makes ${name} its own ancestor`,
              'OU parents must form a tree under the root; break the cycle',
            ),
          ]
        : [],
    );
  },
};

export const guardrailTargetsExist: ConfigRule = {
  id: 'organization/guardrail-targets-exist',
  description: 'Every OU in guardrails.attachTo exists.',
  check: ({ org, ouNames, mayBeUnparsedOu }) =>
    (org?.config.guardrails.attachTo ?? []).flatMap((ou, index) =>
      org && !ouNames.includes(ou) && !mayBeUnparsedOu(ou)
        ? [
            problemAt(
              org.source,
              ['guardrails', 'attachTo', index],
              `"${ou}" is not an organizational unit`,
              chooseFrom(ouNames, ou, 'organizational unit'),
            ),
          ]
        : [],
    ),
};

export const guardrailsAttached: ConfigRule = {
  id: 'organization/guardrails-attached',
  description: 'The guardrail SCPs attach to at least one OU when the organization has OUs.',
  check: ({ org, ouNames, unparsed }) =>
    org &&
    guardrailTargets(org.config).length === 0 &&
    ouNames.length > 0 &&
    !unparsed.some((part) => part.kind === 'org' && part.path[0] === 'organizationalUnits')
      ? [problemAt(org.source, ['guardrails', 'attachTo'], 'attaches the guardrails nowhere', 'list at least one OU, e.g. Workloads')]
      : [],
};

function inCycle(start: string, units: Record<string, { parent?: string }>): boolean {
  const seen = new Set<string>();
  let current = units[start]?.parent;
  while (current !== undefined && units[current] && !seen.has(current)) {
    if (current === start) return true;
    seen.add(current);
    current = units[current].parent;
  }
  return false;
}
