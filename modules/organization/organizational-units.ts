import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { Construct } from 'constructs';

export interface OrganizationalUnitSpec {
  readonly name: string;
  /** Parent OU name; undefined places the OU under the root. */
  readonly parent?: string;
}

export interface OrganizationalUnitsProps {
  /** The organization root id (r-xxxx). */
  readonly rootId: string;
  /**
   * OUs, parents listed before their children.
   * CAUTION: renaming an OU, or moving it to another parent, replaces it.
   */
  readonly units: readonly OrganizationalUnitSpec[];
}

/** The OU tree under the organization root. Construct IDs are OU names. */
export class OrganizationalUnits extends Construct {
  private readonly ids = new Map<string, string>();

  constructor(scope: Construct, id: string, props: OrganizationalUnitsProps) {
    super(scope, id);
    for (const unit of props.units) {
      if (this.ids.has(unit.name)) throw new Error(`OrganizationalUnits: ${unit.name} is listed twice; OU names must be unique`);
      const parentId = unit.parent === undefined ? props.rootId : this.ids.get(unit.parent);
      if (parentId === undefined) {
        throw new Error(`OrganizationalUnits: parent ${unit.parent} of ${unit.name} is unknown or listed after it; list parents first`);
      }
      const ou = new OrganizationsOrganizationalUnit(this, unit.name, { name: unit.name, parentId });
      this.ids.set(unit.name, ou.id);
    }
  }

  /** The id (ou-xxxx) of the OU named `name`. */
  idOf(name: string): string {
    const id = this.ids.get(name);
    if (id === undefined) throw new Error(`OrganizationalUnits: no OU named ${name}`);
    return id;
  }
}
