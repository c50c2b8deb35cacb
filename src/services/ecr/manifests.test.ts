import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AwsError } from '../../core/errors.ts';
import type { SlipwayEvent } from '../../core/events.ts';
import { sha256 } from './blobs.ts';
import type { EcrContext } from './context.ts';
import { MEDIA_TYPES } from './manifest-format.ts';
import { deleteImage, deleteTag, putManifest, resolveReference, untag } from './manifests.ts';
import { addRepository, ecrTestContext, imageManifest, pushBlob } from './testing.ts';

let ecr: ReturnType<typeof ecrTestContext>;
beforeEach(() => (ecr = ecrTestContext()));
afterEach(() => ecr.cleanup());

const refused = (code: string, message?: RegExp) => (err: unknown) =>
  err instanceof AwsError && err.code === code && (!message || message.test(err.message));

/** A repository with one config and two layers pushed, and the manifest over them. */
async function pushed(
  ecrCtx: EcrContext,
  name = 'app',
  mutability: 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' = 'MUTABLE',
  seed = 'a',
) {
  const repo = addRepository(ecrCtx, name, mutability);
  const config = await pushBlob(ecrCtx, repo, Buffer.from(`{"architecture":"amd64","seed":"${seed}"}`));
  const layers = [await pushBlob(ecrCtx, repo, Buffer.alloc(1000, seed)), await pushBlob(ecrCtx, repo, Buffer.alloc(500, 'z'))];
  return { repo, config, layers, manifest: imageManifest(config, layers) };
}

describe('putManifest', () => {
  it('stores the image and its tag, sums its blobs, records the push and publishes it', async () => {
    const { repo, config, layers, manifest } = await pushed(ecr);
    const events: SlipwayEvent[] = [];
    ecr.events.subscribe((e) => events.push(e));
    const image = putManifest(ecr, repo, 'v1', manifest, MEDIA_TYPES.dockerManifest);
    assert.equal(image.digest, sha256(manifest));
    assert.equal(image.mediaType, MEDIA_TYPES.dockerManifest);
    assert.equal(image.size, config.size + 1500);
    assert.deepEqual(image.references, [config.digest, ...layers.map((l) => l.digest)]);
    assert.deepEqual(ecr.blobs.read(image.digest), manifest, 'the manifest is kept byte for byte');
    assert.equal(resolveReference(ecr, repo, 'v1')?.digest, image.digest);
    assert.equal(resolveReference(ecr, repo, image.digest)?.digest, image.digest);
    assert.deepEqual(
      events.map((e) => [e.type, e.resource, e.detail]),
      [['ecr.push', repo.repository.repositoryArn, { repositoryName: 'app', tag: 'v1', digest: image.digest }]],
    );
    assert.equal(ecr.model.pushes.count({ repo: repo.repository.repositoryArn! }), 1);
  });

  it('answers ImageAlreadyExistsException for the same manifest under the same tag, and adds new tags', async () => {
    const { repo, manifest } = await pushed(ecr);
    const image = putManifest(ecr, repo, 'v1', manifest);
    assert.throws(
      () => putManifest(ecr, repo, 'v1', manifest),
      refused('ImageAlreadyExistsException', /already exists in the repository with name 'app'/),
    );
    assert.throws(() => putManifest(ecr, repo, image.digest, manifest), refused('ImageAlreadyExistsException'));
    assert.equal(putManifest(ecr, repo, 'latest', manifest).pushedAt, image.pushedAt, 'a new tag keeps the push time');
    assert.deepEqual(ecr.model.tagsOf(repo.repository.repositoryArn!, image.digest), ['latest', 'v1']);
  });

  it('moves a tag in a mutable repository, keeping the old image untagged', async () => {
    const { repo, manifest, config, layers } = await pushed(ecr);
    const first = putManifest(ecr, repo, 'latest', manifest);
    const second = putManifest(ecr, repo, 'latest', imageManifest(config, layers.slice(0, 1)));
    assert.notEqual(first.digest, second.digest);
    assert.equal(resolveReference(ecr, repo, 'latest')?.digest, second.digest);
    assert.ok(ecr.model.image(repo.repository.repositoryArn!, first.digest));
    assert.deepEqual(ecr.model.tagsOf(repo.repository.repositoryArn!, first.digest), []);
  });

  it('refuses to move a tag in an IMMUTABLE repository, unless an exclusion filter frees it', async () => {
    const { repo, manifest, config, layers } = await pushed(ecr, 'locked', 'IMMUTABLE');
    putManifest(ecr, repo, 'v1', manifest);
    const other = imageManifest(config, layers.slice(1));
    assert.throws(
      () => putManifest(ecr, repo, 'v1', other),
      (err: unknown) =>
        err instanceof AwsError &&
        err.code === 'ImageTagAlreadyExistsException' &&
        err.message ===
          "The image tag 'v1' already exists in the 'locked' repository and cannot be overwritten because the repository is immutable.",
    );
    putManifest(ecr, repo, 'v2', other);

    const partly = await pushed(ecr, 'partly', 'IMMUTABLE_WITH_EXCLUSION', 'b');
    partly.repo.repository.imageTagMutabilityExclusionFilters = [{ filterType: 'WILDCARD', filter: 'latest*' }];
    putManifest(ecr, partly.repo, 'latest-dev', partly.manifest);
    putManifest(ecr, partly.repo, 'latest-dev', imageManifest(partly.config, partly.layers.slice(1)));
    putManifest(ecr, partly.repo, 'v1', partly.manifest);
    assert.throws(
      () => putManifest(ecr, partly.repo, 'v1', imageManifest(partly.config, partly.layers.slice(1))),
      refused('ImageTagAlreadyExistsException'),
    );
  });

  it('refuses layers that are missing or not linked to this repository, naming them', async () => {
    const { repo, config } = await pushed(ecr);
    const elsewhere = await pushBlob(ecr, addRepository(ecr, 'other'), Buffer.from('only in other'));
    const ghost = { digest: sha256(Buffer.from('never pushed')), size: 12 };
    assert.throws(
      () => putManifest(ecr, repo, 'v1', imageManifest(config, [elsewhere, ghost])),
      refused(
        'LayersNotFoundException',
        new RegExp(
          `Layers with digests '\\[${elsewhere.digest}, ${ghost.digest}\\]' required for pushing image into repository with name 'app'`,
        ),
      ),
    );
    assert.equal(ecr.model.images.count(), 0, 'nothing written');
  });

  it('checks a digest reference against the bytes and refuses schema 1 and mismatched media types', async () => {
    const { repo, manifest } = await pushed(ecr);
    assert.throws(() => putManifest(ecr, repo, sha256(Buffer.from('x')), manifest), refused('ImageDigestDoesNotMatchException'));
    assert.throws(
      () => putManifest(ecr, repo, 'v1', Buffer.from('{"schemaVersion":1,"name":"app","tag":"v1","fsLayers":[]}')),
      refused('UnsupportedImageTypeException'),
    );
    assert.throws(
      () => putManifest(ecr, repo, 'v1', manifest, MEDIA_TYPES.ociManifest),
      refused('InvalidParameterException', /differs from the media type/),
    );
    assert.throws(() => putManifest(ecr, repo, 'v1', Buffer.from('not json')), refused('InvalidParameterException', /not valid JSON/));
    assert.throws(() => putManifest(ecr, repo, 'bad tag!', manifest), refused('InvalidTagParameterException'));
    assert.equal(putManifest(ecr, repo, sha256(manifest), manifest).digest, sha256(manifest));
  });

  it('accepts an index only when every child manifest is in the repository, and records subjects', async () => {
    const { repo, manifest, config } = await pushed(ecr);
    const child = putManifest(ecr, repo, sha256(manifest), manifest);
    const ghost = sha256(Buffer.from('no such manifest'));
    const index = (digests: string[]) =>
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          manifests: digests.map((digest) => ({
            mediaType: MEDIA_TYPES.dockerManifest,
            digest,
            size: 10,
            platform: { os: 'linux', architecture: 'amd64' },
          })),
        }),
      );
    assert.throws(
      () => putManifest(ecr, repo, 'multi', index([child.digest, ghost])),
      refused('ReferencedImagesNotFoundException', new RegExp(ghost)),
    );
    const multi = putManifest(ecr, repo, 'multi', index([child.digest]));
    assert.equal(multi.mediaType, MEDIA_TYPES.ociIndex, 'an index without mediaType is an OCI index');
    assert.equal(multi.size, child.size);

    const empty = await pushBlob(ecr, repo, Buffer.from('{}'));
    const signature = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociManifest,
        artifactType: 'application/vnd.example.signature',
        config: { mediaType: 'application/vnd.oci.empty.v1+json', ...empty },
        layers: [{ mediaType: 'application/vnd.oci.empty.v1+json', ...empty }],
        subject: { mediaType: MEDIA_TYPES.dockerManifest, digest: child.digest, size: manifest.length },
      }),
    );
    const referrer = putManifest(ecr, repo, sha256(signature), signature);
    assert.equal(referrer.subject, child.digest);
    assert.equal(referrer.artifactType, 'application/vnd.example.signature');
    assert.deepEqual(
      ecr.model.images.find({ repo: repo.repository.repositoryArn!, subject: child.digest }).map((i) => i.digest),
      [referrer.digest],
    );
    assert.ok(config);
  });
});

describe('deleting images and tags', () => {
  it('untag keeps the image; deleteTag deletes it with its last tag; deleteImage takes every tag', async () => {
    const { repo, manifest, config, layers } = await pushed(ecr);
    const arn = repo.repository.repositoryArn!;
    const a = putManifest(ecr, repo, 'a', manifest);
    putManifest(ecr, repo, 'b', manifest);
    assert.equal(untag(ecr, repo, 'a'), a.digest);
    assert.equal(untag(ecr, repo, 'a'), undefined);
    assert.ok(ecr.model.image(arn, a.digest));
    putManifest(ecr, repo, 'a', manifest);
    assert.deepEqual(deleteTag(ecr, repo, 'a'), { digest: a.digest, imageDeleted: false });
    assert.deepEqual(deleteTag(ecr, repo, 'b'), { digest: a.digest, imageDeleted: true });
    assert.equal(ecr.model.image(arn, a.digest), undefined);

    const c = putManifest(ecr, repo, 'c', imageManifest(config, layers.slice(1)));
    putManifest(ecr, repo, 'd', imageManifest(config, layers.slice(1)));
    assert.deepEqual(deleteImage(ecr, repo, c.digest)?.tags, ['c', 'd']);
    assert.equal(ecr.model.tags.count({ repo: arn }), 0);
    assert.equal(deleteImage(ecr, repo, c.digest), undefined);
  });
});
