/**
 * @module services/codebuild/reports
 * The buildspec's `reports`: after the phases, each report's files are read (JUnit XML, TestNG XML)
 * into a report in its report group — the group named by ARN, or `<project>-<report name>`,
 * created on first use as CodeBuild does — with its test cases, for DescribeTestCases.
 */
import { basename } from 'node:path';
import { parseArn, type Scope } from '../../core/ids.ts';
import type { ReportSpec } from './buildspec.ts';
import { readFileInside, resolveInside } from './build-tree.ts';
import { matchFiles } from './glob.ts';
import { parseJunit, parseTestng, type ParsedCase } from './junit.ts';
import { codebuildArn, type CodebuildModel, type StoredReport, type StoredReportGroup } from './model.ts';
import type { ReportGroup, TestCase } from './shapes.ts';

const REPORT_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export function newReportGroup(scope: Scope, name: string, now: number, extra: Partial<ReportGroup> = {}): StoredReportGroup {
  return {
    arn: codebuildArn.reportGroup(scope, name),
    name,
    type: 'TEST',
    exportConfig: { exportConfigType: 'NO_EXPORT' },
    created: now,
    lastModified: now,
    tags: [],
    status: 'ACTIVE',
    ...extra,
  };
}

export interface ReportInput {
  model: CodebuildModel;
  scope: Scope;
  projectName: string;
  buildArn: string;
  uuid: string;
  srcDir: string;
  reports: Record<string, ReportSpec>;
  now: number;
  log: (line: string) => void;
}

/** Writes one report per buildspec report; returns their ARNs. */
export async function recordReports(input: ReportInput): Promise<string[]> {
  const arns: string[] = [];
  for (const [key, spec] of Object.entries(input.reports)) {
    const group = groupFor(input, key);
    if (!group) {
      input.log(`Report ${key}: report group ${key} does not exist; create it with CreateReportGroup first`);
      continue;
    }
    const reportArn = codebuildArn.report(input.scope, group.name, input.uuid);
    const { cases, problem } = await readCases(input.srcDir, spec);
    const counts: Record<string, number> = {};
    for (const c of cases) counts[c.status] = (counts[c.status] ?? 0) + 1;
    const passed = cases.every((c) => c.status === 'SUCCEEDED' || c.status === 'SKIPPED');
    const report: StoredReport = {
      arn: reportArn,
      type: 'TEST',
      name: group.name,
      reportGroupArn: group.arn,
      executionId: input.buildArn,
      status: problem ? 'FAILED' : passed ? 'SUCCEEDED' : 'FAILED',
      created: input.now,
      expired: input.now + REPORT_LIFETIME_MS,
      exportConfig: group.exportConfig,
      truncated: false,
      testSummary: { total: cases.length, statusCounts: counts, durationInNanoSeconds: cases.reduce((n, c) => n + c.durationNs, 0) },
    };
    const testCases: TestCase[] = cases.map((c) => ({
      reportArn,
      testRawDataPath: c.file,
      prefix: c.prefix,
      name: c.name,
      status: c.status,
      durationInNanoSeconds: c.durationNs,
      message: c.message,
      expired: report.expired,
      testSuiteName: c.suite,
    }));
    input.model.tx(() => {
      input.model.putReport(report, input.buildArn);
      input.model.putTestCases(reportArn, testCases);
    });
    input.log(`Report ${group.name}: ${cases.length} test case(s) ${JSON.stringify(counts)}${problem ? `; ${problem}` : ''}`);
    arns.push(reportArn);
  }
  return arns;
}

function groupFor(input: ReportInput, key: string): StoredReportGroup | undefined {
  if (key.startsWith('arn:')) {
    return input.model.reportGroup(input.scope, key);
  }
  const name = `${input.projectName}-${key}`;
  const arn = codebuildArn.reportGroup(input.scope, name);
  return input.model.tx(() => {
    const existing = input.model.reportGroups.get(arn);
    if (existing) return existing;
    const created = newReportGroup(input.scope, name, input.now);
    input.model.putReportGroup(created);
    return created;
  });
}

async function readCases(srcDir: string, spec: ReportSpec): Promise<{ cases: (ParsedCase & { file: string })[]; problem?: string }> {
  const parser = spec.fileFormat === 'JUNITXML' ? parseJunit : spec.fileFormat === 'TESTNGXML' ? parseTestng : undefined;
  if (!parser) return { cases: [], problem: `file-format ${spec.fileFormat} is not read by Slipway yet (JUNITXML and TESTNGXML are)` };
  const base = await resolveInside(srcDir, spec.baseDirectory ?? '');
  const files = base ? await matchFiles(base, spec.files) : [];
  if (files.length === 0) return { cases: [], problem: `no report files matched ${spec.files.join(', ')}` };
  const cases: (ParsedCase & { file: string })[] = [];
  for (const file of files) {
    const text = await readFileInside(srcDir, file.absolute);
    if (text === undefined) continue; // a link to nothing inside the source directory
    try {
      for (const c of parser(text)) cases.push({ ...c, file: spec.discardPaths ? basename(file.path) : file.path });
    } catch (err) {
      return { cases, problem: `cannot read ${file.path}: ${(err as Error).message}` };
    }
  }
  return { cases };
}

/** The report group an ARN names, when it is a CodeBuild report-group ARN. */
export function isReportGroupArn(value: string): boolean {
  const parsed = parseArn(value);
  return parsed?.service === 'codebuild' && parsed.resource.startsWith('report-group/');
}
