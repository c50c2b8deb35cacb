/**
 * Test images built locally, because no public registry is reachable from the test machines.
 * `slipway-test/busybox:1` is FROM scratch with Debian's static busybox and its applets installed
 * (sh, httpd, nc, wget, sleep, ...), plus /www/index.html for `httpd -f -p 8080 -h /www`.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import Docker from 'dockerode';
import { imageLabels } from '../../src/runtime/docker-images.ts';
import { DockerRuntime } from '../../src/runtime/docker.ts';
import { FakeRuntime } from '../../src/runtime/fake.ts';
import { isStaticElf } from '../../src/runtime/pause-image.ts';
import { readJsonLines } from '../../src/runtime/streams.ts';
import { tarArchive } from '../../src/runtime/tar.ts';
import type { ContainerRuntime } from '../../src/runtime/types.ts';

export const TEST_IMAGE = 'slipway-test/busybox:1';
/** What `httpd -h /www` serves at `/` in TEST_IMAGE. */
export const TEST_PAGE = 'hello from slipway-test\n';

const BUSYBOX = '/bin/busybox';
const DOCKERFILE = `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
COPY www /www
CMD ["sh"]
`;

const building = new WeakMap<Docker, Promise<void>>();

/** Builds the test images on the engine behind `target` unless they exist; a fake just gets them. */
export async function ensureTestImages(target: ContainerRuntime | Docker): Promise<void> {
  if (target instanceof FakeRuntime) {
    target.addImage(TEST_IMAGE);
    return;
  }
  const docker = target instanceof Docker ? target : target instanceof DockerRuntime ? target.docker : undefined;
  if (!docker) throw new Error(`ensureTestImages: cannot build images on runtime "${(target as ContainerRuntime).name}"`);
  let pending = building.get(docker);
  if (!pending) {
    pending = buildIfAbsent(docker).finally(() => building.delete(docker));
    building.set(docker, pending);
  }
  await pending;
}

async function buildIfAbsent(docker: Docker): Promise<void> {
  if (await imageLabels(docker, TEST_IMAGE)) return;
  const busybox = await readFile(BUSYBOX).catch(() => undefined);
  if (!busybox || !isStaticElf(busybox)) {
    throw new Error(
      `${BUSYBOX} is missing or not statically linked: install the Debian package busybox-static (apt-get install busybox-static)`,
    );
  }
  const context = tarArchive([
    { path: 'Dockerfile', data: Buffer.from(DOCKERFILE) },
    { path: 'busybox', data: busybox, mode: 0o755 },
    { path: 'www/index.html', data: Buffer.from(TEST_PAGE) },
  ]);
  const output: string[] = [];
  const stream = await docker.buildImage(Readable.from([context]), { t: TEST_IMAGE, rm: true, forcerm: true });
  await readJsonLines(stream, (msg) => {
    if (msg.error || msg.errorDetail) {
      throw new Error(`building ${TEST_IMAGE} failed: ${msg.errorDetail?.message ?? msg.error}\n${output.join('')}`);
    }
    if (msg.stream) output.push(msg.stream);
  });
}
