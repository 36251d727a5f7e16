import { DataTerraformRemoteStateLocal, DataTerraformRemoteStateS3, LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { stateKey } from '../../model/naming';
import type { StateBackend } from '../../model/types';
import { localStatePath, type SynthSettings } from '../settings';

export interface StackStateProps {
  readonly settings: SynthSettings;
  readonly backend: StateBackend;
}

/**
 * Gives the stack its own state: `<env>/<stack>.tfstate` locally or in S3. Offline synths always
 * use local state inside the synth output, so they can neither read nor write real state.
 */
export function configureBackend(stack: TerraformStack, stackName: string, environment: string | undefined, props: StackStateProps): void {
  const key = stateKey(stackName, environment);
  const { settings, backend } = props;
  if (settings.mode === 'offline' || backend.type === 'local') {
    new LocalBackend(stack, { path: localStatePath(settings, stackName, key) });
    return;
  }
  new S3Backend(stack, {
    bucket: backend.bucket,
    key: `${backend.keyPrefix}${key}`,
    region: backend.region,
    encrypt: true,
    kmsKeyId: backend.kmsKeyId,
    dynamodbTable: backend.dynamodbTable,
    assumeRole: backend.roleArn ? { roleArn: backend.roleArn } : undefined,
  });
  // cdktf 0.21 has no typed prop for S3-native locking (Terraform >= 1.10).
  if (backend.useLockfile) stack.addOverride('terraform.backend.s3.use_lockfile', true);
}

export interface RemoteStateProps extends StackStateProps {
  /** The reading stack. */
  readonly consumer: string;
  /** The stack whose outputs are read, and its environment. */
  readonly producer: string;
  readonly producerEnvironment: string | undefined;
  /** Placeholder outputs, used offline only (like Terragrunt's mock_outputs). */
  readonly placeholders: Record<string, unknown>;
}

/** Reads another stack's outputs from its state, on the same backend that stack writes to. */
export function remoteState(
  scope: Construct,
  id: string,
  props: RemoteStateProps,
): DataTerraformRemoteStateLocal | DataTerraformRemoteStateS3 {
  const key = stateKey(props.producer, props.producerEnvironment);
  const { settings, backend } = props;
  if (settings.mode === 'offline') {
    return new DataTerraformRemoteStateLocal(scope, id, {
      path: localStatePath(settings, props.consumer, key),
      defaults: props.placeholders,
    });
  }
  if (backend.type === 'local') {
    return new DataTerraformRemoteStateLocal(scope, id, { path: localStatePath(settings, props.consumer, key) });
  }
  return new DataTerraformRemoteStateS3(scope, id, {
    bucket: backend.bucket,
    key: `${backend.keyPrefix}${key}`,
    region: backend.region,
    assumeRole: backend.roleArn ? { roleArn: backend.roleArn } : undefined,
  });
}
