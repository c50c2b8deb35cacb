/**
 * @module services/ecs
 * The ECS room: its API on the edge, the task controller that runs tasks on the engine, and the
 * service scheduler that keeps services at their desired count, rolls deployments and keeps task
 * sets; its facade (facade.ts) lets CodeDeploy drive a CODE_DEPLOY service's task sets and a
 * pipeline's deploy actions update services.
 */
import { cpus, totalmem } from 'node:os';
import { Controller } from '../../core/reconcile.ts';
import { logger } from '../../core/log.ts';
import { loadModel } from '../../protocol/model.ts';
import type { EngineInfo } from '../../runtime/types.ts';
import type { EcrFacade } from '../ecr/index.ts';
import type { ElbFacade } from '../elb/index.ts';
import type { ElbTrafficFacade } from '../elb/traffic-types.ts';
import type { LogsFacade } from '../logs/index.ts';
import type { S3Facade } from '../s3/index.ts';
import type { SecretsFacade } from '../secrets/index.ts';
import type { ContainerCredentials, RoleSessions, WorkloadRelay } from '../sts/index.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { found, tagMap } from '../authorization.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { ecsHandlers } from './api.ts';
import { taggable } from './api-tags.ts';
import { createCluster } from './clusters.ts';
import { LABEL } from './container-spec.ts';
import type { EcsContext } from './context.ts';
import { ecsServicesFacade, ecsTaskSetsFacade } from './facade.ts';
import type { EcsServicesFacade, EcsTaskSetsFacade } from './facade-types.ts';
import { wakeForTargetGroup } from './load-balancing.ts';
import { logRoutes } from './logs.ts';
import { EcsModel } from './model.ts';
import { reconcileService } from './scheduler.ts';
import { storedServiceProblem } from './service-spec.ts';
import { reconcileTask } from './task-controller.ts';
import { AwsLogsShipper } from './task-logs.ts';

const log = logger('ecs');

export type { EcsServicesFacade, EcsTaskSetsFacade } from './facade-types.ts';

/** What other rooms reach of ECS: task sets (CodeDeploy) and services and task definitions (pipelines). */
export type EcsFacade = EcsTaskSetsFacade & EcsServicesFacade;

export interface EcsDeps {
  elb: ElbFacade & ElbTrafficFacade;
  ecr: EcrFacade;
  s3: S3Facade;
  secrets: SecretsFacade;
  logs: LogsFacade;
  credentials: ContainerCredentials;
  /** The roles ECS acts with (tasks' execution roles, services' roles): checked, and each read authorized as the role. */
  roles: RoleSessions;
  /** How a task with a task role reaches the edge (AWS_ENDPOINT_URL). */
  relay: WorkloadRelay;
}

export function register(app: AppContext, deps: EcsDeps): RoomWithFacade<EcsFacade> {
  const model = new EcsModel(app.store);
  const ecs: EcsContext = {
    ...app,
    ...deps,
    model,
    engine: fallbackEngine(),
    awslogs: new AwsLogsShipper(app.runtime, deps.logs),
    enqueueTask: (arn) => tasks.enqueue(arn),
    enqueueService: (arn) => services.enqueue(arn),
  };
  const tasks = new Controller({
    name: 'ecs.tasks',
    reconcile: reconcileTask(ecs),
    concurrency: 8,
    resyncMs: 10_000,
    listKeys: () => model.tasks.find().map((t) => t.task.taskArn),
  });
  const services = new Controller({
    name: 'ecs.services',
    reconcile: reconcileService(ecs),
    concurrency: 4,
    resyncMs: 5_000,
    listKeys: () =>
      model.services
        .find()
        .filter((s) => s.service.status !== 'INACTIVE')
        .map((s) => s.service.serviceArn),
  });
  const watching = new AbortController();
  const api = {
    model: loadModel('ecs'),
    handlers: ecsHandlers(ecs),
    validation: { constraint: 'InvalidParameterException', type: 'SerializationException' },
  };

  return {
    name: 'ecs',
    facade: { ...ecsTaskSetsFacade(ecs), ...ecsServicesFacade(ecs, api) },
    api,
    routes: logRoutes(ecs),
    authorization: (arn) => found(() => ({ tags: tagMap(taggable(ecs, scopeOfOwnArn(arn), arn).tags) })),
    async start() {
      try {
        ecs.engine = await app.runtime.info();
      } catch (err) {
        log.warn(
          `Docker Engine is not reachable (${(err as Error).message}); tasks will wait for it. Start Docker and check \`docker info\`.`,
        );
      }
      // The account's default cluster exists from the start in the default region, as on AWS after
      // first use (elsewhere it is made on first use), so no refused request is what creates it.
      createCluster(ecs, { region: app.config.defaultRegion, account: app.config.account }, 'default');
      void watchEngine(ecs, watching.signal);
      const unwatchTargets = deps.elb.onTargetHealth((targetGroupArn) => wakeForTargetGroup(ecs, targetGroupArn));
      watching.signal.addEventListener('abort', unwatchTargets, { once: true });
      await reportOrphans(ecs);
      reportUnservable(ecs);
      tasks.start();
      services.start();
    },
    async stop() {
      watching.abort();
      ecs.awslogs.stop();
      await Promise.all([tasks.stop(), services.stop()]);
    },
  };
}

function fallbackEngine(): EngineInfo {
  return {
    id: 'unknown',
    name: 'local',
    version: 'unknown',
    cpus: cpus().length,
    memoryBytes: totalmem(),
    os: 'linux',
    arch: process.arch === 'arm64' ? 'aarch64' : 'x86_64',
  };
}

/** Engine events wake the task a container belongs to; the stream is re-opened if it drops. */
async function watchEngine(ecs: EcsContext, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      await ecs.runtime.events(
        { [LABEL.managed]: 'true' },
        (e) => {
          const arn = e.labels[LABEL.taskArn];
          if (arn) ecs.enqueueTask(arn);
        },
        signal,
      );
    } catch (err) {
      if (!signal.aborted) log.debug(`engine event stream dropped: ${(err as Error).message}`);
    }
    if (!signal.aborted) await new Promise((r) => setTimeout(r, 2000));
  }
}

/** Stored services Slipway cannot serve are named at start; the scheduler leaves them be and says why in their events. */
function reportUnservable(ecs: EcsContext): void {
  for (const { service } of ecs.model.services.find({ status: 'ACTIVE' })) {
    const problem = storedServiceProblem(service);
    if (problem)
      log.error(
        `service ${service.serviceArn} is not scheduled: its stored settings are invalid (${problem}); fix them with UpdateService`,
      );
  }
}

/** Containers labelled as Slipway's whose task is unknown are left alone, but named. */
async function reportOrphans(ecs: EcsContext): Promise<void> {
  try {
    for (const c of await ecs.runtime.list({ [LABEL.managed]: 'true' })) {
      const arn = c.labels[LABEL.taskArn];
      if (arn && !ecs.model.tasks.get(arn) && c.running) {
        log.warn(
          `container ${c.name} belongs to task ${arn}, which this data directory does not know; leaving it running (remove it with: docker rm -f ${c.name})`,
        );
      }
    }
  } catch {
    // Engine unreachable: the warning at start-up already says so.
  }
}
