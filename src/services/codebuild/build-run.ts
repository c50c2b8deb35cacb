/**
 * @module services/codebuild/build-run
 * One build, start to finish, in this process: PROVISIONING (the image, the work directory) →
 * DOWNLOAD_SOURCE (clone, buildspec) → the container runs INSTALL … POST_BUILD, reporting each
 * boundary with a marker line that is recorded the moment it is read → UPLOAD_ARTIFACTS →
 * FINALIZING (reports) → COMPLETED; then the container and the work directory are removed. The
 * controller starts it, asks it to stop (StopBuild, timeout, shutdown), and finishes builds whose
 * run was lost with the process that had it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { logger } from '../../core/log.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { ConflictError } from '../../runtime/errors.ts';
import { ArtifactError, uploadArtifacts } from './artifacts.ts';
import { WORK_SUBDIRS, buildContainerSpec, cacheDir, containerName, makeReleaseFifo, readRunnerState, workDir } from './build-container.ts';
import { buildEnvironment } from './build-env.ts';
import { BuildspecError, parseBuildspec, type Buildspec } from './buildspec.ts';
import type { CodebuildContext } from './context.ts';
import { ImageError } from './image.ts';
import { BuildLog } from './logs.ts';
import { lull } from './lull.ts';
import { MarkerReader, phaseFailure, type Marker } from './markers.ts';
import type { BuildRecord } from './model.ts';
import type { PoolKind } from './pool.ts';
import { beginPhase, complete, endPhase, finalStatus } from './phases.ts';
import { recordReports } from './reports.ts';
import { renderBuildScript, writeRunner } from './runner.ts';
import type { Build, BuildPhaseType, PhaseContext } from './shapes.ts';
import { downloadPipelineInputs } from './pipeline-source.ts';
import { fetchSourceArchive, readS3Buildspec } from './s3-source.ts';
import { SourceError, downloadSource, loadBuildspecText, type Downloaded, type SourceReaders } from './source.ts';
import { ServiceRoleError } from '../sts/index.ts';

const log = logger('codebuild.build');
const RUNNING_COMMAND = /^\[Container\] \S+ \S+ Running command (.*)$/;

export class BuildRun {
  private readonly blog: BuildLog;
  private readonly work: string;
  private ended?: 'STOPPED' | 'TIMED_OUT';
  private endReason?: string;
  private containerId?: string;
  /** Aborted when the build is stopped or Slipway shuts down: the cleanup then waits for no lull. */
  private readonly hurry = new AbortController();
  /** The outcome is recorded; only the cleanup is left. */
  private completed = false;
  private image = '';
  /** The kind of warm container this build took, which the pool replaces once the build is over. */
  private warmKind?: PoolKind;
  private resolvedVersion?: string;
  /** The runner reached its end (DONE), and whether the phases allow UPLOAD_ARTIFACTS. */
  private done = false;
  private upload = false;
  private lastCommand?: string;
  private names: Record<string, string> = {};
  /** Where the build fetches its service role's credentials, once admitted to the relay. */
  private credentials?: Record<string, string>;

  constructor(
    private readonly cb: CodebuildContext,
    private readonly arn: string,
    private readonly uuid: string,
  ) {
    this.blog = new BuildLog(cb, uuid, cb.model.builds.get(arn)?.build);
    this.work = workDir(cb.config.dataDir, uuid);
  }

  /** StopBuild, the timeout, or Slipway shutting down: the container is stopped and the phase under way ends so. */
  abort(kind: 'STOPPED' | 'TIMED_OUT', reason?: string): void {
    this.hurry.abort();
    if (this.ended || this.completed) return;
    this.ended = kind;
    this.endReason = reason;
    this.blog.container(reason ?? (kind === 'STOPPED' ? 'Build stopped (StopBuild)' : 'Build timed out (timeoutInMinutes)'));
    if (this.containerId)
      void this.cb.runtime.stop(this.containerId, 2).catch((err) => log.warn(`stopping ${this.arn}: ${(err as Error).message}`));
  }

  async run(): Promise<void> {
    let fault: string | undefined;
    let spec: Buildspec | undefined;
    try {
      spec = await this.prepare();
      if (spec && !this.ended) await this.execute(spec);
    } catch (err) {
      fault = (err as Error).message;
      log.error(`build ${this.arn} failed inside Slipway`, err);
      this.blog.container(`Slipway failed while running this build: ${fault}`);
      this.phase((b, now) => endPhase(b, 'FAULT', now, { statusCode: 'CLIENT_ERROR', message: fault }));
    }
    await this.finalize(spec, fault);
  }

  private update(mutate: (record: BuildRecord) => void): BuildRecord | undefined {
    return this.cb.model.updateBuild(this.arn, mutate);
  }

  /** Records a phase change and announces it. */
  private phase(mutate: (build: Build, now: number) => void): void {
    const record = this.update((r) => mutate(r.build, this.cb.clock.now()));
    if (!record) return;
    const b = record.build;
    this.cb.events.publish({
      type: 'codebuild.build',
      resource: this.arn,
      at: this.cb.clock.now(),
      detail: {
        currentPhase: b.currentPhase,
        buildStatus: b.buildStatus,
        phases: b.phases?.map((p) => `${p.phaseType}:${p.phaseStatus ?? 'IN_PROGRESS'}`),
      },
    });
  }

  private begin(type: BuildPhaseType): void {
    this.blog.container(`Entering phase ${type}`);
    this.phase((b, now) => beginPhase(b, type, now));
  }

  private fail(type: BuildPhaseType, context: PhaseContext): void {
    this.blog.container(`Phase complete: ${type} State: FAILED`);
    this.blog.container(`Phase context status code: ${context.statusCode} Message: ${context.message}`);
    this.phase((b, now) => endPhase(b, 'FAILED', now, context));
  }

  /** PROVISIONING and DOWNLOAD_SOURCE; the parsed buildspec, or undefined when the build already failed. */
  private async prepare(): Promise<Buildspec | undefined> {
    const record = this.update((r) => (r.runnerEpoch = this.cb.epoch));
    if (!record) return undefined;
    const build = record.build;
    this.blog.container(`Slipway build ${build.id} (build number ${build.buildNumber}) of project ${build.projectName}`);
    this.begin('PROVISIONING');
    try {
      this.image = await this.cb.images.resolve(build.environment.image, (line) => this.blog.container(line));
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
      this.fail('PROVISIONING', { statusCode: 'CLIENT_ERROR', message: err.message.replace(/^CLIENT_ERROR: /, '') });
      return undefined;
    }
    await rm(this.work, { recursive: true, force: true });
    if (!caches(build)) {
      const { computeType, privilegedMode } = build.environment;
      const kind = { image: this.image, computeType, privileged: !!privilegedMode };
      const warm = await this.cb.pool.take(kind, this.work, containerName(this.uuid));
      if (warm) {
        this.warmKind = kind;
        this.taken(warm);
      }
    }
    for (const dir of WORK_SUBDIRS) await mkdir(join(this.work, dir), { recursive: true });
    if (this.ended) return undefined;
    this.begin('DOWNLOAD_SOURCE');
    try {
      if (build.secondarySources?.length) throw new SourceError('CLIENT_ERROR', 'secondary sources are not supported by Slipway yet');
      const src = join(this.work, 'src');
      const readers: SourceReaders = {
        log: (line) => this.blog.container(line),
        fetchArchive: (location, version) => fetchSourceArchive(this.cb.s3, location, version, join(this.work, 'download'), readers.log),
        readBuildspec: (value) => readS3Buildspec(this.cb.s3, value),
      };
      const downloaded: Downloaded = record.pipeline
        ? await downloadPipelineInputs(
            this.cb.s3,
            record.pipeline,
            this.work,
            { scope: scopeOfOwnArn(build.arn), sources: this.cb },
            readers.log,
          )
        : await downloadSource(build.source, build.sourceVersion, src, readers);
      this.resolvedVersion = downloaded.resolvedVersion;
      if (downloaded.resolvedVersion) this.update((r) => (r.build.resolvedSourceVersion = downloaded.resolvedVersion));
      const { text, from } = await loadBuildspecText(build.source.buildspec, src, readers);
      this.blog.container(`Reading buildspec from ${from}`);
      return parseBuildspec(text);
    } catch (err) {
      if (err instanceof SourceError) this.fail('DOWNLOAD_SOURCE', { statusCode: err.statusCode, message: err.message });
      else if (err instanceof BuildspecError) this.fail('DOWNLOAD_SOURCE', { statusCode: 'YAML_FILE_ERROR', message: err.message });
      else throw err;
      return undefined;
    }
  }

  /** The container: phases INSTALL … POST_BUILD as its runner reports them. */
  private async execute(spec: Buildspec): Promise<void> {
    const record = this.cb.model.builds.get(this.arn);
    if (!record) return;
    const build = record.build;
    const nonce = randomBytes(8).toString('hex');
    const caching = caches(build);
    let env: Record<string, string>;
    this.blog.container('Processing environment variables');
    try {
      const built = buildEnvironment({
        record,
        spec,
        endpoint: await this.cb.network.endpointForBuilds(),
        credentials: await this.admit(record),
        registry: this.cb.ecr.registryHost(),
        account: this.cb.config.account,
        nonce,
        resolvedVersion: this.resolvedVersion,
        stored: this.cb.secrets,
        log: (line) => this.blog.container(line),
      });
      env = built.env;
      this.blog.mask(built.secretValues);
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      this.fail('DOWNLOAD_SOURCE', { statusCode: err.statusCode, message: err.message });
      return;
    }
    await writeRunner(
      join(this.work, 'slipway'),
      renderBuildScript(spec, { buildId: build.id, cachePaths: caching ? spec.cachePaths : [] }),
    );
    const cache = caching ? cacheDir(this.cb.config.dataDir, build.projectName) : undefined;
    if (cache) await mkdir(cache, { recursive: true });
    const privileged = !!build.environment?.privilegedMode;
    this.blog.container(
      privileged
        ? "Privileged mode: the build reaches the host's Docker Engine"
        : 'Not privileged: no Docker Engine in this build (set privilegedMode to build images)',
    );
    if (this.ended) return;
    // A warm container taken in prepare runs the runner once released; one that cannot be is replaced.
    let id = this.containerId;
    const released = !!id && (await this.cb.pool.release(this.work, env));
    if (id && !released) await this.cb.runtime.remove(id);
    if (!released) {
      // Without it the container simply ends at the runner's DONE.
      await makeReleaseFifo(this.work).catch(() => undefined);
      const containerSpec = buildContainerSpec({
        arn: this.arn,
        uuid: this.uuid,
        project: build.projectName,
        image: this.image,
        work: this.work,
        env,
        privileged,
        cache,
      });
      try {
        id = await this.cb.runtime.create(containerSpec);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        id = (await this.cb.runtime.inspect(containerSpec.name)).id;
      }
      this.taken(id);
      if (this.ended) return;
    }
    const reader = new MarkerReader(
      nonce,
      (line) => this.onLine(line),
      (m) => this.onMarker(m, spec),
    );
    // The engine keeps all output from the start, so following after the start misses nothing.
    if (!released) await this.cb.runtime.start(id!);
    const stream = await this.cb.runtime.logs(id!, { follow: true });
    // DONE is the runner's last line (its output is one ordered stream), so the build goes on from
    // there instead of waiting for the engine to see the container exit.
    await new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => {
        reader.push(chunk.toString('utf8'));
        if (this.done) resolve();
      });
      for (const event of ['end', 'close', 'error']) stream.on(event, () => resolve());
    });
    stream.destroy();
    reader.end();
    if (!this.done && !this.ended) {
      // The shell died mid-phase: a command ran `exit`, or the container was killed (OOM, docker stop).
      const state = await this.cb.runtime.inspect(id!).catch(() => undefined);
      const why = state?.oomKilled
        ? 'the build container ran out of memory'
        : `the build shell exited with status ${state?.exitCode ?? 'unknown'} before the phase ended (did a command run \`exit\`?)`;
      this.fail(this.currentType(), {
        statusCode: 'COMMAND_EXECUTION_ERROR',
        message: `Error while executing command: ${this.lastCommand ?? '(none)'}. Reason: ${why}`,
      });
    }
    const state = await readRunnerState(this.work, spec, (line) => this.blog.container(line));
    this.names = state.names;
    if (spec.exportedVariables.length) this.update((r) => (r.build.exportedEnvironmentVariables = state.exported));
  }

  private taken(id: string): void {
    this.containerId = id;
    this.update((r) => (r.containerId = id));
  }

  /** The service role's credentials endpoint, good at the relay until the build ends. */
  private async admit(record: BuildRecord): Promise<Record<string, string>> {
    const { serviceRole } = record.build;
    try {
      this.credentials ??= await this.cb.network.admit({
        arn: this.arn,
        uuid: this.uuid,
        serviceRole,
        region: scopeOfOwnArn(this.arn).region,
      });
    } catch (err) {
      if (!(err instanceof ServiceRoleError)) throw err;
      throw new SourceError('ACCESS_DENIED', `CodeBuild is not authorized to perform: sts:AssumeRole on ${serviceRole}`);
    }
    return this.credentials;
  }

  private onLine(line: string): void {
    const command = line.match(RUNNING_COMMAND);
    if (command) this.lastCommand = command[1];
    this.blog.write(line);
  }

  private onMarker(m: Marker, spec: Buildspec): void {
    if (m.kind === 'BEGIN') this.phase((b, now) => beginPhase(b, m.phase, now));
    else if (m.kind === 'END' && m.status === 'SUCCEEDED') this.phase((b, now) => endPhase(b, 'SUCCEEDED', now));
    else if (m.kind === 'END') {
      const { context } = phaseFailure(spec, m);
      this.blog.container(`Phase context status code: ${context.statusCode} Message: ${context.message}`);
      this.phase((b, now) => endPhase(b, 'FAILED', now, context));
    } else {
      this.done = true;
      this.upload = m.upload;
    }
  }

  private currentType(): BuildPhaseType {
    return (this.cb.model.builds.get(this.arn)?.build.currentPhase ?? 'BUILD') as BuildPhaseType;
  }

  /** UPLOAD_ARTIFACTS (when the phases allow it), FINALIZING, COMPLETED. */
  private async finalize(spec: Buildspec | undefined, fault?: string): Promise<void> {
    const record = this.cb.model.builds.get(this.arn);
    if (!record) return;
    if (this.ended) {
      const status = this.ended;
      const message =
        this.endReason ?? (status === 'STOPPED' ? 'Build was stopped' : `Build timed out after ${record.build.timeoutInMinutes} minutes`);
      this.phase((b, now) => endPhase(b, status, now, { statusCode: status === 'STOPPED' ? 'BUILD_STOPPED' : 'BUILD_TIMED_OUT', message }));
    }
    const src = join(this.work, 'src');
    if (spec && this.done && this.upload && !this.ended && !fault) await this.uploadArtifacts(record, spec, src);
    this.begin('FINALIZING');
    if (spec && this.containerId && Object.keys(spec.reports).length) {
      const reportArns = await recordReports({
        model: this.cb.model,
        scope: scopeOfOwnArn(this.arn),
        projectName: record.build.projectName,
        buildArn: this.arn,
        uuid: this.uuid,
        srcDir: src,
        reports: spec.reports,
        now: this.cb.clock.now(),
        log: (line) => this.blog.container(line),
      }).catch((err) => {
        this.blog.container(`Reports could not be recorded: ${(err as Error).message}`);
        return [] as string[];
      });
      this.update((r) => (r.build.reportArns = reportArns));
    }
    if (this.credentials) this.cb.network.dismiss(this.arn);
    const status = finalStatus((this.cb.model.builds.get(this.arn) ?? record).build, this.ended ?? (fault ? 'FAULT' : undefined));
    this.blog.container('Phase complete: FINALIZING State: SUCCEEDED');
    this.blog.container(`Build ${status}`);
    await this.blog.close();
    this.phase((b, now) => complete(b, status, now));
    this.completed = true;
    await this.cleanUp();
  }

  /**
   * The container and the work directory go after the build has its outcome, in the first lull
   * after it, and then the pool replaces the warm container the build took: not beside the
   * containers a deploy action starts on the same engine the moment the build succeeds. What a
   * crash leaves of them is swept at the next start (sweepFinishedBuilds).
   */
  private async cleanUp(): Promise<void> {
    await lull(this.cb.events, this.hurry.signal);
    if (this.containerId)
      await this.cb.runtime
        .remove(this.containerId)
        .catch((err) => log.warn(`removing the container of ${this.arn}: ${(err as Error).message}`));
    await rm(this.work, { recursive: true, force: true }).catch(() => undefined);
    if (this.warmKind && !this.hurry.signal.aborted) this.cb.pool.refill(this.warmKind);
  }

  private async uploadArtifacts(record: BuildRecord, spec: Buildspec, src: string): Promise<void> {
    this.begin('UPLOAD_ARTIFACTS');
    try {
      const out = await uploadArtifacts({
        dataDir: this.cb.config.dataDir,
        edgeUrl: this.cb.edge.url,
        s3: this.cb.s3,
        uuid: this.uuid,
        projectName: record.build.projectName,
        srcDir: src,
        spec,
        primary: record.artifactsSpec,
        secondary: record.secondaryArtifactsSpec,
        pipeline: record.pipeline,
        shellNames: this.names,
        log: (line) => this.blog.container(line),
      });
      this.update((r) => {
        if (out.primary) r.build.artifacts = { ...r.build.artifacts, ...out.primary };
        if (out.secondary.length) r.build.secondaryArtifacts = out.secondary;
      });
      this.blog.container('Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED');
      this.phase((b, now) => endPhase(b, 'SUCCEEDED', now));
    } catch (err) {
      if (!(err instanceof ArtifactError)) throw err;
      this.fail('UPLOAD_ARTIFACTS', { statusCode: 'CLIENT_ERROR', message: err.message.replace(/^CLIENT_ERROR: /, '') });
    }
  }
}

/** Whether the build mounts its project's cache (which a warm container, made before its build, lacks). */
function caches(build: Build): boolean {
  return !!build.cache && build.cache.type !== 'NO_CACHE';
}
