/**
 * @module services/codebuild/api-reports
 * Report groups and the reports builds write into them: CreateReportGroup, UpdateReportGroup,
 * DeleteReportGroup, BatchGetReportGroups, ListReportGroups, BatchGetReports, ListReports,
 * ListReportsForReportGroup, DescribeTestCases, DeleteReport, GetReportGroupTrend.
 */
import { paginate } from '../../core/paging.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import { shown } from '../../core/text.ts';
import type { Handlers, RequestContext } from '../../protocol/types.ts';
import { listPaging, sortOrder } from './api-common.ts';
import type { CodebuildContext } from './context.ts';
import { codebuildError, invalid } from './errors.ts';
import { codebuildArn, type StoredReport, type StoredReportGroup } from './model.ts';
import { newReportGroup } from './reports.ts';
import type { CodebuildOperations, ListReportsForReportGroupInput, ListReportsInput, Report, ReportGroup } from './shapes.ts';

/** A report group's name: it also names the group a buildspec's report lands in, `<project>-<report>`. */
const REPORT_GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{1,127}$/;

export function reportHandlers(cb: CodebuildContext): Handlers<CodebuildOperations> {
  const m = cb.model;
  const requireGroup = (ctx: RequestContext, arn: string): StoredReportGroup => {
    const group = m.reportGroup(scopeOf(ctx), arn);
    if (!group) throw codebuildError.reportGroupNotFound(arn);
    return group;
  };

  return {
    CreateReportGroup(input, ctx) {
      const scope = scopeOf(ctx);
      if (input.type !== 'TEST') invalid(`Report group type ${input.type} is not supported by Slipway yet (TEST is)`);
      if (!REPORT_GROUP_NAME.test(input.name)) {
        invalid(
          `Invalid report group name ${shown(input.name)}: it must be 2 to 128 letters, digits, hyphens or underscores, starting with a letter or digit`,
        );
      }
      const arn = codebuildArn.reportGroup(scope, input.name);
      const group = newReportGroup(scope, input.name, cb.clock.now(), { exportConfig: input.exportConfig, tags: input.tags ?? [] });
      m.tx(() => {
        if (m.reportGroups.get(arn)) throw codebuildError.reportGroupExists(arn);
        m.putReportGroup(group);
      });
      return { reportGroup: group };
    },

    UpdateReportGroup(input, ctx) {
      const group = m.tx(() => {
        const updated = {
          ...requireGroup(ctx, input.arn),
          ...(input.exportConfig ? { exportConfig: input.exportConfig } : {}),
          ...(input.tags ? { tags: input.tags } : {}),
          lastModified: cb.clock.now(),
        };
        m.putReportGroup(updated);
        return updated;
      });
      return { reportGroup: group };
    },

    DeleteReportGroup(input, ctx) {
      m.tx(() => {
        requireGroup(ctx, input.arn);
        const reports = m.reports.find({ report_group: input.arn });
        if (reports.length && !input.deleteReports)
          invalid(`Report group ${input.arn} still has reports; delete them first or pass deleteReports`);
        for (const r of reports) m.deleteReport(r.arn);
        m.reportGroups.delete(input.arn);
      });
      return {};
    },

    BatchGetReportGroups(input, ctx) {
      const reportGroups: ReportGroup[] = [];
      const reportGroupsNotFound: string[] = [];
      for (const arn of input.reportGroupArns) {
        const group = m.reportGroup(scopeOf(ctx), arn);
        if (group) reportGroups.push(group);
        else reportGroupsNotFound.push(arn);
      }
      return { reportGroups, reportGroupsNotFound };
    },

    ListReportGroups(input, ctx) {
      const sortBy = input.sortBy ?? 'CREATED_TIME';
      const key = (g: StoredReportGroup): string | number =>
        sortBy === 'NAME' ? g.name : sortBy === 'CREATED_TIME' ? g.created : g.lastModified;
      const groups = m.reportGroups
        .find({ scope: scopeKey(scopeOf(ctx)) })
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      const arns = sortOrder(groups, input.sortOrder, 'DESCENDING').map((g) => g.arn);
      const page = paginate(arns, { token: input.nextToken, size: input.maxResults }, listPaging('report-groups'));
      return { reportGroups: page.items, nextToken: page.next };
    },

    BatchGetReports(input, ctx) {
      const reports: Report[] = [];
      const reportsNotFound: string[] = [];
      for (const arn of input.reportArns) {
        const report = m.report(scopeOf(ctx), arn);
        if (report) reports.push(report);
        else reportsNotFound.push(arn);
      }
      return { reports, reportsNotFound };
    },

    ListReports(input, ctx) {
      return reportPage(m.reports.find({ scope: scopeKey(scopeOf(ctx)) }, 'created, pk'), input, 'reports');
    },

    ListReportsForReportGroup(input, ctx) {
      requireGroup(ctx, input.reportGroupArn);
      return reportPage(m.reports.find({ report_group: input.reportGroupArn }, 'created, pk'), input, 'group-reports');
    },

    DescribeTestCases(input, ctx) {
      if (!m.report(scopeOf(ctx), input.reportArn)) throw codebuildError.reportNotFound(input.reportArn);
      const keyword = input.filter?.keyword?.toLowerCase();
      const cases = m.testCases
        .find({ report: input.reportArn })
        .map((r) => r.testCase)
        .filter((c) => !input.filter?.status || c.status === input.filter.status)
        .filter((c) => !keyword || `${c.prefix} ${c.name} ${c.message ?? ''}`.toLowerCase().includes(keyword));
      const page = paginate(cases, { token: input.nextToken, size: input.maxResults }, listPaging('test-cases', 50));
      return { testCases: page.items, nextToken: page.next };
    },

    DeleteReport(input, ctx) {
      if (m.report(scopeOf(ctx), input.arn)) m.deleteReport(input.arn);
      return {};
    },

    GetReportGroupTrend(input, ctx) {
      requireGroup(ctx, input.reportGroupArn);
      const reports = m.reports
        .find({ report_group: input.reportGroupArn }, 'created, pk')
        .reverse()
        .slice(0, input.numOfReports ?? 100);
      const value = (r: StoredReport): number => {
        const s = r.testSummary;
        switch (input.trendField) {
          case 'PASS_RATE':
            return s?.total ? (100 * (s.statusCounts.SUCCEEDED ?? 0)) / s.total : 0;
          case 'DURATION':
            return s ? s.durationInNanoSeconds / 1e6 : 0;
          case 'TOTAL':
            return s?.total ?? 0;
          default:
            return 0;
        }
      };
      const data = reports.map((r) => ({ reportArn: r.arn, data: String(value(r)) }));
      const numbers = data.map((d) => Number(d.data));
      const stats = numbers.length
        ? {
            average: String(numbers.reduce((a, b) => a + b, 0) / numbers.length),
            max: String(Math.max(...numbers)),
            min: String(Math.min(...numbers)),
          }
        : {};
      return { stats, rawData: data };
    },
  };
}

/** One page of report ARNs filtered by status, newest first unless sortOrder is ASCENDING: ListReports and ListReportsForReportGroup. */
function reportPage(
  reports: StoredReport[],
  input: ListReportsInput | ListReportsForReportGroupInput,
  kind: string,
): { reports: string[]; nextToken?: string } {
  const arns = reports.filter((r) => !input.filter?.status || r.status === input.filter.status).map((r) => r.arn);
  const page = paginate(
    sortOrder(arns, input.sortOrder, 'DESCENDING'),
    { token: input.nextToken, size: input.maxResults },
    listPaging(kind),
  );
  return { reports: page.items, nextToken: page.next };
}
