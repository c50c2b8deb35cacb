/**
 * The registry under /v2/ driven by the real Docker CLI, skopeo and raw HTTP: a multi-layer image
 * of a few hundred MB pushed and pulled back identical, OCI images and indexes through skopeo,
 * chunked uploads that break off and resume, corrupted uploads refused with nothing kept, the
 * repository and tag rules ECR enforces, tag pagination, referrers, deletes, and a kill -9.
 * Docker CLI logins go to a temporary DOCKER_CONFIG, never the user's own.
 */
import {
  BatchCheckLayerAvailabilityCommand,
  CreateRepositoryCommand,
  GetAuthorizationTokenCommand,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dockerCli, ecrClient, removeImagesOf } from '../support/ecr.ts';
import { TEST_IMAGE, ensureTestImages } from '../support/images.ts';
import { RegistryClient, digestOf, errorCode } from '../support/registry.ts';
import { docker, freePort, startSlipwayProcess, startTestSlipway, tempDataDir, type TestSlipway } from '../support/slipway.ts';

const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

const scratch = mkdtempSync(join(tmpdir(), 'slipway-registry-test-'));
const dockerConfig = join(scratch, 'docker-config');
let s: TestSlipway;
let ecr: ECRClient;
let host: string;
let password: string;
let reg: RegistryClient;
const localTags = new Set<string>();
/** The registries (host:port) this file pushed to. */
const registryHosts = new Set<string>();
const cli = (command: string) => dockerCli(command, { dockerConfig, endpoint: s.endpoint });
const skopeoCreds = () => `--src-tls-verify=false --dest-tls-verify=false --src-creds AWS:${password} --dest-creds AWS:${password}`;

async function createRepository(name: string, imageTagMutability: 'MUTABLE' | 'IMMUTABLE' = 'MUTABLE', client = ecr): Promise<void> {
  await client.send(new CreateRepositoryCommand({ repositoryName: name, imageTagMutability }));
}

async function loginPassword(client = ecr): Promise<string> {
  const { authorizationData } = await client.send(new GetAuthorizationTokenCommand({}));
  return Buffer.from(authorizationData![0].authorizationToken!, 'base64').toString('utf8').split(':')[1];
}

/** Files (not directories) under the registry's data directory, relative to it. */
function registryFiles(dataDir: string, sub: string): string[] {
  const root = join(dataDir, 'registry', sub);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as any).path, e.name));
}

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  ecr = ecrClient(s.endpoint);
  host = new URL(s.endpoint).host;
  registryHosts.add(host);
  password = await loginPassword();
  reg = new RegistryClient(host, password);
  await cli(`printf '%s' '${password}' | docker login --username AWS --password-stdin ${host}`);
});

after(async () => {
  await s?.close();
  for (const tag of localTags)
    await docker
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined);
  await removeImagesOf(registryHosts);
  rmSync(scratch, { recursive: true, force: true });
});

describe('registry', () => {
  test('GET /v2/ challenges anonymous clients and accepts the ECR password as Basic or Bearer', async () => {
    const anonymous = await new RegistryClient(host).request('GET', '/v2/');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers['www-authenticate'], 'Basic realm="Slipway ECR"');
    assert.equal(anonymous.headers['docker-distribution-api-version'], 'registry/2.0');
    assert.equal(errorCode(anonymous), 'UNAUTHORIZED');
    assert.equal((await reg.request('GET', '/v2/')).status, 200);
    assert.equal((await reg.request('GET', '/v2/', { headers: { authorization: `Bearer ${password}` } })).status, 200);
    assert.equal(
      (await reg.request('GET', '/v2/', { headers: { authorization: `Basic ${Buffer.from('AWS:forged.password').toString('base64')}` } }))
        .status,
      401,
    );
    assert.equal((await new RegistryClient(host).request('GET', '/v2/anything/tags/list')).status, 401, 'every endpoint needs credentials');
  });

  test('docker push and pull a multi-layer image of a few hundred MB; its layers come back identical', async () => {
    await createRepository('big/app');
    const context = join(scratch, 'big');
    rmSync(context, { recursive: true, force: true });
    mkdirSync(context, { recursive: true });
    const sizes = [120, 80, 50].map((mb) => mb * 1024 * 1024);
    const files = sizes.map((size, i) => {
      const file = join(context, `layer${i}.bin`);
      writeFileSync(file, randomBytes(size), { flag: 'w' });
      return `layer${i}.bin`;
    });
    writeFileSync(join(context, 'Dockerfile'), `FROM scratch\n${files.map((f) => `COPY ${f} /${f}`).join('\n')}\n`);
    const local = `slipway-test/registry-big:${process.pid}`;
    const remote = `${host}/big/app:v1`;
    localTags.add(local).add(remote);
    await cli(`docker build -q -t ${local} ${context} && docker tag ${local} ${remote}`);
    const built = await docker.getImage(local).inspect();
    assert.equal(built.RootFS.Layers!.length, 3);

    const pushed = await cli(`docker push ${remote}`);
    const digest = pushed.stdout.match(/digest: (sha256:[a-f0-9]{64})/)![1];
    const manifest = await reg.request('GET', `/v2/big/app/manifests/v1`);
    assert.equal(manifest.headers['content-type'], DOCKER_MANIFEST);
    assert.equal(manifest.headers['docker-content-digest'], digest);
    assert.equal(digestOf(manifest.body), digest);
    for (const layer of manifest.json().layers as { digest: string; size: number }[]) {
      const blob = await reg.request('GET', `/v2/big/app/blobs/${layer.digest}`);
      assert.equal(blob.status, 200);
      assert.equal(blob.body.length, layer.size);
      assert.equal(digestOf(blob.body), layer.digest, 'the stored layer is byte for byte what docker pushed');
    }

    await cli(`docker rmi ${remote} ${local}`);
    await cli(`docker pull ${remote}`);
    const pulled = await docker.getImage(remote).inspect();
    assert.equal(pulled.Id, built.Id, 'same config');
    assert.deepEqual(pulled.RootFS.Layers, built.RootFS.Layers, 'same uncompressed layers');
    assert.deepEqual(pulled.RepoDigests, [`${host}/big/app@${digest}`]);
    await cli(`docker rmi ${remote}`);
    rmSync(context, { recursive: true, force: true });
  });

  test('skopeo copies an image in to the registry as OCI, and out to an OCI layout', async () => {
    await createRepository('skopeo/busybox');
    await cli(`skopeo copy --quiet --format oci ${skopeoCreds()} docker-daemon:${TEST_IMAGE} docker://${host}/skopeo/busybox:oci`);
    const manifest = await reg.request('GET', '/v2/skopeo/busybox/manifests/oci');
    assert.equal(manifest.headers['content-type'], OCI_MANIFEST);
    const layout = join(scratch, 'oci-layout');
    await cli(`skopeo copy --quiet ${skopeoCreds()} docker://${host}/skopeo/busybox:oci oci:${layout}:busybox`);
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
    assert.equal(index.manifests[0].digest, manifest.headers['docker-content-digest']);
    for (const layer of manifest.json().layers as { digest: string }[]) {
      assert.equal(digestOf(readFileSync(join(layout, 'blobs', 'sha256', layer.digest.slice(7)))), layer.digest);
    }
    const inspected = JSON.parse(
      (await cli(`skopeo inspect --tls-verify=false --creds AWS:${password} docker://${host}/skopeo/busybox:oci`)).stdout,
    );
    assert.equal(inspected.Digest, manifest.headers['docker-content-digest']);
  });

  test('a chunked upload that breaks off resumes from the offset GET reports', async () => {
    await createRepository('chunks/resume');
    const data = randomBytes(6 * 1024 * 1024 + 123);
    const started = await reg.request('POST', '/v2/chunks/resume/blobs/uploads/');
    assert.equal(started.status, 202);
    const location = started.headers.location!;
    assert.match(location, /^\/v2\/chunks\/resume\/blobs\/uploads\/[0-9a-f-]{36}$/);
    assert.equal(started.headers.range, '0-0');
    assert.equal(started.headers['docker-upload-uuid'], location.split('/').pop());

    const first = await reg.request('PATCH', location, {
      body: data.subarray(0, 2 * 1024 * 1024),
      headers: { 'content-range': `0-${2 * 1024 * 1024 - 1}`, 'content-type': 'application/octet-stream' },
    });
    assert.equal(first.status, 202);
    assert.equal(first.headers.range, `0-${2 * 1024 * 1024 - 1}`);

    const wrong = await reg.request('PATCH', location, { body: data.subarray(0, 10), headers: { 'content-range': '5-14' } });
    assert.equal(wrong.status, 416, 'a chunk must start where the upload ends');
    assert.equal(wrong.headers.range, `0-${2 * 1024 * 1024 - 1}`);

    await reg.breakOffPatch(location, data.subarray(2 * 1024 * 1024, 5 * 1024 * 1024), 1024 * 1024 + 77, 2 * 1024 * 1024);
    const status = await reg.request('GET', location);
    assert.equal(status.status, 204);
    const offset = Number(String(status.headers.range).split('-')[1]) + 1;
    assert.ok(
      offset > 2 * 1024 * 1024 && offset <= 3 * 1024 * 1024 + 77,
      `the bytes that arrived before the break are kept: resume from ${offset}`,
    );

    const rest = await reg.request('PATCH', location, {
      body: data.subarray(offset),
      headers: { 'content-range': `${offset}-${data.length - 1}` },
    });
    assert.equal(rest.status, 202);
    const done = await reg.request('PUT', `${location}?digest=${digestOf(data)}`);
    assert.equal(done.status, 201);
    assert.equal(done.headers['docker-content-digest'], digestOf(data));
    assert.equal(done.headers.location, `/v2/chunks/resume/blobs/${digestOf(data)}`);
    assert.deepEqual((await reg.request('GET', `/v2/chunks/resume/blobs/${digestOf(data)}`)).body, data);
    assert.equal(errorCode(await reg.request('GET', location)), 'BLOB_UPLOAD_UNKNOWN', 'a finished upload is gone');

    const ranged = await reg.request('GET', `/v2/chunks/resume/blobs/${digestOf(data)}`, { headers: { range: 'bytes=1000-1999' } });
    assert.equal(ranged.status, 206);
    assert.equal(ranged.headers['content-range'], `bytes 1000-1999/${data.length}`);
    assert.deepEqual(ranged.body, data.subarray(1000, 2000));
    assert.equal(
      (await reg.request('GET', `/v2/chunks/resume/blobs/${digestOf(data)}`, { headers: { range: `bytes=${data.length}-` } })).status,
      416,
    );
  });

  test('an upload whose bytes do not match its digest is refused with DIGEST_INVALID and nothing of it is kept', async () => {
    await createRepository('chunks/corrupt');
    const blobsBefore = registryFiles(s.dataDir, 'blobs');
    const data = randomBytes(3 * 1024 * 1024);
    const claimed = digestOf(Buffer.concat([data.subarray(1), Buffer.from('x')]));
    const monolithic = await reg.request('POST', `/v2/chunks/corrupt/blobs/uploads/?digest=${claimed}`, { body: data });
    assert.equal(monolithic.status, 400);
    assert.equal(errorCode(monolithic), 'DIGEST_INVALID');

    const started = await reg.request('POST', '/v2/chunks/corrupt/blobs/uploads/');
    await reg.request('PATCH', started.headers.location!, { body: data });
    const closed = await reg.request('PUT', `${started.headers.location}?digest=${claimed}`);
    assert.equal(errorCode(closed), 'DIGEST_INVALID');
    assert.equal(errorCode(await reg.request('GET', started.headers.location!)), 'BLOB_UPLOAD_UNKNOWN');

    assert.deepEqual(registryFiles(s.dataDir, 'blobs'), blobsBefore, 'no blob was added');
    assert.deepEqual(registryFiles(s.dataDir, 'uploads'), [], 'no upload bytes remain');
    for (const digest of [claimed, digestOf(data)])
      assert.equal((await reg.request('HEAD', `/v2/chunks/corrupt/blobs/${digest}`)).status, 404);
  });

  test('pushing to a repository that does not exist is refused with NAME_UNKNOWN', async () => {
    const start = await reg.request('POST', '/v2/no/such-repo/blobs/uploads/');
    assert.equal(start.status, 404);
    assert.equal(errorCode(start), 'NAME_UNKNOWN');
    assert.match(
      start.json().errors[0].message,
      /The repository with name 'no\/such-repo' does not exist in the registry with id '000000000000'/,
    );
    const remote = `${host}/no/such-repo:v1`;
    localTags.add(remote);
    await cli(`docker tag ${TEST_IMAGE} ${remote}`);
    await assert.rejects(cli(`docker push ${remote}`), /name unknown/);
  });

  test('an IMMUTABLE repository refuses to move a tag, but takes the same image again', async () => {
    await createRepository('locked/app', 'IMMUTABLE');
    const remote = `${host}/locked/app:v1`;
    const other = `slipway-test/registry-other:${process.pid}`;
    localTags.add(remote).add(other);
    await cli(`docker tag ${TEST_IMAGE} ${remote} && docker push ${remote}`);
    await cli(`docker push ${remote}`);
    await cli(`printf 'FROM ${TEST_IMAGE}\\nRUN echo other > /other\\n' | docker build -q -t ${other} - && docker tag ${other} ${remote}`);
    await assert.rejects(cli(`docker push ${remote}`), /tag invalid.*cannot be overwritten because the repository is immutable/s);
  });

  test('manifest lists and OCI indexes: children must be in the repository; skopeo copies the whole index', async () => {
    await createRepository('multi/app');
    await createRepository('multi/copy');
    await cli(`skopeo copy --quiet ${skopeoCreds()} docker-daemon:${TEST_IMAGE} docker://${host}/multi/app:docker`);
    await cli(`skopeo copy --quiet --format oci ${skopeoCreds()} docker-daemon:${TEST_IMAGE} docker://${host}/multi/app:oci`);
    const docker2 = await reg.request('GET', '/v2/multi/app/manifests/docker');
    const oci = await reg.request('GET', '/v2/multi/app/manifests/oci');
    assert.equal(docker2.headers['content-type'], DOCKER_MANIFEST);
    const entry = (m: typeof oci, mediaType: string, architecture: string) => ({
      mediaType,
      digest: m.headers['docker-content-digest'],
      size: m.body.length,
      platform: { os: 'linux', architecture },
    });

    const list = { schemaVersion: 2, mediaType: DOCKER_LIST, manifests: [entry(docker2, DOCKER_MANIFEST, 'amd64')] };
    const listPut = await reg.putManifest('multi/app', 'list', list, DOCKER_LIST);
    assert.equal(listPut.status, 201);
    const index = {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [entry(oci, OCI_MANIFEST, 'amd64'), entry(docker2, DOCKER_MANIFEST, 'arm64')],
    };
    assert.equal((await reg.putManifest('multi/app', 'index', index, OCI_INDEX)).status, 201);
    const got = await reg.request('GET', '/v2/multi/app/manifests/index');
    assert.equal(got.headers['content-type'], OCI_INDEX);
    assert.deepEqual(got.json(), index);

    const missing = { ...index, manifests: [{ ...index.manifests[0], digest: digestOf('not pushed') }] };
    const refused = await reg.putManifest('multi/app', 'broken', missing, OCI_INDEX);
    assert.equal(refused.status, 400);
    assert.equal(errorCode(refused), 'MANIFEST_BLOB_UNKNOWN');
    const schema1 = await reg.putManifest(
      'multi/app',
      'old',
      { schemaVersion: 1, name: 'multi/app', tag: 'old', fsLayers: [] },
      'application/vnd.docker.distribution.manifest.v1+prettyjws',
    );
    assert.equal(errorCode(schema1), 'MANIFEST_INVALID');

    await cli(`skopeo copy --quiet --all ${skopeoCreds()} docker://${host}/multi/app:index docker://${host}/multi/copy:index`);
    const copied = await reg.request('GET', '/v2/multi/copy/manifests/index');
    assert.equal(copied.headers['docker-content-digest'], got.headers['docker-content-digest'], 'the index arrives byte for byte');
  });

  test('tag lists paginate with n, last and a Link header', async () => {
    await createRepository('tags/app');
    const config = await reg.pushBlob('tags/app', Buffer.from('{}'));
    const layer = await reg.pushBlob('tags/app', randomBytes(100));
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: 2 },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layer, size: 100 }],
    };
    for (const tag of ['v3', 'v1', 'latest', 'v2', 'v10'])
      assert.equal((await reg.putManifest('tags/app', tag, manifest, OCI_MANIFEST)).status, 201);
    const all = await reg.request('GET', '/v2/tags/app/tags/list');
    assert.deepEqual(all.json(), { name: 'tags/app', tags: ['latest', 'v1', 'v10', 'v2', 'v3'] });
    const pages: string[][] = [];
    let next: string | undefined = '/v2/tags/app/tags/list?n=2';
    while (next) {
      const page = await reg.request('GET', next);
      pages.push(page.json().tags);
      next = (page.headers.link as string | undefined)?.match(/^<([^>]+)>; rel="next"$/)?.[1];
    }
    assert.deepEqual(pages, [['latest', 'v1'], ['v10', 'v2'], ['v3']]);
    assert.equal(errorCode(await reg.request('GET', '/v2/tags/app/tags/list?n=-1')), 'PAGINATION_NUMBER_INVALID');
  });

  test("a name in two regions is the default region's repository on the registry; a name only in another region is still served", async () => {
    const eu = ecrClient(s.endpoint, 'eu-west-1');
    // Created first, so the other region's repository is the first a lookup by name alone meets.
    await createRepository('regions/app', 'MUTABLE', eu);
    await createRepository('regions/app');
    await createRepository('regions/elsewhere', 'MUTABLE', eu);
    const availability = async (client: ECRClient, repositoryName: string, digest: string) =>
      (await client.send(new BatchCheckLayerAvailabilityCommand({ repositoryName, layerDigests: [digest] }))).layers![0].layerAvailability;
    const pushed = await reg.pushBlob('regions/app', randomBytes(32));
    assert.equal(await availability(ecr, 'regions/app', pushed), 'AVAILABLE');
    assert.equal(await availability(eu, 'regions/app', pushed), 'UNAVAILABLE');
    const elsewhere = await reg.pushBlob('regions/elsewhere', randomBytes(32));
    assert.equal(await availability(eu, 'regions/elsewhere', elsewhere), 'AVAILABLE');
  });

  test('referrers: manifests with a subject are listed, filtered by artifactType', async () => {
    await createRepository('refs/app');
    const config = await reg.pushBlob('refs/app', Buffer.from('{"os":"linux"}'));
    const layer = await reg.pushBlob('refs/app', randomBytes(64));
    const image = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: 14 },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layer, size: 64 }],
    };
    const imagePut = await reg.putManifest('refs/app', 'v1', image, OCI_MANIFEST);
    const subject = imagePut.headers['docker-content-digest'] as string;
    const empty = await reg.pushBlob('refs/app', Buffer.from('{}'));
    const artifact = (artifactType: string, note: string) => ({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType,
      config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: empty, size: 2 },
      layers: [{ mediaType: 'application/vnd.oci.empty.v1+json', digest: empty, size: 2 }],
      subject: { mediaType: OCI_MANIFEST, digest: subject, size: JSON.stringify(image).length },
      annotations: { note },
    });
    const sbom = JSON.stringify(artifact('application/vnd.example.sbom', 'sbom'));
    const put = await reg.putManifest('refs/app', digestOf(sbom), sbom, OCI_MANIFEST);
    assert.equal(put.status, 201);
    assert.equal(put.headers['oci-subject'], subject);
    const signature = JSON.stringify(artifact('application/vnd.example.signature', 'sig'));
    await reg.putManifest('refs/app', digestOf(signature), signature, OCI_MANIFEST);

    const referrers = await reg.request('GET', `/v2/refs/app/referrers/${subject}`);
    assert.equal(referrers.headers['content-type'], OCI_INDEX);
    assert.deepEqual(
      referrers.json().manifests.map((m: any) => [m.digest, m.artifactType, m.size, m.annotations.note]),
      [
        [digestOf(sbom), 'application/vnd.example.sbom', sbom.length, 'sbom'],
        [digestOf(signature), 'application/vnd.example.signature', signature.length, 'sig'],
      ],
    );
    const filtered = await reg.request('GET', `/v2/refs/app/referrers/${subject}?artifactType=application/vnd.example.signature`);
    assert.equal(filtered.headers['oci-filters-applied'], 'artifactType');
    assert.deepEqual(
      filtered.json().manifests.map((m: any) => m.digest),
      [digestOf(signature)],
    );
    assert.deepEqual((await reg.request('GET', `/v2/refs/app/referrers/${digestOf('nothing')}`)).json().manifests, []);
  });

  test('cross-repository mount links a blob without uploading it; DELETE of manifests by digest and by tag', async () => {
    await createRepository('mount/from');
    await createRepository('mount/to');
    const bytes = randomBytes(1000);
    const digest = await reg.pushBlob('mount/from', bytes);
    assert.equal((await reg.request('HEAD', `/v2/mount/to/blobs/${digest}`)).status, 404, 'not linked to mount/to yet');
    const mounted = await reg.request('POST', `/v2/mount/to/blobs/uploads/?mount=${digest}&from=mount/from`);
    assert.equal(mounted.status, 201);
    assert.equal(mounted.headers.location, `/v2/mount/to/blobs/${digest}`);
    assert.deepEqual((await reg.request('GET', `/v2/mount/to/blobs/${digest}`)).body, bytes);
    const fallback = await reg.request('POST', `/v2/mount/to/blobs/uploads/?mount=${digestOf('absent')}&from=mount/from`);
    assert.equal(fallback.status, 202, 'an unknown blob falls back to an upload session');
    assert.equal((await reg.request('DELETE', fallback.headers.location!)).status, 204);

    const config = await reg.pushBlob('mount/to', Buffer.from('{}'));
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: 2 },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest, size: 1000 }],
    };
    const put = await reg.putManifest('mount/to', 'v1', manifest, OCI_MANIFEST);
    const manifestDigest = put.headers['docker-content-digest'] as string;
    await reg.putManifest('mount/to', 'v2', manifest, OCI_MANIFEST);
    assert.equal((await reg.request('DELETE', '/v2/mount/to/manifests/v1')).status, 202, 'DELETE by tag removes the tag');
    assert.equal(errorCode(await reg.request('GET', '/v2/mount/to/manifests/v1')), 'MANIFEST_UNKNOWN');
    assert.equal((await reg.request('HEAD', '/v2/mount/to/manifests/v2')).status, 200, 'the image stays under its other tag');
    assert.equal((await reg.request('DELETE', `/v2/mount/to/manifests/${manifestDigest}`)).status, 202);
    assert.equal(errorCode(await reg.request('GET', `/v2/mount/to/manifests/${manifestDigest}`)), 'MANIFEST_UNKNOWN');
    assert.equal(errorCode(await reg.request('GET', '/v2/mount/to/manifests/v2')), 'MANIFEST_UNKNOWN', 'its tags went with it');
    assert.deepEqual((await reg.request('GET', '/v2/mount/to/tags/list')).json().tags, []);
  });
});

describe('registry across kill -9', () => {
  test('what was pushed, and an upload in progress, survive a kill -9 and a restart', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    let child = await startSlipwayProcess(dataDir, port);
    try {
      const client = ecrClient(child.endpoint);
      await createRepository('restart/app', 'MUTABLE', client);
      const pw = await loginPassword(client);
      const raw = new RegistryClient(`127.0.0.1:${port}`, pw);
      const remote = `127.0.0.1:${port}/restart/app:v1`;
      localTags.add(remote);
      registryHosts.add(`127.0.0.1:${port}`);
      await cli(
        `printf '%s' '${pw}' | docker login --username AWS --password-stdin 127.0.0.1:${port} && docker tag ${TEST_IMAGE} ${remote} && docker push ${remote}`,
      );
      const data = randomBytes(2 * 1024 * 1024);
      const started = await raw.request('POST', '/v2/restart/app/blobs/uploads/');
      await raw.request('PATCH', started.headers.location!, { body: data.subarray(0, 1024 * 1024) });

      await child.kill('SIGKILL');
      child = await startSlipwayProcess(dataDir, port);

      const status = await raw.request('GET', started.headers.location!);
      assert.equal(status.status, 204, 'the password and the upload outlive the process');
      assert.equal(status.headers.range, `0-${1024 * 1024 - 1}`);
      await raw.request('PATCH', started.headers.location!, {
        body: data.subarray(1024 * 1024),
        headers: { 'content-range': `${1024 * 1024}-${data.length - 1}` },
      });
      assert.equal((await raw.request('PUT', `${started.headers.location}?digest=${digestOf(data)}`)).status, 201);

      await cli(`docker rmi ${remote} && docker pull ${remote}`);
      const pulled = await docker.getImage(remote).inspect();
      assert.equal(pulled.Id, (await docker.getImage(TEST_IMAGE).inspect()).Id);
    } finally {
      await child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
