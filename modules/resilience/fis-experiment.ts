import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FisExperimentTemplate, type FisExperimentTemplateTarget } from '@cdktf/provider-aws/lib/fis-experiment-template';
import { Construct } from 'constructs';
import { checkAccountId, checkArn, checkLogRetention, checkName, checkRegion, isKnown } from '../containers/checks';
import { ServiceRole, serviceTrustPolicy } from '../containers/iam';
import { validateConstructNames } from '../shared/names';
import { actionStatements, commonStatements, DURATION_PARAMETERS, FIS_ACTIONS, type FisActionId } from './fis-actions';

export type { FisActionId } from './fis-actions';

/** FIS quota: stop conditions per experiment template. */
const MAX_STOP_CONDITIONS = 5;

/** How many of the resolved targets an action hits: `ALL`, `COUNT(n)` or `PERCENT(n)`. */
export type FisSelectionMode = 'ALL' | `COUNT(${number})` | `PERCENT(${number})`;

export interface FisTargetProps {
  /** Tags every target resource carries (all of them); the role may change only resources with these tags. @default {} */
  readonly resourceTags?: Readonly<Record<string, string>>;
  /** ARNs of the target resources, at most 5 (the provider's limit); prefer tags and filters. @default [] */
  readonly resourceArns?: readonly string[];
  /** Attribute path (of the resource's Describe output) → accepted values, e.g. `{ AvailabilityZone: ['eu-west-1a'] }`. @default {} */
  readonly filters?: Readonly<Record<string, readonly string[]>>;
  /** @default 'ALL' */
  readonly selectionMode?: FisSelectionMode;
}

export interface FisActionProps {
  readonly actionId: FisActionId;
  /** Action parameters, e.g. `{ duration: 'PT10M', scope: 'all' }`; durations are ISO 8601. @default {} */
  readonly parameters?: Readonly<Record<string, string>>;
  /** The resources it acts on (one target per action, named after it). */
  readonly target: FisTargetProps;
  /** @default - the action's id */
  readonly description?: string;
}

export interface FisExperimentProps {
  /**
   * Name of the experiment: its Name tag, role (`<name>-fis`) and log group (`/aws/vendedlogs/fis/<name>`).
   * CAUTION: changing it replaces the role and the log group (and the template, through its tags).
   */
  readonly name: string;
  /** What the experiment does and why (at most 512 characters). */
  readonly description: string;
  /** Account of the experiment and of its targets (trust policy condition, resource ARNs). */
  readonly accountId: string;
  readonly region: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** Actions keyed by name (a construct-safe name, also the name of its target). */
  readonly actions: Readonly<Record<string, FisActionProps>>;
  /** CloudWatch alarms, by a stable name, that stop the experiment when one goes to ALARM: 1 to 5 (the FIS quota). */
  readonly stopConditionAlarmArns: Readonly<Record<string, string>>;
  /** With no target found: `fail` the experiment, or `skip` the action. @default 'fail' */
  readonly emptyTargetResolutionMode?: 'fail' | 'skip';
  /** @default 90 */
  readonly logRetentionDays?: number;
  /** KMS key of the log group (its policy must let CloudWatch Logs use it). @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  /**
   * Tags of the template and its role. CAUTION: the provider replaces a template whose tags change
   * (tags are ForceNew on aws_fis_experiment_template), and so does a change of the provider's default tags.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An AWS FIS experiment template in one account: its actions and targets (by tags and filters),
 * CloudWatch-alarm stop conditions, logs in a CloudWatch log group with retention, an explicit
 * empty-target mode, and a role trusted only by FIS of this account, allowed to change only the
 * resources that carry the targets' tags (or the AWS managed policy where it is as narrow).
 */
export class FisExperiment extends Construct {
  readonly template: FisExperimentTemplate;
  readonly role: ServiceRole;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: FisExperimentProps) {
    super(scope, id);
    validate(props);
    const partition = props.partition ?? 'aws';
    const tags = { Experiment: props.name, ...props.tags };
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/vendedlogs/fis/${props.name}`,
      retentionInDays: props.logRetentionDays ?? 90,
      kmsKeyId: props.logKmsKeyArn,
      tags: { Name: props.name, ...tags },
    });
    this.role = this.createRole(props, partition, tags);
    const actions = Object.entries(props.actions);
    this.template = new FisExperimentTemplate(this, 'template', {
      description: props.description,
      roleArn: this.role.roleArn,
      action: actions.map(([name, action]) => ({
        name,
        actionId: action.actionId,
        description: action.description ?? action.actionId,
        parameter: Object.entries(action.parameters ?? {}).map(([key, value]) => ({ key, value })),
        target: { key: FIS_ACTIONS[action.actionId].targetKey, value: name },
      })),
      target: actions.map(([name, action]) => target(name, action)),
      stopCondition: Object.values(props.stopConditionAlarmArns).map((value) => ({ source: 'aws:cloudwatch:alarm', value })),
      experimentOptions: { accountTargeting: 'single-account', emptyTargetResolutionMode: props.emptyTargetResolutionMode ?? 'fail' },
      logConfiguration: { logSchemaVersion: 2, cloudwatchLogsConfiguration: { logGroupArn: `${this.logGroup.arn}:*` } },
      tags: { Name: props.name, ...tags },
      // FIS checks at create time that the role may deliver logs.
      dependsOn: this.role.policy ? [this.role.policy] : [],
    });
  }

  get templateId(): string {
    return this.template.id;
  }

  private createRole(props: FisExperimentProps, partition: string, tags: Record<string, string>): ServiceRole {
    const actions = Object.entries(props.actions);
    const statements = actions.flatMap(([name, action]) =>
      actionStatements(action.actionId, sidOf(name), {
        partition,
        region: props.region,
        accountId: props.accountId,
        resourceTags: action.target.resourceTags ?? {},
      }),
    );
    const managed = [...new Set(actions.flatMap(([, action]) => FIS_ACTIONS[action.actionId].managedPolicy ?? []))];
    return new ServiceRole(this, 'role', {
      name: `${props.name}-fis`,
      description: `Runs FIS experiment ${props.name}`,
      trustPolicy: serviceTrustPolicy(
        'fis.amazonaws.com',
        props.accountId,
        `arn:${partition}:fis:${props.region}:${props.accountId}:experiment/*`,
      ),
      statements: [...commonStatements(), ...statements],
      managedPolicyArns: Object.fromEntries(managed.map((policy) => [policy, `arn:${partition}:iam::aws:policy/service-role/${policy}`])),
      tags,
    });
  }
}

function target(name: string, action: FisActionProps): FisExperimentTemplateTarget {
  const { resourceTags = {}, resourceArns = [], filters = {}, selectionMode = 'ALL' } = action.target;
  return {
    name,
    resourceType: FIS_ACTIONS[action.actionId].resourceType,
    selectionMode,
    ...(resourceArns.length > 0 ? { resourceArns: [...resourceArns] } : {}),
    resourceTag: Object.entries(resourceTags).map(([key, value]) => ({ key, value })),
    filter: Object.entries(filters).map(([path, values]) => ({ path, values: [...values] })),
  };
}

/** `az-loss` → `AzLoss`: a statement id from an action name. */
function sidOf(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Minutes of an ISO 8601 duration of hours, minutes and seconds (`PT1H30M`); undefined when it is not one. Config reads durations the same way (model/workloads/experiments/duration.ts). */
export function isoDurationMinutes(value: string): number | undefined {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(value);
  if (!match || value === 'PT') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 60 + Number(minutes) + Number(seconds) / 60;
}

function validate(props: FisExperimentProps): void {
  const where = `FisExperiment ${props.name}`;
  checkName(where, 'name', props.name, 64 - '-fis'.length);
  checkAccountId(where, 'accountId', props.accountId);
  checkRegion(where, props.region);
  checkLogRetention(where, 'logRetentionDays', props.logRetentionDays);
  if (isKnown(props.description) && (props.description.length === 0 || props.description.length > 512)) {
    throw new Error(`${where}: description has ${props.description.length} characters; give 1–512`);
  }
  const actions = Object.entries(props.actions);
  if (actions.length === 0) throw new Error(`${where}: actions is empty; give the fault to inject`);
  validateConstructNames(where, 'actions name', Object.keys(props.actions));
  const alarms = Object.entries(props.stopConditionAlarmArns);
  if (alarms.length === 0) {
    throw new Error(`${where}: stopConditionAlarmArns is empty; every experiment stops on at least one CloudWatch alarm`);
  }
  if (alarms.length > MAX_STOP_CONDITIONS) {
    throw new Error(
      `${where}: stopConditionAlarmArns has ${alarms.length}; FIS allows ${MAX_STOP_CONDITIONS} stop conditions per template`,
    );
  }
  for (const [name, arn] of alarms) checkArn(where, `stopConditionAlarmArns.${name}`, arn, 'cloudwatch', /^alarm:/);
  for (const [name, action] of actions) validateAction(`${where}: actions.${name}`, action);
}

function validateAction(where: string, action: FisActionProps): void {
  const spec = FIS_ACTIONS[action.actionId];
  if (!spec) throw new Error(`${where}: actionId ${action.actionId} is not one of ${Object.keys(FIS_ACTIONS).join(', ')}`);
  const parameters = action.parameters ?? {};
  for (const key of Object.keys(parameters)) {
    if (!spec.parameters.includes(key)) {
      throw new Error(`${where}: parameter ${key} is not one of ${action.actionId} (${spec.parameters.join(', ') || 'it takes none'})`);
    }
  }
  for (const key of spec.requiredParameters) {
    if (parameters[key] === undefined) throw new Error(`${where}: ${action.actionId} needs parameter ${key}`);
  }
  for (const [key, value] of Object.entries(parameters)) {
    const range = DURATION_PARAMETERS[key];
    if (!range || !isKnown(value)) continue;
    const minutes = isoDurationMinutes(value);
    if (minutes === undefined || minutes < range.min || minutes > range.max) {
      throw new Error(`${where}: ${key} ${value} is not an ISO 8601 duration from ${range.min} to ${range.max} minutes, e.g. PT10M`);
    }
  }
  validateTarget(where, action.target);
}

function validateTarget(where: string, target: FisTargetProps): void {
  const arns = target.resourceArns ?? [];
  if (arns.length > 5)
    throw new Error(`${where}: target has ${arns.length} resourceArns; FIS takes at most 5 — select by resourceTags and filters`);
  if (arns.length === 0 && Object.keys(target.resourceTags ?? {}).length === 0) {
    throw new Error(`${where}: target has no resourceTags and no resourceArns; select the resources by tags (and filters)`);
  }
  const mode = target.selectionMode ?? 'ALL';
  const match = /^(?:ALL|COUNT\((\d+)\)|PERCENT\((\d+)\))$/.exec(mode);
  const count = match?.[1] !== undefined ? Number(match[1]) : undefined;
  const percent = match?.[2] !== undefined ? Number(match[2]) : undefined;
  if (!match || (count !== undefined && count < 1) || (percent !== undefined && (percent < 1 || percent > 100))) {
    throw new Error(`${where}: selectionMode ${mode} is not ALL, COUNT(n ≥ 1) or PERCENT(1–100)`);
  }
  for (const [path, values] of Object.entries(target.filters ?? {})) {
    if (values.length === 0) throw new Error(`${where}: filter ${path} has no values; give at least one or remove it`);
  }
}
