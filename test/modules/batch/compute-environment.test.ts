import { Testing } from 'cdktf';
import { BatchComputeEnvironment, type BatchComputeEnvironmentProps } from '../../../modules/batch/compute-environment';
import { BatchInstanceRole } from '../../../modules/batch/instance-role';
import { referenceTo, resourceAt } from '../synthesized';
import { INSTANCE_PROFILE_ARN } from './fixtures';

const spot: BatchComputeEnvironmentProps = {
  name: 'acme-spot',
  capacity: 'spot',
  subnetIds: ['subnet-a', 'subnet-b'],
  securityGroupIds: ['sg-app'],
  instanceProfileArn: INSTANCE_PROFILE_ARN,
};

function synth(props: BatchComputeEnvironmentProps): string {
  return Testing.synthScope((scope) => void new BatchComputeEnvironment(scope, 'ce', props));
}

describe('batch compute environment', () => {
  describe('with spot capacity and defaults', () => {
    const synthesized = synth(spot);
    const environment = resourceAt(synthesized, 'aws_batch_compute_environment', 'ce_compute-environment');

    it('creates a managed Spot environment, capacity-optimized, optimal instances, 0 to 256 vCPUs', () => {
      expect(environment).toMatchObject({
        compute_environment_name_prefix: 'acme-spot-',
        type: 'MANAGED',
        compute_resources: {
          type: 'SPOT',
          allocation_strategy: 'SPOT_CAPACITY_OPTIMIZED',
          instance_type: ['optimal'],
          min_vcpus: 0,
          max_vcpus: 256,
          subnets: ['subnet-a', 'subnet-b'],
          security_group_ids: ['sg-app'],
          instance_role: INSTANCE_PROFILE_ARN,
          ec2_configuration: [{ image_type: 'ECS_AL2023' }],
        },
      });
      expect(environment.service_role).toBeUndefined();
      expect(environment.compute_resources.desired_vcpus).toBeUndefined();
    });

    it('is replaced create-before-destroy and ignores desired_vcpus after creation', () => {
      expect(environment.lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['compute_resources[0].desired_vcpus'] });
    });

    it('updates infrastructure without terminating running jobs', () => {
      expect(environment.update_policy).toEqual({ terminate_jobs_on_update: false, job_execution_timeout_minutes: 120 });
    });

    it('launches instances from a template that requires IMDSv2 and encrypts the root volume', () => {
      const template = resourceAt(synthesized, 'aws_launch_template', 'ce_launch-template');
      expect(template.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 2 });
      expect(template.block_device_mappings[0].ebs).toMatchObject({ encrypted: 'true', volume_type: 'gp3', volume_size: 30 });
      expect(environment.compute_resources.launch_template).toEqual({
        launch_template_id: `\${${referenceTo(synthesized, 'aws_launch_template', 'ce_launch-template')}.id}`,
        version: `\${${referenceTo(synthesized, 'aws_launch_template', 'ce_launch-template')}.latest_version}`,
      });
    });
  });

  describe('with on-demand capacity', () => {
    it('creates an EC2 environment with BEST_FIT_PROGRESSIVE and no bid', () => {
      const environment = resourceAt(
        synth({ ...spot, name: 'acme-on-demand', capacity: 'on-demand', maxVcpus: 64, instanceTypes: ['c6i', 'm6i'] }),
        'aws_batch_compute_environment',
        'ce_compute-environment',
      );
      expect(environment.compute_resources).toMatchObject({
        type: 'EC2',
        allocation_strategy: 'BEST_FIT_PROGRESSIVE',
        instance_type: ['c6i', 'm6i'],
        max_vcpus: 64,
      });
      expect(environment.compute_resources.bid_percentage).toBeUndefined();
    });
  });

  describe('with invalid props', () => {
    it('refuses minVcpus above maxVcpus, naming both props', () => {
      expect(() => synth({ ...spot, minVcpus: 16, maxVcpus: 8 })).toThrow(
        'BatchComputeEnvironment acme-spot: minVcpus 16 is above maxVcpus 8; raise maxVcpus or lower minVcpus',
      );
    });

    it('refuses a bid percentage on on-demand capacity and empty subnets', () => {
      expect(() => synth({ ...spot, capacity: 'on-demand', bidPercentage: 60 })).toThrow(/bidPercentage applies to spot capacity only/);
      expect(() => synth({ ...spot, subnetIds: [] })).toThrow(/subnetIds is empty/);
    });
  });
});

describe('batch instance role', () => {
  it('creates an instance profile for a role trusted by EC2 with the ECS-for-EC2 managed policy', () => {
    const synthesized = Testing.synthScope((scope) => void new BatchInstanceRole(scope, 'instances', { name: 'acme-batch-instances' }));
    const role = resourceAt(synthesized, 'aws_iam_role', 'instances_role');
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    expect(resourceAt(synthesized, 'aws_iam_role_policy_attachment', 'instances_role_attachment-ecs').policy_arn).toBe(
      'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
    );
    expect(resourceAt(synthesized, 'aws_iam_instance_profile', 'instances_instance-profile').name).toBe('acme-batch-instances');
  });
});
