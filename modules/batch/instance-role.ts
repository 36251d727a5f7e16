import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { Construct } from 'constructs';
import { checkName } from '../containers/checks';
import { policyDocument, ServiceRole } from '../containers/iam';

export interface BatchInstanceRoleProps {
  /** Name of the role and its instance profile. CAUTION: changing it replaces both, and with them every compute environment that uses them. */
  readonly name: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The role of the EC2 instances of Batch compute environments: what the ECS agent needs (register,
 * pull images, write job logs). Jobs never use it: each job definition has its own job role.
 */
export class BatchInstanceRole extends Construct {
  readonly role: ServiceRole;
  readonly instanceProfile: IamInstanceProfile;

  constructor(scope: Construct, id: string, props: BatchInstanceRoleProps) {
    super(scope, id);
    checkName(`BatchInstanceRole ${props.name}`, 'name', props.name, 64);
    const partition = props.partition ?? 'aws';
    this.role = new ServiceRole(this, 'role', {
      name: props.name,
      description: 'EC2 instances of AWS Batch compute environments (ECS agent)',
      // EC2 passes no source account when it assumes an instance profile's role, so no condition is possible here.
      trustPolicy: policyDocument([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
      managedPolicyArns: { ecs: `arn:${partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role` },
      tags: props.tags,
    });
    this.instanceProfile = new IamInstanceProfile(this, 'instance-profile', {
      name: props.name,
      role: this.role.role.name,
      tags: { Name: props.name, ...props.tags },
    });
  }

  get instanceProfileArn(): string {
    return this.instanceProfile.arn;
  }
}
