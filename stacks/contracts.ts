import { createHash } from 'node:crypto';
import { Fn, TerraformOutput, TerraformRemoteState, Token } from 'cdktf';
import { Construct } from 'constructs';

/*
 * The only way stacks read each other: named outputs with typed readers. Each contract also says
 * what its outputs look like before the producer was ever applied (offline placeholders).
 */

/** Outputs of the `org` stack. */
export interface OrgOutputs {
  /** Member account ids by account name. */
  readonly accountIds: Readonly<Record<string, string>>;
}

/** Outputs of an `<env>-network-hub` stack. */
export interface HubOutputs {
  readonly transitGatewayId: string;
  /** TGW route table ids by segment. */
  readonly transitGatewayRouteTableIds: Readonly<Record<string, string>>;
}

const ORG = { accountIds: 'account_ids' } as const;
const HUB = { transitGatewayId: 'transit_gateway_id', transitGatewayRouteTableIds: 'transit_gateway_route_table_ids' } as const;

export function publishOrgOutputs(scope: Construct, outputs: OrgOutputs): void {
  new TerraformOutput(scope, ORG.accountIds, { value: outputs.accountIds, description: 'Member account ids by account name' });
}

export function publishHubOutputs(scope: Construct, outputs: HubOutputs): void {
  new TerraformOutput(scope, HUB.transitGatewayId, { value: outputs.transitGatewayId, description: 'Transit Gateway id' });
  new TerraformOutput(scope, HUB.transitGatewayRouteTableIds, {
    value: outputs.transitGatewayRouteTableIds,
    description: 'Transit Gateway route table ids by segment',
  });
}

export function hubOutputPlaceholders(segments: readonly string[]): Record<string, unknown> {
  return {
    [HUB.transitGatewayId]: 'tgw-00000000000000000',
    [HUB.transitGatewayRouteTableIds]: Object.fromEntries(segments.map((segment) => [segment, `tgw-rtb-${placeholderHex(segment)}`])),
  };
}

/**
 * Reads account ids from the org stack's outputs. The remote state is opened on first use, and
 * its offline placeholders list only the accounts this stack reads, so vending an account does
 * not touch unrelated stacks.
 */
export class OrgOutputsReader {
  private readonly placeholderIds: Record<string, string> = {};
  private state?: TerraformRemoteState;

  constructor(private readonly open: (placeholders: Record<string, unknown>) => TerraformRemoteState) {}

  accountId(accountName: string): string {
    this.placeholderIds[accountName] = placeholderAccountId(accountName);
    this.state ??= this.open({ [ORG.accountIds]: this.placeholderIds });
    return Token.asString(Fn.lookup(this.state.get(ORG.accountIds), accountName));
  }
}

export function readHubOutputs(state: TerraformRemoteState, segments: readonly string[]): HubOutputs {
  const tables = state.get(HUB.transitGatewayRouteTableIds);
  return {
    transitGatewayId: state.getString(HUB.transitGatewayId),
    transitGatewayRouteTableIds: Object.fromEntries(segments.map((segment) => [segment, Token.asString(Fn.lookup(tables, segment))])),
  };
}

/** A stable, valid-looking 12-digit id per name, so offline plans of different accounts differ. */
function placeholderAccountId(name: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 15)}`)
    .toString()
    .padStart(12, '0');
  return digits.slice(-12);
}

function placeholderHex(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 17);
}
