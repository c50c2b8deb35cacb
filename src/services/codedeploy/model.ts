/**
 * @module services/codedeploy/model
 * CodeDeploy records and the only code that touches the room's tables.
 *
 * Tables (JSON documents, with indexed columns):
 *   cd_applications  pk applicationArn       scope, name
 *   cd_groups        pk deploymentGroupArn   scope, app (application name), name
 *   cd_configs       pk deploymentConfigArn  scope, name        (custom configs; predefined ones are constants)
 *   cd_deployments   pk deploymentId         scope, grp (group ARN), active (1 until it ends), created
 *
 * `scope` is "<region>:<account>". Handlers write a deployment's request and what a user asks of
 * it (continue, stop, a hook's status); the deployer writes its progress, each step recorded before
 * it acts, so that a restarted Slipway resumes from the step it had reached.
 */
import type { Scope } from '../../core/ids.ts';
import { scopeKey } from '../../core/scope.ts';
import type { DocTable, Store } from '../../store/index.ts';
import type { AppSpec } from './appspec.ts';
import type {
  AlarmConfiguration,
  AutoRollbackConfiguration,
  BlueGreenDeploymentConfiguration,
  ComputePlatform,
  DeploymentStatus,
  Diagnostics,
  ECSService,
  ErrorInformation,
  LifecycleEventStatus,
  LoadBalancerInfo,
  MinimumHealthyHosts,
  RevisionLocation,
  RollbackInfo,
  Tag,
  TargetStatus,
  TrafficRoutingConfig,
} from './shapes.ts';

export interface ApplicationRecord {
  arn: string;
  id: string;
  name: string;
  computePlatform: ComputePlatform;
  createTime: number;
  tags: Tag[];
}

export interface GroupRecord {
  arn: string;
  id: string;
  applicationName: string;
  name: string;
  serviceRoleArn: string;
  deploymentConfigName: string;
  ecsServices: ECSService[];
  loadBalancerInfo: LoadBalancerInfo;
  /** With both waits filled in (GetDeploymentGroup always shows them as numbers). */
  blueGreen: BlueGreenDeploymentConfiguration;
  autoRollback: AutoRollbackConfiguration;
  alarms: AlarmConfiguration;
  tags: Tag[];
  lastAttempted?: string;
  lastSucceeded?: string;
}

export interface ConfigRecord {
  arn: string;
  id: string;
  name: string;
  createTime: number;
  computePlatform: ComputePlatform;
  trafficRoutingConfig?: TrafficRoutingConfig;
  minimumHealthyHosts?: MinimumHealthyHosts;
  tags: Tag[];
}

/** A hook's execution: the function the appspec names, and the status reported for it. */
export interface HookExecution {
  functionName: string;
  executionId: string;
  reported?: 'Succeeded' | 'Failed';
}

export interface LifecycleEventRecord {
  name: string;
  status: LifecycleEventStatus;
  startTime?: number;
  endTime?: number;
  diagnostics?: Diagnostics;
  hook?: HookExecution;
}

/** What the deployer has reached and done; every field is written before the act it names. */
export interface TargetGroupRef {
  name: string;
  arn: string;
}

export interface Progress {
  /** The original (blue) task set's id and the group it serves, found when Install starts. */
  blueTaskSet?: string;
  blue?: TargetGroupRef;
  /** The replacement (green) task set's id and the other group of the pair. */
  greenTaskSet?: string;
  green?: TargetGroupRef;
  /** The production listeners' weight on green (blue has the rest). */
  greenPercent: number;
  /** When production traffic last moved (the next step waits from then). */
  shiftedAt?: number;
  /** The test listeners route to green. */
  testOnGreen?: boolean;
  readyWaitSince?: number;
  readyContinued?: boolean;
  terminationSince?: number;
  terminationContinued?: boolean;
  /** A StopDeployment the deployer has not acted on yet. */
  stopRequested?: { rollback: boolean };
}

export interface DeploymentRecord {
  id: string;
  scope: Scope;
  applicationName: string;
  groupName: string;
  groupArn: string;
  configName: string;
  trafficRouting: TrafficRoutingConfig;
  status: DeploymentStatus;
  creator: 'user' | 'codeDeployRollback';
  description?: string;
  createTime: number;
  startTime?: number;
  completeTime?: number;
  revision: RevisionLocation;
  appSpec: AppSpec;
  service: { serviceName: string; clusterName: string };
  loadBalancerInfo: LoadBalancerInfo;
  blueGreen: BlueGreenDeploymentConfiguration;
  autoRollback: AutoRollbackConfiguration;
  alarms?: AlarmConfiguration;
  errorInformation?: ErrorInformation;
  rollbackInfo?: RollbackInfo;
  statusMessages: string[];
  target: { status: TargetStatus; lastUpdatedAt: number; events: LifecycleEventRecord[] };
  progress: Progress;
}

const FINISHED: DeploymentStatus[] = ['Succeeded', 'Failed', 'Stopped'];

export function finished(d: Pick<DeploymentRecord, 'status'>): boolean {
  return FINISHED.includes(d.status);
}

export class CodeDeployModel {
  readonly applications: DocTable<ApplicationRecord, 'scope' | 'name'>;
  readonly groups: DocTable<GroupRecord, 'scope' | 'app' | 'name'>;
  readonly configs: DocTable<ConfigRecord, 'scope' | 'name'>;
  readonly deployments: DocTable<DeploymentRecord, 'scope' | 'grp' | 'active' | 'created'>;

  constructor(readonly store: Store) {
    this.applications = store.docTable('cd_applications', { scope: 'TEXT', name: 'TEXT' });
    this.groups = store.docTable('cd_groups', { scope: 'TEXT', app: 'TEXT', name: 'TEXT' });
    this.configs = store.docTable('cd_configs', { scope: 'TEXT', name: 'TEXT' });
    this.deployments = store.docTable('cd_deployments', { scope: 'TEXT', grp: 'TEXT', active: 'INTEGER', created: 'INTEGER' });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  application(scope: string, name: string): ApplicationRecord | undefined {
    return this.applications.find({ scope, name })[0];
  }

  putApplication(r: ApplicationRecord, scope: string): void {
    this.applications.put(r.arn, r, { scope, name: r.name });
  }

  group(scope: string, app: string, name: string): GroupRecord | undefined {
    return this.groups.find({ scope, app, name })[0];
  }

  putGroup(r: GroupRecord, scope: string): void {
    this.groups.put(r.arn, r, { scope, app: r.applicationName, name: r.name });
  }

  config(scope: string, name: string): ConfigRecord | undefined {
    return this.configs.find({ scope, name })[0];
  }

  putConfig(r: ConfigRecord, scope: string): void {
    this.configs.put(r.arn, r, { scope, name: r.name });
  }

  putDeployment(d: DeploymentRecord): void {
    this.deployments.put(d.id, d, { scope: scopeKey(d.scope), grp: d.groupArn, active: finished(d) ? 0 : 1, created: d.createTime });
  }

  /** Read-modify-write of one deployment in a transaction; undefined when it is gone. */
  modifyDeployment(id: string, mutate: (d: DeploymentRecord) => void): DeploymentRecord | undefined {
    return this.deployments.modify(id, mutate, (d) => this.putDeployment(d));
  }

  /** The group's deployment that has not ended, if any. */
  activeIn(groupArn: string): DeploymentRecord | undefined {
    return this.deployments.find({ grp: groupArn, active: 1 })[0];
  }

  /** Every deployment that has not ended (what the deployer resumes after a restart). */
  active(): DeploymentRecord[] {
    return this.deployments.find({ active: 1 }, 'created');
  }
}
