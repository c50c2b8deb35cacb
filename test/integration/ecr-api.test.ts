/**
 * The ECR API against the real AWS SDK v3, aws CLI and Docker CLI: seed 002's commands verbatim
 * (but for the endpoint), image operations, tag immutability through the API and through docker
 * push, lifecycle policies that really expire images, a layer upload through the API that Docker
 * then pulls and runs, an ECS task whose image exists only in Slipway's registry, and a restart.
 * Docker CLI logins go to a temporary DOCKER_CONFIG, never the user's own.
 */
import {
  BatchCheckLayerAvailabilityCommand,
  BatchDeleteImageCommand,
  BatchGetImageCommand,
  CompleteLayerUploadCommand,
  CreateRepositoryCommand,
  DeleteLifecyclePolicyCommand,
  DeleteRepositoryCommand,
  DeleteRepositoryPolicyCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  type ECRClient,
  GetAuthorizationTokenCommand,
  GetDownloadUrlForLayerCommand,
  GetLifecyclePolicyCommand,
  GetLifecyclePolicyPreviewCommand,
  GetRepositoryPolicyCommand,
  InitiateLayerUploadCommand,
  ListImagesCommand,
  ListTagsForResourceCommand,
  PutImageCommand,
  PutImageTagMutabilityCommand,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
  StartImageScanCommand,
  StartLifecyclePolicyPreviewCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UploadLayerPartCommand,
} from '@aws-sdk/client-ecr';
import { DescribeTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  buildApiImage,
  dockerCli,
  ecrClient,
  expectAwsError,
  imageExistsLocally,
  pushDerivedImage,
  removeImagesOf,
} from '../support/ecr.ts';
import { ensureTestImages } from '../support/images.ts';
import { digestOf } from '../support/registry.ts';
import { awsCli, docker, startTestSlipway, tempDataDir, waitFor, type TestSlipway } from '../support/slipway.ts';

const dataDir = tempDataDir();
const dockerConfig = mkdtempSync(join(tmpdir(), 'slipway-docker-config-'));
const cli = (command: string) => dockerCli(command, { dockerConfig, endpoint: s.endpoint });
let s: TestSlipway;
let ecr: ECRClient;
let registry: string;
/** Local image references this file created, removed at the end. */
const localTags = new Set<string>();
/** Every registry (127.0.0.1:<port>) the file's Slipways served: their images go at the end. */
const registries = new Set<string>();

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20, dataDir });
  registries.add(new URL(s.endpoint).host);
  ecr = ecrClient(s.endpoint);
});
after(async () => {
  await s?.close();
  for (const tag of localTags)
    await docker
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined);
  await removeImagesOf(registries);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dockerConfig, { recursive: true, force: true });
});

describe('ECR', () => {
  let uri: string;
  let digest: string;

  test('seed 002: create-repository, get-login-password | docker login, docker tag, docker push, then docker pull', async () => {
    const created = await awsCli(s.endpoint, ['ecr', 'create-repository', '--repository-name', 'ecs-codepipeline-ecr-repo']);
    uri = created.repository.repositoryUri;
    registry = uri.split('/')[0];
    assert.match(uri, /^127\.0\.0\.1:\d+\/ecs-codepipeline-ecr-repo$/);
    assert.equal(created.repository.repositoryArn, 'arn:aws:ecr:us-east-1:000000000000:repository/ecs-codepipeline-ecr-repo');
    assert.equal(created.repository.registryId, '000000000000');
    assert.deepEqual(created.repository.encryptionConfiguration, { encryptionType: 'AES256' });
    assert.deepEqual(created.repository.imageScanningConfiguration, { scanOnPush: false });
    assert.equal(created.repository.imageTagMutability, 'MUTABLE');

    const login = await cli(
      `aws ecr get-login-password --region us-east-1 --endpoint-url "$ENDPOINT" | docker login --username AWS --password-stdin ${registry}`,
    );
    assert.match(login.stdout, /Login Succeeded/);
    localTags.add(`${uri}:nginx`);
    await cli(`docker tag slipway-test/busybox:1 ${uri}:nginx`);
    const pushed = await cli(`docker push ${uri}:nginx`);
    digest = pushed.stdout.match(/digest: (sha256:[a-f0-9]{64})/)![1];

    const described = await awsCli(s.endpoint, ['ecr', 'describe-images', '--repository-name', 'ecs-codepipeline-ecr-repo']);
    assert.equal(described.imageDetails.length, 1);
    const detail = described.imageDetails[0];
    assert.equal(detail.imageDigest, digest);
    assert.deepEqual(detail.imageTags, ['nginx']);
    assert.equal(detail.imageManifestMediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.equal(detail.artifactMediaType, 'application/vnd.docker.container.image.v1+json');
    assert.ok(detail.imageSizeInBytes > 100_000, `size ${detail.imageSizeInBytes}`);

    await cli(`docker rmi ${uri}:nginx`);
    assert.equal(await imageExistsLocally(`${uri}:nginx`), false);
    await cli(`docker pull ${uri}:nginx`);
    assert.equal(await imageExistsLocally(`${uri}:nginx`), true);
  });

  test('GetAuthorizationToken: base64 "AWS:<password>", one entry per registry, plain-HTTP proxy endpoint, 12 hours', async () => {
    const out = await ecr.send(new GetAuthorizationTokenCommand({ registryIds: ['000000000000', '000000000000'] }));
    assert.equal(out.authorizationData!.length, 2);
    const [entry] = out.authorizationData!;
    const [user, password, ...rest] = Buffer.from(entry.authorizationToken!, 'base64').toString().split(':');
    assert.equal(user, 'AWS');
    assert.ok(password && rest.length === 0, 'the password holds no colon');
    assert.equal(entry.proxyEndpoint, `http://${registry}`);
    const hours = (entry.expiresAt!.getTime() - Date.now()) / 3_600_000;
    assert.ok(hours > 11.9 && hours <= 12, `expires in ${hours} h`);
  });

  test('repositories: names, duplicates, unknown names, pagination, tags', async () => {
    await expectAwsError(
      ecr.send(new CreateRepositoryCommand({ repositoryName: 'ecs-codepipeline-ecr-repo' })),
      'RepositoryAlreadyExistsException',
      "The repository with name 'ecs-codepipeline-ecr-repo' already exists in the registry with id '000000000000'",
    );
    await expectAwsError(
      ecr.send(new CreateRepositoryCommand({ repositoryName: 'Bad_Name' })),
      'InvalidParameterException',
      /repositoryName/,
    );
    await expectAwsError(
      ecr.send(new CreateRepositoryCommand({ repositoryName: 'x', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' })),
      'InvalidParameterException',
    );
    const team = await ecr.send(
      new CreateRepositoryCommand({
        repositoryName: 'team/web-app',
        tags: [{ Key: 'env', Value: 'dev' }],
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest*' }],
        encryptionConfiguration: { encryptionType: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:000000000000:key/k' },
      }),
    );
    const arn = team.repository!.repositoryArn!;
    assert.equal(arn, 'arn:aws:ecr:us-east-1:000000000000:repository/team/web-app');
    assert.deepEqual(team.repository!.encryptionConfiguration, {
      encryptionType: 'KMS',
      kmsKey: 'arn:aws:kms:us-east-1:000000000000:key/k',
    });
    assert.deepEqual(team.repository!.imageTagMutabilityExclusionFilters, [{ filterType: 'WILDCARD', filter: 'latest*' }]);

    await expectAwsError(
      ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/web-app', 'nope'] })),
      'RepositoryNotFoundException',
      "The repository with name 'nope' does not exist in the registry with id '000000000000'",
    );
    const first = await ecr.send(new DescribeRepositoriesCommand({ maxResults: 1 }));
    assert.equal(first.repositories!.length, 1);
    const second = await ecr.send(new DescribeRepositoriesCommand({ maxResults: 1, nextToken: first.nextToken }));
    assert.notEqual(second.repositories![0].repositoryName, first.repositories![0].repositoryName);

    await ecr.send(
      new TagResourceCommand({
        resourceArn: arn,
        tags: [
          { Key: 'team', Value: 'web' },
          { Key: 'env', Value: 'prod' },
        ],
      }),
    );
    await ecr.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }));
    assert.deepEqual((await ecr.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, [{ Key: 'env', Value: 'prod' }]);
    await expectAwsError(
      ecr.send(new TagResourceCommand({ resourceArn: arn, tags: [{ Key: 'aws:x', Value: '1' }] })),
      'InvalidTagParameterException',
    );
    await expectAwsError(ecr.send(new ListTagsForResourceCommand({ resourceArn: `${arn}-gone` })), 'RepositoryNotFoundException');

    await ecr.send(new PutImageTagMutabilityCommand({ repositoryName: 'team/web-app', imageTagMutability: 'MUTABLE' }));
    const after = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/web-app'] }))).repositories![0];
    assert.equal(after.imageTagMutability, 'MUTABLE');
    assert.equal(after.imageTagMutabilityExclusionFilters, undefined);
    await expectAwsError(
      ecr.send(new StartImageScanCommand({ repositoryName: 'team/web-app', imageId: { imageTag: 'x' } })),
      'NotImplemented',
      /StartImageScan/,
    );
  });

  test("lists page through opaque tokens bound to their operation, within the caller's region; a foreign or bad token, or a bad maxResults, is refused naming it", async () => {
    const eu = ecrClient(s.endpoint, 'eu-west-1');
    for (const repositoryName of ['paging/c', 'paging/a', 'paging/b']) await eu.send(new CreateRepositoryCommand({ repositoryName }));
    const walked: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await eu.send(new DescribeRepositoriesCommand({ maxResults: 2, nextToken }));
      assert.ok(page.repositories!.length <= 2);
      walked.push(...page.repositories!.map((r) => r.repositoryName!));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.deepEqual(walked, ['paging/a', 'paging/b', 'paging/c'], 'eu-west-1 lists its own repositories only, by name');

    const first = await eu.send(new DescribeRepositoriesCommand({ maxResults: 1 }));
    await expectAwsError(
      eu.send(new ListImagesCommand({ repositoryName: 'paging/a', nextToken: first.nextToken })),
      'InvalidParameterException',
      /'nextToken'/,
    );
    await expectAwsError(
      eu.send(new DescribeRepositoriesCommand({ nextToken: 'not-a-token' })),
      'InvalidParameterException',
      /'nextToken'/,
    );
    await expectAwsError(eu.send(new DescribeRepositoriesCommand({ maxResults: 0 })), 'InvalidParameterException', /maxResults/);
    await expectAwsError(
      eu.send(new DescribeImagesCommand({ repositoryName: 'paging/a', imageIds: [{ imageTag: 'x' }], maxResults: 1 })),
      'InvalidParameterException',
      /'maxResults'/,
    );

    // A repository ARN names its region: another region's caller does not find it.
    const arn = first.repositories![0].repositoryArn!;
    assert.match(arn, /^arn:aws:ecr:eu-west-1:000000000000:repository\/paging\/a$/);
    await expectAwsError(ecr.send(new ListTagsForResourceCommand({ resourceArn: arn })), 'RepositoryNotFoundException');
    assert.deepEqual((await eu.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, []);
  });

  test('images: describe, list, batch-get, put-image retag, batch-delete', async () => {
    const repositoryName = 'ecs-codepipeline-ecr-repo';
    await expectAwsError(
      ecr.send(new DescribeImagesCommand({ repositoryName, imageIds: [{ imageTag: 'nope' }] })),
      'ImageNotFoundException',
      "The image with imageId {imageDigest:'null', imageTag:'nope'} does not exist within the repository with name 'ecs-codepipeline-ecr-repo' in the registry with id '000000000000'",
    );

    const got = await ecr.send(
      new BatchGetImageCommand({
        repositoryName,
        imageIds: [
          { imageTag: 'nginx' },
          { imageTag: 'nope' },
          {},
          { imageDigest: 'sha256:zz' },
          { imageTag: 'nginx', imageDigest: `sha256:${'0'.repeat(64)}` },
        ],
      }),
    );
    assert.equal(got.images!.length, 1);
    const manifest = got.images![0].imageManifest!;
    assert.equal(digestOf(manifest), digest);
    assert.deepEqual(got.images![0].imageId, { imageDigest: digest, imageTag: 'nginx' });
    assert.deepEqual(
      got.failures!.map((f) => f.failureCode),
      ['ImageNotFound', 'MissingDigestAndTag', 'InvalidImageDigest', 'ImageTagDoesNotMatchDigest'],
    );
    const refused = await ecr.send(
      new BatchGetImageCommand({
        repositoryName,
        imageIds: [{ imageTag: 'nginx' }],
        acceptedMediaTypes: ['application/vnd.oci.image.manifest.v1+json'],
      }),
    );
    assert.equal(refused.failures![0].failureCode, 'ImageNotFound');

    // Retag by manifest, the documented way to add a tag without docker.
    const put = await ecr.send(new PutImageCommand({ repositoryName, imageManifest: manifest, imageTag: 'v2', imageDigest: digest }));
    assert.deepEqual(put.image!.imageId, { imageDigest: digest, imageTag: 'v2' });
    await expectAwsError(
      ecr.send(new PutImageCommand({ repositoryName, imageManifest: manifest, imageTag: 'v2' })),
      'ImageAlreadyExistsException',
    );
    await expectAwsError(
      ecr.send(new PutImageCommand({ repositoryName, imageManifest: manifest, imageTag: 'v3', imageDigest: `sha256:${'1'.repeat(64)}` })),
      'ImageDigestDoesNotMatchException',
    );
    const missingLayer = JSON.parse(manifest);
    missingLayer.layers[0].digest = `sha256:${'2'.repeat(64)}`;
    await expectAwsError(
      ecr.send(new PutImageCommand({ repositoryName, imageManifest: JSON.stringify(missingLayer), imageTag: 'broken' })),
      'LayersNotFoundException',
    );

    const listed = await ecr.send(new ListImagesCommand({ repositoryName }));
    assert.deepEqual(listed.imageIds, [
      { imageDigest: digest, imageTag: 'nginx' },
      { imageDigest: digest, imageTag: 'v2' },
    ]);
    const page = await ecr.send(new ListImagesCommand({ repositoryName, maxResults: 1 }));
    assert.equal(page.imageIds!.length, 1);
    assert.ok(page.nextToken);

    // A second image under the same tag leaves the first one untagged.
    const other = await pushDerivedImage(cli, `${uri}:nginx`, 'second', localTags);
    const untagged = await ecr.send(new ListImagesCommand({ repositoryName, filter: { tagStatus: 'UNTAGGED' } }));
    assert.deepEqual(untagged.imageIds, []);
    const tagged = await ecr.send(new DescribeImagesCommand({ repositoryName, filter: { tagStatus: 'TAGGED' } }));
    assert.deepEqual(tagged.imageDetails!.map((d) => d.imageTags).sort(), [['nginx'], ['v2']]);

    const deleted = await ecr.send(new BatchDeleteImageCommand({ repositoryName, imageIds: [{ imageTag: 'v2' }, { imageTag: 'gone' }] }));
    assert.deepEqual(deleted.imageIds, [{ imageDigest: digest, imageTag: 'v2' }]);
    assert.deepEqual(
      deleted.failures!.map((f) => [f.imageId!.imageTag, f.failureCode, f.failureReason]),
      [['gone', 'ImageNotFound', 'Requested image not found']],
    );
    // v2 was the first image's last tag: the image went with it.
    await expectAwsError(
      ecr.send(new DescribeImagesCommand({ repositoryName, imageIds: [{ imageDigest: digest }] })),
      'ImageNotFoundException',
    );
    const left = await ecr.send(new DescribeImagesCommand({ repositoryName }));
    assert.deepEqual(
      left.imageDetails!.map((d) => [d.imageDigest, d.imageTags]),
      [[other, ['nginx']]],
    );
    digest = other;
  });

  test('an immutable repository refuses to move a tag, through the API and through docker push', async () => {
    const repo = (await ecr.send(new CreateRepositoryCommand({ repositoryName: 'frozen', imageTagMutability: 'IMMUTABLE' }))).repository!;
    const first = await pushDerivedImage(cli, `${repo.repositoryUri}:v1`, 'frozen-1', localTags);
    await cli(`docker push ${repo.repositoryUri}:v1`); // the same image again is fine
    await pushDerivedImage(cli, `${repo.repositoryUri}:v2`, 'frozen-2', localTags);
    const v2 = (await ecr.send(new BatchGetImageCommand({ repositoryName: 'frozen', imageIds: [{ imageTag: 'v2' }] }))).images![0]
      .imageManifest!;
    await expectAwsError(
      ecr.send(new PutImageCommand({ repositoryName: 'frozen', imageManifest: v2, imageTag: 'v1' })),
      'ImageTagAlreadyExistsException',
      "The image tag 'v1' already exists in the 'frozen' repository and cannot be overwritten because the repository is immutable.",
    );
    await assert.rejects(pushDerivedImage(cli, `${repo.repositoryUri}:v1`, 'frozen-3', localTags), /tag invalid|cannot be overwritten/i);
    const v1 = await ecr.send(new DescribeImagesCommand({ repositoryName: 'frozen', imageIds: [{ imageTag: 'v1' }] }));
    assert.equal(v1.imageDetails![0].imageDigest, first);
  });

  test('lifecycle policies: validated, previewed, and applied within seconds of a push', async () => {
    const repo = (await ecr.send(new CreateRepositoryCommand({ repositoryName: 'lifecycle-demo' }))).repository!;
    const repositoryName = 'lifecycle-demo';
    const policy = JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          description: 'keep the newest v* image',
          selection: { tagStatus: 'tagged', tagPrefixList: ['v'], countType: 'imageCountMoreThan', countNumber: 1 },
          action: { type: 'expire' },
        },
      ],
    });
    await expectAwsError(ecr.send(new GetLifecyclePolicyCommand({ repositoryName })), 'LifecyclePolicyNotFoundException');
    await expectAwsError(
      ecr.send(new PutLifecyclePolicyCommand({ repositoryName, lifecyclePolicyText: policy.replace('"tagged"', '"untagged"') })),
      'InvalidParameterException',
      /rule 1/,
    );

    const v1 = await pushDerivedImage(cli, `${repo.repositoryUri}:v1`, 'life-1', localTags);
    const v2 = await pushDerivedImage(cli, `${repo.repositoryUri}:v2`, 'life-2', localTags);
    await ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName, lifecyclePolicyText: policy }));
    const preview = await ecr.send(new GetLifecyclePolicyPreviewCommand({ repositoryName }));
    assert.equal(preview.status, 'COMPLETE');
    assert.deepEqual(
      preview.previewResults!.map((r) => [r.imageDigest, r.imageTags, r.appliedRulePriority, r.action!.type]),
      [[v1, ['v1'], 1, 'EXPIRE']],
    );
    assert.equal(preview.summary!.expiringImageTotalCount, 1);
    assert.equal((await ecr.send(new ListImagesCommand({ repositoryName }))).imageIds!.length, 2, 'a preview deletes nothing');

    await ecr.send(new PutLifecyclePolicyCommand({ repositoryName, lifecyclePolicyText: policy }));
    const tagsNow = async () =>
      (await ecr.send(new ListImagesCommand({ repositoryName })))
        .imageIds!.map((i) => i.imageTag)
        .sort()
        .join(',');
    await waitFor('v1 expired', async () => (await tagsNow()) === 'v2', 15_000);
    const v3 = await pushDerivedImage(cli, `${repo.repositoryUri}:v3`, 'life-3', localTags);
    await waitFor('v2 expired after the push of v3', async () => (await tagsNow()) === 'v3', 15_000);
    assert.notEqual(v3, v2);
    const got = await ecr.send(new GetLifecyclePolicyCommand({ repositoryName }));
    assert.equal(got.lifecyclePolicyText, policy);
    assert.ok(got.lastEvaluatedAt instanceof Date);
    await ecr.send(new DeleteLifecyclePolicyCommand({ repositoryName }));
    await expectAwsError(ecr.send(new GetLifecyclePolicyCommand({ repositoryName })), 'LifecyclePolicyNotFoundException');
  });

  test('repository policies are validated and stored', async () => {
    const repositoryName = 'lifecycle-demo';
    await expectAwsError(
      ecr.send(new SetRepositoryPolicyCommand({ repositoryName, policyText: '{not json' })),
      'InvalidParameterException',
    );
    await expectAwsError(
      ecr.send(new SetRepositoryPolicyCommand({ repositoryName, policyText: '{"Version":"2012-10-17"}' })),
      'InvalidParameterException',
      /Statement/,
    );
    await expectAwsError(ecr.send(new GetRepositoryPolicyCommand({ repositoryName })), 'RepositoryPolicyNotFoundException');
    const policyText = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage'] }],
    });
    await ecr.send(new SetRepositoryPolicyCommand({ repositoryName, policyText }));
    assert.equal((await ecr.send(new GetRepositoryPolicyCommand({ repositoryName }))).policyText, policyText);
    assert.equal((await ecr.send(new DeleteRepositoryPolicyCommand({ repositoryName }))).policyText, policyText);
    await expectAwsError(ecr.send(new GetRepositoryPolicyCommand({ repositoryName })), 'RepositoryPolicyNotFoundException');
  });

  test('a layer uploaded through the API becomes an image Docker pulls and runs; its download URL serves it', async () => {
    const repositoryName = 'api-built';
    const repo = (await ecr.send(new CreateRepositoryCommand({ repositoryName }))).repository!;
    const image = await buildApiImage('hello from the ECR API\n');
    const before = await ecr.send(
      new BatchCheckLayerAvailabilityCommand({ repositoryName, layerDigests: [image.layer.digest, 'sha256:bad'] }),
    );
    assert.deepEqual(before.layers, [{ layerDigest: image.layer.digest, layerAvailability: 'UNAVAILABLE' }]);
    assert.equal(before.failures![0].failureCode, 'InvalidLayerDigest');

    for (const blob of [image.layer, image.config]) {
      const { uploadId } = await ecr.send(new InitiateLayerUploadCommand({ repositoryName }));
      const half = Math.ceil(blob.bytes.length / 2);
      await ecr.send(
        new UploadLayerPartCommand({
          repositoryName,
          uploadId,
          partFirstByte: 0,
          partLastByte: half - 1,
          layerPartBlob: blob.bytes.subarray(0, half),
        }),
      );
      const skipped = ecr.send(
        new UploadLayerPartCommand({
          repositoryName,
          uploadId,
          partFirstByte: half + 1,
          partLastByte: blob.bytes.length,
          layerPartBlob: blob.bytes.subarray(half),
        }),
      );
      await expectAwsError(skipped, 'InvalidLayerPartException', /partFirstByte must be/);
      const part = await ecr.send(
        new UploadLayerPartCommand({
          repositoryName,
          uploadId,
          partFirstByte: half,
          partLastByte: blob.bytes.length - 1,
          layerPartBlob: blob.bytes.subarray(half),
        }),
      );
      assert.equal(part.lastByteReceived, blob.bytes.length - 1);
      const done = await ecr.send(new CompleteLayerUploadCommand({ repositoryName, uploadId, layerDigests: [blob.digest] }));
      assert.equal(done.layerDigest, blob.digest);
    }
    const wrong = await ecr.send(new InitiateLayerUploadCommand({ repositoryName }));
    await ecr.send(
      new UploadLayerPartCommand({
        repositoryName,
        uploadId: wrong.uploadId,
        partFirstByte: 0,
        partLastByte: 2,
        layerPartBlob: Buffer.from('abc'),
      }),
    );
    const notAbc = digestOf('abd');
    await expectAwsError(
      ecr.send(new CompleteLayerUploadCommand({ repositoryName, uploadId: wrong.uploadId, layerDigests: [notAbc] })),
      'InvalidLayerException',
    );
    const again = await ecr.send(new InitiateLayerUploadCommand({ repositoryName }));
    await ecr.send(
      new UploadLayerPartCommand({
        repositoryName,
        uploadId: again.uploadId,
        partFirstByte: 0,
        partLastByte: image.config.bytes.length - 1,
        layerPartBlob: image.config.bytes,
      }),
    );
    await expectAwsError(
      ecr.send(new CompleteLayerUploadCommand({ repositoryName, uploadId: again.uploadId, layerDigests: [image.config.digest] })),
      'LayerAlreadyExistsException',
    );

    const available = await ecr.send(new BatchCheckLayerAvailabilityCommand({ repositoryName, layerDigests: [image.layer.digest] }));
    assert.deepEqual(available.layers, [
      { layerDigest: image.layer.digest, layerAvailability: 'AVAILABLE', layerSize: image.layer.bytes.length },
    ]);
    const put = await ecr.send(new PutImageCommand({ repositoryName, imageManifest: image.manifest, imageTag: 'api' }));
    assert.equal(put.image!.imageManifestMediaType, 'application/vnd.docker.distribution.manifest.v2+json');

    localTags.add(`${repo.repositoryUri}:api`);
    await cli(`docker pull ${repo.repositoryUri}:api`);
    const { stdout } = await cli(`docker run --rm ${repo.repositoryUri}:api`);
    assert.equal(stdout, 'hello from the ECR API\n');

    const { downloadUrl } = await ecr.send(new GetDownloadUrlForLayerCommand({ repositoryName, layerDigest: image.layer.digest }));
    assert.equal(downloadUrl, `http://${registry}/v2/api-built/blobs/${image.layer.digest}`);
    const token = (await ecr.send(new GetAuthorizationTokenCommand({}))).authorizationData![0].authorizationToken!;
    assert.equal((await fetch(downloadUrl!)).status, 401);
    const body = Buffer.from(await (await fetch(downloadUrl!, { headers: { authorization: `Basic ${token}` } })).arrayBuffer());
    assert.equal(digestOf(body), image.layer.digest);
    await expectAwsError(
      ecr.send(new GetDownloadUrlForLayerCommand({ repositoryName, layerDigest: `sha256:${'3'.repeat(64)}` })),
      'LayersNotFoundException',
    );
  });

  test('an ECS task runs an image that exists only in the registry, with no docker login', async () => {
    const image = `${uri}:task`;
    await pushDerivedImage(cli, image, 'task-only', localTags);
    await cli(`docker rmi ${image}`);
    assert.equal(await imageExistsLocally(image), false);
    await cli(`docker logout ${registry}`);
    await assert.rejects(cli(`docker pull ${image}`), /no basic auth credentials|unauthorized|authentication required/i);
    const td = await s.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'from-ecr',
        containerDefinitions: [{ name: 'app', image, memory: 64, command: ['sh', '-c', 'cat /marker && sleep 60'] }],
      }),
    );
    const run = await s.ecs.send(new RunTaskCommand({ taskDefinition: td.taskDefinition!.taskDefinitionArn! }));
    assert.deepEqual(run.failures, []);
    const arn = run.tasks![0].taskArn!;
    const task = await waitFor(
      'task RUNNING',
      async () => {
        const t = (await s.ecs.send(new DescribeTasksCommand({ tasks: [arn] }))).tasks![0];
        if (t.lastStatus === 'STOPPED') throw new Error(`task stopped: ${t.stoppedReason} ${t.containers?.[0]?.reason}`);
        return t.lastStatus === 'RUNNING' ? t : undefined;
      },
      60_000,
    );
    assert.equal(task.containers![0].image, image);
    assert.equal(await imageExistsLocally(image), true);
    await s.ecs.send(new StopTaskCommand({ task: arn }));
    await waitFor(
      'task STOPPED',
      async () => (await s.ecs.send(new DescribeTasksCommand({ tasks: [arn] }))).tasks![0].lastStatus === 'STOPPED',
      60_000,
    );
  });

  test("an ECS task names the image in ECR's own form (<account>.dkr.ecr.<region>.amazonaws.com/…) and gets Slipway's", async () => {
    const image = `${uri}:aws-named`;
    await cli(`aws ecr get-login-password --endpoint-url "$ENDPOINT" | docker login --username AWS --password-stdin ${registry}`);
    await pushDerivedImage(cli, image, 'aws-named', localTags);
    await cli(`docker logout ${registry}`);
    await cli(`docker rmi ${image}`);
    const awsName = `000000000000.dkr.ecr.us-east-1.amazonaws.com/${image.slice(image.indexOf('/') + 1)}`;
    const td = await s.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'aws-named',
        containerDefinitions: [{ name: 'app', image: awsName, memory: 64, command: ['sh', '-c', 'cat /marker && sleep 60'] }],
      }),
    );
    const arn = (await s.ecs.send(new RunTaskCommand({ taskDefinition: td.taskDefinition!.taskDefinitionArn! }))).tasks![0].taskArn!;
    const task = await waitFor(
      'task RUNNING',
      async () => {
        const t = (await s.ecs.send(new DescribeTasksCommand({ tasks: [arn] }))).tasks![0];
        if (t.lastStatus === 'STOPPED') throw new Error(`task stopped: ${t.stoppedReason} ${t.containers?.[0]?.reason}`);
        return t.lastStatus === 'RUNNING' ? t : undefined;
      },
      60_000,
    );
    assert.equal(task.containers![0].image, awsName, 'the task shows the name it was given');
    assert.equal(await imageExistsLocally(image), true, 'the engine pulled it from Slipway');
    await s.ecs.send(new StopTaskCommand({ task: arn }));
    await waitFor(
      'task STOPPED',
      async () => (await s.ecs.send(new DescribeTasksCommand({ tasks: [arn] }))).tasks![0].lastStatus === 'STOPPED',
      60_000,
    );
  });

  test('what was pushed survives a restart; a non-empty repository needs force to delete', async () => {
    await s.close();
    s = await startTestSlipway({ timeScale: 20, dataDir });
    registries.add(new URL(s.endpoint).host);
    ecr = ecrClient(s.endpoint);
    const repo = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['ecs-codepipeline-ecr-repo'] }))).repositories![0];
    const listed = await ecr.send(new ListImagesCommand({ repositoryName: 'ecs-codepipeline-ecr-repo', filter: { tagStatus: 'TAGGED' } }));
    assert.deepEqual(listed.imageIds!.map((i) => i.imageTag).sort(), ['aws-named', 'nginx', 'task']);
    const newRegistry = repo.repositoryUri!.split('/')[0];
    await cli(`aws ecr get-login-password --endpoint-url "$ENDPOINT" | docker login --username AWS --password-stdin ${newRegistry}`);
    localTags.add(`${repo.repositoryUri}:nginx`);
    await cli(`docker pull ${repo.repositoryUri}:nginx`);
    assert.equal(
      (await docker.getImage(`${repo.repositoryUri}:nginx`).inspect()).RepoDigests.some((d: string) => d.endsWith(digest)),
      true,
    );

    await expectAwsError(
      ecr.send(new DeleteRepositoryCommand({ repositoryName: 'ecs-codepipeline-ecr-repo' })),
      'RepositoryNotEmptyException',
      "The repository with name 'ecs-codepipeline-ecr-repo' in registry with id '000000000000' cannot be deleted because it still contains images",
    );
    const deleted = await ecr.send(new DeleteRepositoryCommand({ repositoryName: 'ecs-codepipeline-ecr-repo', force: true }));
    assert.equal(deleted.repository!.repositoryName, 'ecs-codepipeline-ecr-repo');
    await expectAwsError(ecr.send(new ListImagesCommand({ repositoryName: 'ecs-codepipeline-ecr-repo' })), 'RepositoryNotFoundException');
    await assert.rejects(cli(`docker pull ${repo.repositoryUri}:nginx-gone`), /name unknown|not found/i);
  });
});
