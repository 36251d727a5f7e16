import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import { Construct } from 'constructs';

export interface MemberAccountProps {
  /** Account name in AWS Organizations. */
  readonly accountName: string;
  /** Root user email. CAUTION: AWS cannot change it through this resource; a change forces replacement. */
  readonly email: string;
  /** Id of the OU the account belongs to; changing it moves the account. */
  readonly parentId: string;
  /** IAM role Organizations creates in a new account for the management account to assume. */
  readonly roleName: string;
  /**
   * Id of an account that already exists: Terraform adopts it with an import block instead of
   * creating a new one. Leave unset in offline synths (an import reads from AWS).
   * @default - a new account is created
   */
  readonly importAccountId?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * One vended account. It can never be closed or destroyed by accident: `close_on_deletion` is
 * false and the resource has `prevent_destroy`. `role_name` and billing access are write-only in
 * the AWS API, so they are ignored after creation (otherwise an imported account would be replaced).
 */
export class MemberAccount extends Construct {
  readonly account: OrganizationsAccount;

  constructor(scope: Construct, id: string, props: MemberAccountProps) {
    super(scope, id);
    this.account = new OrganizationsAccount(this, 'account', {
      name: props.accountName,
      email: props.email,
      parentId: props.parentId,
      roleName: props.roleName,
      closeOnDeletion: false,
      iamUserAccessToBilling: 'ALLOW',
      tags: { ...props.tags },
      lifecycle: { preventDestroy: true, ignoreChanges: ['role_name', 'iam_user_access_to_billing'] },
    });
    if (props.importAccountId !== undefined) this.account.importFrom(props.importAccountId);
  }

  get accountId(): string {
    return this.account.id;
  }
}
