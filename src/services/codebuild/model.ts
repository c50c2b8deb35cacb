/**
 * @module services/codebuild/model
 * CodeBuild records and the only code that touches CodeBuild tables.
 *
 * Tables (JSON documents keyed by ARN, with indexed columns):
 *   codebuild_projects       pk projectArn      scope, name
 *   codebuild_builds         pk buildArn        scope, project, status, started, build_id
 *   codebuild_report_groups  pk reportGroupArn  scope, name
 *   codebuild_reports        pk reportArn       scope, report_group, build, created
 *   codebuild_test_cases     pk <reportArn>#<n> report
 *
 * Files (under the data directory):
 *   codebuild/builds/<uuid>/{src,slipway,state}   a running build's work directory (removed at the end)
 *   codebuild/cache/<project>/                    cache paths kept between a project's builds
 *   codebuild/artifacts/<uuid>/<artifact>/        uploaded artifacts (see artifacts.ts)
 *   logs/codebuild/<uuid>.log                     the build's log
 *
 * `scope` is core's scopeKey, "<region>:<account>". Handlers write spec (a new build,
 * stopRequested); the build controller writes status, always through updateBuild, which re-reads
 * inside a transaction. The Stored* types say what a record always has. A record named by ARN is
 * found only by callers of its own scope (`project`, `reportGroup`, `report`, `buildById`).
 */
import { arn, type Scope } from '../../core/ids.ts';
import { inScope, scopeKey, scopeOfOwnArn } from '../../core/scope.ts';
import type { DocTable, Store } from '../../store/index.ts';
import type { Build, Project, ProjectArtifacts, Report, ReportGroup, TestCase } from './shapes.ts';

/** A project as CreateProject stores it: what the model leaves optional but a project always has. */
export type StoredProject = Project &
  Required<Pick<Project, 'name' | 'arn' | 'source' | 'artifacts' | 'environment' | 'serviceRole' | 'created' | 'lastModified'>>;
/** A build as StartBuild records it. */
export type StoredBuild = Build &
  Required<Pick<Build, 'id' | 'arn' | 'projectName' | 'buildStatus' | 'startTime' | 'source' | 'environment' | 'serviceRole'>>;
export type StoredReportGroup = ReportGroup & Required<Pick<ReportGroup, 'arn' | 'name' | 'created' | 'lastModified'>>;
export type StoredReport = Report & Required<Pick<Report, 'arn' | 'name' | 'reportGroupArn' | 'created'>>;

export interface ProjectRecord {
  project: StoredProject;
  /** Build numbers are per project, from 1, never reused. */
  lastBuildNumber: number;
}

export interface BuildRecord {
  build: StoredBuild;
  uuid: string;
  /** The artifacts as asked (project or override); build.artifacts holds where they went. */
  artifactsSpec: ProjectArtifacts;
  secondaryArtifactsSpec: ProjectArtifacts[];
  /** StopBuild asked for it; the controller stops the container. */
  stopRequested?: boolean;
  /** The Slipway process running it; another process finding it IN_PROGRESS knows it was cut off. */
  runnerEpoch?: string;
  containerId?: string;
  /** StartBuild's or RetryBuild's idempotencyToken: the same token starts no second build of the project. */
  idempotencyToken?: string;
  /** A build a pipeline's action started (source type CODEPIPELINE): where its inputs and outputs are. */
  pipeline?: PipelineBuild;
}

/** One artifact in a pipeline's artifact store: a zip object (or a clone reference). */
export interface PipelineArtifactRef {
  name: string;
  bucket: string;
  key: string;
  /** The source revision CodePipeline resolved for it (a commit id, S3 object version or image digest), if any. */
  revision?: string;
}

export interface PipelineBuild {
  /** The input artifact unpacked as $CODEBUILD_SRC_DIR; the others go to $CODEBUILD_SRC_DIR_<name>. */
  primary: string;
  inputs: PipelineArtifactRef[];
  /** The primary artifact goes to the first output not named by a secondary artifact; each secondary to the output of its name. */
  outputs: PipelineArtifactRef[];
}

export interface TestCaseRecord {
  testCase: TestCase;
}

export const codebuildArn = {
  project: (s: Scope, name: string) => arn(s, 'codebuild', `project/${name}`),
  build: (s: Scope, project: string, uuid: string) => arn(s, 'codebuild', `build/${project}:${uuid}`),
  reportGroup: (s: Scope, name: string) => arn(s, 'codebuild', `report-group/${name}`),
  report: (s: Scope, group: string, uuid: string) => arn(s, 'codebuild', `report/${group}:${uuid}`),
};

export class CodebuildModel {
  readonly projects: DocTable<ProjectRecord, 'scope' | 'name'>;
  readonly builds: DocTable<BuildRecord, 'scope' | 'project' | 'status' | 'started' | 'build_id'>;
  readonly reportGroups: DocTable<StoredReportGroup, 'scope' | 'name'>;
  readonly reports: DocTable<StoredReport, 'scope' | 'report_group' | 'build' | 'created'>;
  readonly testCases: DocTable<TestCaseRecord, 'report'>;

  constructor(readonly store: Store) {
    this.projects = store.docTable('codebuild_projects', { scope: 'TEXT', name: 'TEXT' });
    this.builds = store.docTable('codebuild_builds', {
      scope: 'TEXT',
      project: 'TEXT',
      status: 'TEXT',
      started: 'INTEGER',
      build_id: 'TEXT',
    });
    this.reportGroups = store.docTable('codebuild_report_groups', { scope: 'TEXT', name: 'TEXT' });
    this.reports = store.docTable('codebuild_reports', { scope: 'TEXT', report_group: 'TEXT', build: 'TEXT', created: 'INTEGER' });
    this.testCases = store.docTable('codebuild_test_cases', { report: 'TEXT' });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  putProject(record: ProjectRecord): void {
    const p = record.project;
    this.projects.put(p.arn, record, { scope: scopeKey(scopeOfOwnArn(p.arn)), name: p.name });
  }

  /** A project by ARN, as a caller in `scope` finds it. */
  project(scope: Scope, projectArn: string): ProjectRecord | undefined {
    return inScope(scope, projectArn) ? this.projects.get(projectArn) : undefined;
  }

  putBuild(record: BuildRecord): void {
    const b = record.build;
    this.builds.put(b.arn, record, {
      scope: scopeKey(scopeOfOwnArn(b.arn)),
      project: b.projectName,
      status: b.buildStatus,
      started: b.startTime,
      build_id: b.id,
    });
  }

  /** Read-modify-write of one build in a transaction; undefined when it is gone. */
  updateBuild(buildArn: string, mutate: (record: BuildRecord) => void): BuildRecord | undefined {
    return this.builds.modify(buildArn, mutate, (r) => this.putBuild(r));
  }

  buildById(scope: Scope, id: string): BuildRecord | undefined {
    if (id.startsWith('arn:')) return inScope(scope, id) ? this.builds.get(id) : undefined;
    return this.builds.find({ scope: scopeKey(scope), build_id: id })[0];
  }

  reportGroup(scope: Scope, groupArn: string): StoredReportGroup | undefined {
    return inScope(scope, groupArn) ? this.reportGroups.get(groupArn) : undefined;
  }

  putReportGroup(group: StoredReportGroup): void {
    this.reportGroups.put(group.arn, group, { scope: scopeKey(scopeOfOwnArn(group.arn)), name: group.name });
  }

  report(scope: Scope, reportArn: string): StoredReport | undefined {
    return inScope(scope, reportArn) ? this.reports.get(reportArn) : undefined;
  }

  putReport(report: StoredReport, buildArn: string): void {
    this.reports.put(report.arn, report, {
      scope: scopeKey(scopeOfOwnArn(report.arn)),
      report_group: report.reportGroupArn,
      build: buildArn,
      created: report.created,
    });
  }

  putTestCases(reportArn: string, cases: TestCase[]): void {
    this.tx(() => {
      this.store.prepare('DELETE FROM codebuild_test_cases WHERE report = ?').run(reportArn);
      for (const [i, testCase] of cases.entries())
        this.testCases.put(`${reportArn}#${String(i).padStart(6, '0')}`, { testCase }, { report: reportArn });
    });
  }

  deleteReport(reportArn: string): void {
    this.tx(() => {
      this.store.prepare('DELETE FROM codebuild_test_cases WHERE report = ?').run(reportArn);
      this.reports.delete(reportArn);
    });
  }
}
