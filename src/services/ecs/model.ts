/**
 * @module services/ecs/model
 * ECS records and the only code that touches ECS tables.
 *
 * Tables (JSON documents keyed by ARN, with indexed columns):
 *   ecs_clusters             pk clusterArn        scope, name, status
 *   ecs_container_instances  pk instanceArn       cluster
 *   ecs_task_definitions     pk taskDefinitionArn scope, family, revision, status  (one index: scope, family, revision)
 *   ecs_families             pk <scope>/<family>  (the highest revision deleted from ecs_task_definitions, so revisions are never reused; no index)
 *   ecs_tasks                pk taskArn           cluster, service, desired, last, family, started_by, instance
 *   ecs_services             pk serviceArn        cluster, name, status
 *
 * `scope` is "<region>:<account>". Handlers write spec; controllers write status, always through an
 * update function that re-reads the record inside a transaction, so neither overwrites the other.
 */
import type { DocTable, Store } from '../../store/index.ts';
import type {
  Cluster,
  ContainerDefinition,
  ContainerInstance,
  Deployment,
  DeploymentLifecycleHookDetail,
  LoadBalancer,
  Service,
  ServiceDeploymentLifecycleStage,
  ServiceDeploymentStatus,
  ServiceEvent,
  Tag,
  Task,
  TaskDefinition,
  TaskSet,
} from './shapes.ts';

/*
 * What a stored record always has: the public shapes mark every member optional, but Slipway
 * writes these when it creates the record, so readers need not check (or assert) them.
 */
export type StoredCluster = Cluster & Required<Pick<Cluster, 'clusterArn' | 'clusterName' | 'status'>>;
export type StoredTaskDefinition = Omit<TaskDefinition, 'containerDefinitions'> &
  Required<Pick<TaskDefinition, 'taskDefinitionArn' | 'family' | 'revision' | 'status'>> & { containerDefinitions: StoredContainer[] };
export type StoredTask = Task &
  Required<Pick<Task, 'taskArn' | 'clusterArn' | 'taskDefinitionArn' | 'desiredStatus' | 'lastStatus' | 'createdAt'>>;
export type StoredContainer = ContainerDefinition & Required<Pick<ContainerDefinition, 'name' | 'image'>>;
export type StoredService = Service & Required<Pick<Service, 'serviceArn' | 'serviceName' | 'clusterArn' | 'status'>>;
export type StoredDeployment = Deployment & Required<Pick<Deployment, 'id' | 'taskDefinition'>>;
export type StoredTaskSet = TaskSet &
  Required<Pick<TaskSet, 'id' | 'taskSetArn' | 'serviceArn' | 'clusterArn' | 'status' | 'taskDefinition' | 'createdAt' | 'updatedAt'>> & {
    scale: { value: number; unit: 'PERCENT' };
    /** CreateTaskSet's idempotency token; never shown. */
    clientToken?: string;
  };
export type StoredInstance = ContainerInstance & Required<Pick<ContainerInstance, 'containerInstanceArn'>>;

export interface TaskDefinitionRecord {
  taskDefinition: StoredTaskDefinition;
  tags: Tag[];
}

export interface FamilyRecord {
  /** The highest revision deleted so far (before, the highest registered: either keeps numbers unique). */
  lastRevision: number;
}

/** What the task controller needs beyond the public Task shape. */
export interface TaskRecord {
  task: StoredTask;
  /** Container definitions with the RunTask overrides applied. */
  containers: StoredContainer[];
  networkMode: 'bridge' | 'host' | 'awsvpc' | 'none';
  /** Engine container ids by container name, once created. */
  runtimeIds: Record<string, string>;
  /** The awsvpc task's network-namespace holder. */
  pauseId?: string;
  serviceArn?: string;
  /** The service deployment or task set (ecs-svc/...) that started it. */
  deploymentId?: string;
  /** The task set it belongs to, for services under an external deployment controller. */
  taskSetArn?: string;
  /** When the task first counted as healthy for its service (epoch ms). */
  healthySince?: number;
  /** The load balancer targets registered for this service task (load-balancing.ts). */
  targets?: { targetGroupArn: string; id: string; port: number }[];
  /** Set once those targets were deregistered; the task then waits for them to drain. */
  targetsDeregistered?: boolean;
  /** Set once the task's containers and their logs have been cleaned up. */
  cleanedUp?: boolean;
}

/** Service state beyond the public Service shape. */
export interface ServiceRecord {
  service: StoredService;
  /** Deployments in the order shown by DescribeServices (PRIMARY first); none under CODE_DEPLOY or EXTERNAL. */
  deployments: StoredDeployment[];
  /** Its BLUE_GREEN service deployments, newest first (service-deployments.ts). */
  serviceDeployments?: ServiceDeploymentRecord[];
  /** Task sets of a CODE_DEPLOY or EXTERNAL service, oldest first; a deleted one stays (DRAINING) until its tasks stopped. */
  taskSets?: StoredTaskSet[];
  events: ServiceEvent[];
  /** Task definition of the last deployment that completed, for circuit-breaker rollback. */
  lastCompletedTaskDefinition?: string;
  /** The message of the last event, for de-duplication. */
  lastEventKey?: string;
  /** The service scheduler's own bookkeeping, kept across restarts and never shown by the API. */
  scheduler?: {
    /** When each deployment first had a healthy task (its circuit breaker stops counting failures then). */
    healthyAt?: Record<string, number>;
    /** Deployments the circuit breaker started as rollbacks (a failed rollback is not rolled back again). */
    rollbacks?: string[];
    /** When the service became INACTIVE; it is forgotten an hour (scaled) later. */
    inactiveAt?: number;
  };
}

/** One BLUE_GREEN service deployment: the green deployment replacing the blue one, and how far it got. */
export interface ServiceDeploymentRecord {
  serviceDeploymentArn: string;
  /** ROLLING: carried out by the rolling scheduler (rolling-service-deployments.ts); otherwise blue/green (blue-green.ts). */
  strategy?: 'ROLLING';
  /** The deployment a ROLLING one rolls back with, once its rollback began. */
  rollbackDeploymentId?: string;
  /** The service deployment (ecs-svc/...) it rolls out, and the one it replaces. */
  greenDeploymentId: string;
  blueDeploymentId: string;
  sourceTaskDefinition: string;
  targetTaskDefinition: string;
  /** The load balancers green tasks register with: the service's, each on its alternate target group. */
  greenLoadBalancers: LoadBalancer[];
  status: ServiceDeploymentStatus;
  statusReason?: string;
  lifecycleStage: ServiceDeploymentLifecycleStage;
  /** Hook details as DescribeServiceDeployments shows them, with the stage and the hook (its index) each belongs to. */
  hooks: (DeploymentLifecycleHookDetail & { hookId: string; stage: string; hookTargetIndex: number; productionStep?: number })[];
  /** Which rules were shifted to green, so a rollback shifts them back. */
  shifted: { test?: boolean; production?: boolean };
  /** Green's share of production traffic so far (percent), and when the current CANARY or LINEAR step has baked. */
  productionWeight?: number;
  stepUntil?: number;
  /** Production shift steps taken: the production hooks run at each (their details say which, productionStep from 0). */
  productionSteps?: number;
  bakeUntil?: number;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  rollback?: { reason: string; startedAt: number };
}

/** How long a deleted (INACTIVE) service stays describable, nominal; then the scheduler forgets it. */
export const INACTIVE_RETENTION_MS = 60 * 60 * 1000;

export interface ContainerInstanceRecord {
  instance: StoredInstance;
  clusterArn: string;
}

export class EcsModel {
  readonly clusters: DocTable<StoredCluster, 'scope' | 'name' | 'status'>;
  readonly instances: DocTable<ContainerInstanceRecord, 'cluster'>;
  readonly taskDefinitions: DocTable<TaskDefinitionRecord, 'scope' | 'family' | 'revision' | 'status'>;
  readonly families: DocTable<FamilyRecord, 'scope'>;
  readonly tasks: DocTable<TaskRecord, 'cluster' | 'service' | 'desired' | 'last' | 'family' | 'started_by' | 'instance'>;
  readonly services: DocTable<ServiceRecord, 'cluster' | 'name' | 'status'>;

  constructor(readonly store: Store) {
    this.clusters = store.docTable('ecs_clusters', { scope: 'TEXT', name: 'TEXT', status: 'TEXT' });
    this.instances = store.docTable('ecs_container_instances', { cluster: 'TEXT' });
    // Every query of these names the scope (then the family); one index serves them all, and a
    // registration writes it alone rather than four: about half the pages each commit writes.
    this.taskDefinitions = store.docTable('ecs_task_definitions', { scope: 'TEXT', family: 'TEXT', revision: 'INTEGER', status: 'TEXT' }, [
      ['scope', 'family', 'revision'],
    ]);
    this.families = store.docTable('ecs_families', { scope: 'TEXT' }, []);
    this.tasks = store.docTable('ecs_tasks', {
      cluster: 'TEXT',
      service: 'TEXT',
      desired: 'TEXT',
      last: 'TEXT',
      family: 'TEXT',
      started_by: 'TEXT',
      instance: 'TEXT',
    });
    this.services = store.docTable('ecs_services', { cluster: 'TEXT', name: 'TEXT', status: 'TEXT' });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  putCluster(cluster: StoredCluster, scope: string): void {
    this.clusters.put(cluster.clusterArn, cluster, { scope, name: cluster.clusterName, status: cluster.status });
  }

  putInstance(record: ContainerInstanceRecord): void {
    this.instances.put(record.instance.containerInstanceArn, record, { cluster: record.clusterArn });
  }

  putTaskDefinition(record: TaskDefinitionRecord, scope: string): void {
    const td = record.taskDefinition;
    this.taskDefinitions.put(td.taskDefinitionArn, record, { scope, family: td.family, revision: td.revision, status: td.status });
  }

  /**
   * The next revision number of a family: one past the highest it has had, stored or deleted, so
   * a number is never handed out twice. Call it inside the transaction that stores the revision.
   * Only deletions write the family's record, so a registration writes one row rather than two.
   */
  nextRevision(scope: string, family: string): number {
    const stored = this.store
      .prepare('SELECT max(revision) FROM ecs_task_definitions WHERE scope = ? AND family = ?')
      .pluck()
      .get(scope, family) as number | null;
    const deleted = this.families.get(`${scope}/${family}`)?.lastRevision ?? 0;
    return Math.max(stored ?? 0, deleted) + 1;
  }

  /** Removes a revision for good; its number stays taken. */
  deleteTaskDefinition(td: StoredTaskDefinition, scope: string): void {
    const key = `${scope}/${td.family}`;
    if ((this.families.get(key)?.lastRevision ?? 0) < td.revision) this.families.put(key, { lastRevision: td.revision }, { scope });
    this.taskDefinitions.delete(td.taskDefinitionArn);
  }

  putTask(record: TaskRecord): void {
    const t = record.task;
    this.tasks.put(t.taskArn, record, {
      cluster: t.clusterArn,
      service: record.serviceArn ?? null,
      desired: t.desiredStatus,
      last: t.lastStatus,
      family: familyOf(t.taskDefinitionArn),
      started_by: t.startedBy ?? null,
      instance: t.containerInstanceArn ?? null,
    });
  }

  /** Read-modify-write of one task in a transaction; returns the updated record, or undefined if gone. */
  updateTask(taskArn: string, mutate: (record: TaskRecord) => void): TaskRecord | undefined {
    const bump = (record: TaskRecord) => {
      mutate(record);
      record.task.version = (record.task.version ?? 0) + 1;
    };
    return this.tasks.modify(taskArn, bump, (r) => this.putTask(r));
  }

  putService(record: ServiceRecord): void {
    const s = record.service;
    this.services.put(s.serviceArn, record, { cluster: s.clusterArn, name: s.serviceName, status: s.status });
  }

  updateService(serviceArn: string, mutate: (record: ServiceRecord) => void): ServiceRecord | undefined {
    return this.services.modify(serviceArn, mutate, (r) => this.putService(r));
  }
}

/** "arn:...:task-definition/web:3" → "web" */
export function familyOf(taskDefinitionArn: string): string {
  const resource = taskDefinitionArn.slice(taskDefinitionArn.indexOf('task-definition/') + 'task-definition/'.length);
  return resource.slice(0, resource.lastIndexOf(':'));
}
