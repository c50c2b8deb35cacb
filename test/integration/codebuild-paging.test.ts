/**
 * CodeBuild's lists page with opaque tokens bound to the list that issued them, and each caller's
 * region sees its own projects, report groups and builds, idempotency tokens included.
 */
import {
  CreateReportGroupCommand, ListProjectsCommand, ListReportGroupsCommand, ListReportsCommand, ListReportsForReportGroupCommand,
  RetryBuildCommand, StartBuildCommand, type CodeBuildClient,
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
    const second = await east.send(new ListReportGroupsCommand({ maxResults: 2, sortBy: 'NAME', sortOrder: 'ASCENDING', nextToken: first.nextToken }));
    assert.equal(second.nextToken, undefined);
    assert.deepEqual([...first.reportGroups!, ...second.reportGroups!].map((a) => a.split('/').pop()), ['pg-a', 'pg-b', 'pg-c']);

    await expectAwsError(east.send(new ListReportsCommand({ nextToken: first.nextToken })), 'InvalidInputException', /^Invalid nextToken: /);
    const groupArn = first.reportGroups![0];
    await expectAwsError(east.send(new ListReportsForReportGroupCommand({ reportGroupArn: groupArn, nextToken: 'bm90LWEtdG9rZW4' })), 'InvalidInputException', /^Invalid nextToken: /);
    await expectAwsError(east.send(new ListProjectsCommand({ nextToken: first.nextToken })), 'InvalidInputException', /^Invalid nextToken: /);
  });

  test('the aws CLI (v1) follows the tokens to the end of a list', async () => {
    const all = await awsCli(s.endpoint, ['codebuild', 'list-report-groups', '--sort-by', 'NAME', '--sort-order', 'ASCENDING', '--page-size', '1']);
    assert.deepEqual(all.reportGroups.map((a: string) => a.split('/').pop()), ['pg-a', 'pg-b', 'pg-c']);
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
});
