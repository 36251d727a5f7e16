import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { Construct } from 'constructs';

export interface ResourceShareProps {
  /** Name of the share. */
  readonly name: string;
  /** ARNs of the shared resources, keyed by a stable name. */
  readonly resourceArns: Readonly<Record<string, string>>;
  /** Account ids (or OU / organization ARNs) to share with, keyed by a stable name such as the account name. */
  readonly principals: Readonly<Record<string, string>>;
  /** Allow principals outside the organization. @default false */
  readonly allowExternalPrincipals?: boolean;
}

/** An AWS RAM share. Within the organization (sharing enabled) principals need not accept it. */
export class ResourceShare extends Construct {
  readonly share: RamResourceShare;

  constructor(scope: Construct, id: string, props: ResourceShareProps) {
    super(scope, id);
    this.share = new RamResourceShare(this, 'share', {
      name: props.name,
      allowExternalPrincipals: props.allowExternalPrincipals ?? false,
      tags: { Name: props.name },
    });
    for (const [name, resourceArn] of Object.entries(props.resourceArns)) {
      new RamResourceAssociation(this, `resource-${name}`, { resourceShareArn: this.share.arn, resourceArn });
    }
    for (const [name, principal] of Object.entries(props.principals)) {
      new RamPrincipalAssociation(this, `principal-${name}`, { resourceShareArn: this.share.arn, principal });
    }
  }
}
