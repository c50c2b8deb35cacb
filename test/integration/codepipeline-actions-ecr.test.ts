/**
 * The ECR source action run in-process against a real Slipway: a docker push of the watched tag is
 * a change for it (another tag or repository is not), a run writes imageDetail.json as CodePipeline
 * does with the output variables, `latest` follows the tag, a pinned digest reads that image after
 * the tag moved on, and a missing tag fails saying so.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { SlipwayEvent } from '../../src/core/events.ts';
import { ecrSourceAction } from '../../src/services/codepipeline/actions/ecr-source.ts';
import type { EcrFacade } from '../../src/services/ecr/index.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { dockerCli, pushDerivedImage, removeImagesOf } from '../support/ecr.ts';
import { ensureTestImages } from '../support/images.ts';
import { ARTIFACT_BUCKET, SCOPE, actionJob, artifactAt, readArtifact } from '../support/pipeline-actions.ts';
import { awsCli, docker, facadeOf, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const dockerConfig = mkdtempSync(join(tmpdir(), 'slipway-docker-config-'));
const localTags = new Set<string>();
let s: TestSlipway;
let s3: S3Facade;
let uri: string;
const cli = (command: string) => dockerCli(command, { dockerConfig, endpoint: s.endpoint });
const pushes: SlipwayEvent[] = [];

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway();
  s3 = facadeOf<S3Facade>(s.app, 's3');
  s.app.ctx.events.subscribe((e) => e.type === 'ecr.push' && pushes.push(e));
  await awsCli(s.endpoint, ['s3api', 'create-bucket', '--bucket', ARTIFACT_BUCKET]);
  uri = (await awsCli(s.endpoint, ['ecr', 'create-repository', '--repository-name', 'web'])).repository.repositoryUri;
  await awsCli(s.endpoint, ['ecr', 'create-repository', '--repository-name', 'other']);
  await cli(`aws ecr get-login-password --endpoint-url "$ENDPOINT" | docker login --username AWS --password-stdin ${uri.split('/')[0]}`);
});
after(async () => {
  const host = s ? new URL(s.endpoint).host : undefined;
  await s?.close();
  // Every tag this file made is under the registry's host.
  if (host) await removeImagesOf([host]);
  rmSync(dockerConfig, { recursive: true, force: true });
});

test('a push of the watched tag is a change; a run writes imageDetail.json and the output variables', async () => {
  const action = ecrSourceAction({ ecr: facadeOf<EcrFacade>(s.app, 'ecr'), s3 });
  const configuration = { RepositoryName: 'web', ImageTag: 'prod' };
  assert.deepEqual(action.watches, ['ecr.push']);
  assert.equal(await action.latest!(configuration, SCOPE), undefined, 'no image has the tag yet');

  const first = await pushDerivedImage(cli, `${uri}:prod`, 'first', localTags);
  await pushDerivedImage(cli, `${uri}:staging`, 'staging', localTags);
  const seen = pushes.filter((e) => e.resource?.endsWith(':repository/web'));
  const changes = await Promise.all(seen.map((e) => action.changeFrom!(e, configuration, SCOPE)));
  const real = changes.filter((c) => c !== undefined);
  assert.equal(real.length, 1, 'only the prod push is a change');
  assert.equal(real[0]!.revision.revisionType, 'IMAGE_DIGEST');
  assert.equal(real[0]!.revision.revisionValue, first);
  assert.equal(real[0]!.triggerType, 'CloudWatchEvent');
  assert.equal(
    await action.changeFrom!(seen[0]!, configuration, { region: 'eu-west-1', account: SCOPE.account }),
    undefined,
    'another region',
  );

  const output = artifactAt('SourceArtifact');
  const job = actionJob(action.type, configuration, { outputArtifacts: [output], sourceRevision: real[0]!.revision });
  const outcome = await action.run(job, () => assert.fail('a source action starts no outside work'));
  assert.equal(outcome.status, 'Succeeded', JSON.stringify(outcome));
  const files = await readArtifact(s3, output);
  assert.deepEqual(Object.keys(files), ['imageDetail.json']);
  const detail = JSON.parse(files['imageDetail.json']!);
  assert.deepEqual(Object.keys(detail), [
    'ImageSizeInBytes',
    'ImageDigest',
    'Version',
    'ImagePushedAt',
    'RegistryId',
    'RepositoryName',
    'ImageURI',
    'ImageTags',
  ]);
  assert.equal(detail.ImageDigest, first);
  assert.equal(detail.ImageURI, `${uri}@${first}`);
  assert.equal(detail.Version, '1.0');
  assert.equal(detail.RegistryId, '000000000000');
  assert.equal(detail.RepositoryName, 'web');
  assert.deepEqual(detail.ImageTags, ['prod']);
  assert.match(detail.ImageSizeInBytes, /^[1-9]\d*$/);
  assert.match(detail.ImagePushedAt, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
  assert.deepEqual(outcome.outputVariables, {
    RegistryId: '000000000000',
    RepositoryName: 'web',
    ImageTag: 'prod',
    ImageDigest: first,
    ImageURI: `${uri}@${first}`,
  });
  assert.equal(outcome.revision?.revisionValue, first);

  // The image the URI names is the one pushed: the engine pulls it by digest.
  const pulled = await cli(`docker pull ${detail.ImageURI} >/dev/null && docker run --rm ${detail.ImageURI} cat /marker`);
  assert.equal(pulled.stdout.trim(), 'first');

  // The tag moves on: latest follows it, and a run pinned to the first digest still reads the first image.
  const second = await pushDerivedImage(cli, `${uri}:prod`, 'second', localTags);
  assert.equal((await action.latest!(configuration, SCOPE))?.revisionValue, second);
  const unpinned = actionJob(action.type, configuration, { outputArtifacts: [artifactAt('SourceArtifact')] });
  assert.equal((await action.run(unpinned, () => undefined)).outputVariables?.ImageDigest, second);
  const again = await action.run(job, () => undefined);
  assert.equal(again.outputVariables?.ImageDigest, first);
  assert.deepEqual(JSON.parse((await readArtifact(s3, output))['imageDetail.json']!).ImageTags, []);
});

test('ImageTag defaults to latest; a tag or repository with no image fails saying which', async () => {
  const action = ecrSourceAction({ ecr: facadeOf<EcrFacade>(s.app, 'ecr'), s3 });
  const noTag = await action.run(
    actionJob(action.type, { RepositoryName: 'other' }, { outputArtifacts: [artifactAt('Src')] }),
    () => undefined,
  );
  assert.equal(noTag.status, 'Failed');
  assert.equal(noTag.errorDetails?.code, 'RevisionUnavailable');
  assert.match(noTag.errorDetails!.message, /'latest'.*repository other/);
  const noRepo = await action.run(
    actionJob(action.type, { RepositoryName: 'nope' }, { outputArtifacts: [artifactAt('Src')] }),
    () => undefined,
  );
  assert.equal(noRepo.status, 'Failed');
  assert.match(noRepo.errorDetails!.message, /nope/);

  const digest = await pushDerivedImage(cli, `${uri}:latest`, 'latest', localTags);
  const ok = await action.run(actionJob(action.type, { RepositoryName: 'web' }, { outputArtifacts: [artifactAt('Src')] }), () => undefined);
  assert.equal(ok.outputVariables?.ImageTag, 'latest');
  assert.equal(ok.outputVariables?.ImageDigest, digest);
});
