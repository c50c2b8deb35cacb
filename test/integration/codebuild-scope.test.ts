/**
 * CodeBuild's lists page with opaque tokens bound to the list that issued them, and each caller's
 * region sees its own projects, report groups and builds, idempotency tokens included: another
 * region's ARN names nothing.
 */
import {
  BatchGetBuildsCommand,
  BatchGetProjectsCommand,
  BatchGetReportGroupsCommand,
  CreateReportGroupCommand,
  DeleteProjectCommand,
  DeleteReportGroupCommand,
  ListProjectsCommand,
  ListReportGroupsCommand,
  ListReportsCommand,
  ListReportsForReportGroupCommand,
  RetryBuildCommand,
  StartBuildCommand,
  StopBuildCommand,
  UpdateReportGroupCommand,
  type CodeBuildClient,
} from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { codebuildClient, createProject, startCodebuildSlipway, waitForBuild } from '../support/codebuild.ts';
import { expectAwsError } from '../support/ecr.ts';
import { awsCli, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let east: CodeBuildClient;
let west: CodeBuildClient;

before(async () => {
  ({ s, cb: east } = await startCodebuildSlipway());
  west = codebuildClient(s.endpoint, 'us-west-2');
});
after(async () => {
  await s?.close();
});

const group = (name: string) => ({ name, type: 'TEST' as const, exportConfig: { exportConfigType: 'NO_EXPORT' as const } });

describe('CodeBuild paging and scope', () => {
  test('ListReportGroups pages by maxResults; a token is refused by another list, naming nextToken', async () => {
    for (const name of ['pg-a', 'pg-b', 'pg-c']) await east.send(new CreateReportGroupCommand(group(name)));
    const first = await east.send(new ListReportGroupsCommand({ maxResults: 2, sortBy: 'NAME', sortOrder: 'ASCENDING' }));
    assert.equal(first.reportGroups?.length, 2);
    assert.ok(first.nextToken);
    const second = await east.send(
      new ListReportGroupsCommand({ maxResults: 2, sortBy: 'NAME', sortOrder: 'ASCENDING', nextToken: first.nextToken }),
    );
    assert.equal(second.nextToken, undefined);
    assert.deepEqual(
      [...first.reportGroups!, ...second.reportGroups!].map((a) => a.split('/').pop()),
      ['pg-a', 'pg-b', 'pg-c'],
    );

    await expectAwsError(
      east.send(new ListReportsCommand({ nextToken: first.nextToken })),
      'InvalidInputException',
      /^Invalid nextToken: /,
    );
    const groupArn = first.reportGroups![0];
    await expectAwsError(
      east.send(new ListReportsForReportGroupCommand({ reportGroupArn: groupArn, nextToken: 'bm90LWEtdG9rZW4' })),
      'InvalidInputException',
      /^Invalid nextToken: /,
    );
    await expectAwsError(
      east.send(new ListProjectsCommand({ nextToken: first.nextToken })),
      'InvalidInputException',
      /^Invalid nextToken: /,
    );
  });

  test('the aws CLI (v1) follows the tokens to the end of a list', async () => {
    const all = await awsCli(s.endpoint, [
      'codebuild',
      'list-report-groups',
      '--sort-by',
      'NAME',
      '--sort-order',
      'ASCENDING',
      '--page-size',
      '1',
    ]);
    assert.deepEqual(
      all.reportGroups.map((a: string) => a.split('/').pop()),
      ['pg-a', 'pg-b', 'pg-c'],
    );
  });

  test("another region sees none of this region's report groups or projects", async () => {
    await west.send(new CreateReportGroupCommand(group('pg-west')));
    const listed = await west.send(new ListReportGroupsCommand({}));
    assert.deepEqual(listed.reportGroups, ['arn:aws:codebuild:us-west-2:000000000000:report-group/pg-west']);
    await createProject(east, { name: 'pg-only-east' });
    assert.ok(!(await west.send(new ListProjectsCommand({}))).projects?.includes('pg-only-east'));
  });

  test("StartBuild's and RetryBuild's idempotencyToken answer the build of the caller's own region only", async () => {
    await createProject(east, { name: 'pg-same' });
    await createProject(west, { name: 'pg-same' });
    const inEast = (await east.send(new StartBuildCommand({ projectName: 'pg-same', idempotencyToken: 'once' }))).build!;
    const again = (await east.send(new StartBuildCommand({ projectName: 'pg-same', idempotencyToken: 'once' }))).build!;
    assert.equal(again.arn, inEast.arn);
    const inWest = (await west.send(new StartBuildCommand({ projectName: 'pg-same', idempotencyToken: 'once' }))).build!;
    assert.match(inWest.arn!, /^arn:aws:codebuild:us-west-2:000000000000:build\/pg-same:/);
    await waitForBuild(east, inEast.id!);
    const retried = (await east.send(new RetryBuildCommand({ id: inEast.id, idempotencyToken: 'retry-once' }))).build!;
    const retriedAgain = (await east.send(new RetryBuildCommand({ id: inEast.id, idempotencyToken: 'retry-once' }))).build!;
    assert.equal(retriedAgain.arn, retried.arn);
    assert.equal(retried.buildNumber, 2);
    await waitForBuild(east, retried.id!);
    await waitForBuild(west, inWest.id!);
  });

  test("another region's ARN names nothing: its project, report group and build are neither read, changed nor deleted", async () => {
    await createProject(east, { name: 'pg-arn' });
    const projectArn = 'arn:aws:codebuild:us-east-1:000000000000:project/pg-arn';
    assert.deepEqual((await west.send(new BatchGetProjectsCommand({ names: [projectArn] }))).projectsNotFound, [projectArn]);
    await expectAwsError(
      west.send(new StartBuildCommand({ projectName: projectArn })),
      'ResourceNotFoundException',
      `Project cannot be found: ${projectArn}`,
    );
    await west.send(new DeleteProjectCommand({ name: projectArn }));
    assert.equal((await east.send(new BatchGetProjectsCommand({ names: ['pg-arn'] }))).projects?.length, 1);

    const groupArn = 'arn:aws:codebuild:us-east-1:000000000000:report-group/pg-a';
    assert.deepEqual((await west.send(new BatchGetReportGroupsCommand({ reportGroupArns: [groupArn] }))).reportGroupsNotFound, [groupArn]);
    await expectAwsError(
      west.send(new UpdateReportGroupCommand({ arn: groupArn, tags: [{ key: 'k', value: 'v' }] })),
      'ResourceNotFoundException',
    );
    await expectAwsError(west.send(new ListReportsForReportGroupCommand({ reportGroupArn: groupArn })), 'ResourceNotFoundException');
    await expectAwsError(west.send(new DeleteReportGroupCommand({ arn: groupArn })), 'ResourceNotFoundException');
    assert.deepEqual((await east.send(new BatchGetReportGroupsCommand({ reportGroupArns: [groupArn] }))).reportGroups?.[0].tags, []);

    const build = (await east.send(new StartBuildCommand({ projectName: 'pg-arn' }))).build!;
    assert.deepEqual((await west.send(new BatchGetBuildsCommand({ ids: [build.arn!] }))).buildsNotFound, [build.arn]);
    await expectAwsError(west.send(new StopBuildCommand({ id: build.arn })), 'ResourceNotFoundException');
    assert.equal((await waitForBuild(east, build.id!)).buildStatus, 'SUCCEEDED');
  });
});
