/**
 * One suite for every ContainerRuntime: a driver passes only a constructor. Containers run named
 * workloads; the real engine runs their commands, the fake is told once what each one does.
 * Checks that need real packets (curl a published port) run only where packets flow.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { TEST_IMAGE, TEST_PAGE, ensureTestImages } from '../../test/support/images.ts';
import { Readable } from 'node:stream';
import { DockerRuntime } from './docker.ts';
import { ConflictError, NotFoundError, PullError, RuntimeError } from './errors.ts';
import { FakeRuntime, type FakeBehaviour } from './fake.ts';
import { tarArchive } from './tar.ts';
import type { ContainerRuntime, ContainerSpec, RuntimeEvent } from './types.ts';

const RUN_LABEL = 'slipway.test.run';
const WORKLOAD_LABEL = 'slipway.test.workload';
const UNREACHABLE_IMAGE = '127.0.0.1:1/nope:latest';

/** What each test container does: its real command, and the same behaviour told to the fake. */
const WORKLOADS = {
  web: { command: ['httpd', '-f', '-p', '8080', '-h', '/www'], fake: {} },
  printExit3: { command: ['sh', '-c', 'echo hi; sleep 0.2; echo oops >&2; exit 3'], fake: { output: 'hi\noops\n', exitCode: 3 } },
  graceful: { command: ['sh', '-c', 'echo ready; trap "exit 0" TERM; sleep 600 & wait'], fake: { output: 'ready\n' } },
  // PID 1 without a SIGTERM handler ignores SIGTERM, so only the SIGKILL after the timeout ends it.
  stubborn: { command: ['sleep', '600'], fake: { ignoresSigterm: true } },
  fetchLocalhost: { command: ['wget', '-qO-', 'http://localhost:8080/'], fake: { output: TEST_PAGE, exitCode: 0 } },
  fetchLink: { command: ['wget', '-qO-', 'http://web:8080/'], fake: { output: TEST_PAGE, exitCode: 0 } },
  failingCheck: { command: ['httpd', '-f', '-p', '8080', '-h', '/www'], fake: { health: 'unhealthy' } },
} satisfies Record<string, { command: string[]; fake: FakeBehaviour }>;
type Workload = keyof typeof WORKLOADS;

export interface ConformanceOptions {
  /** Skip the whole suite with this reason (e.g. engine unreachable). */
  skip?: string;
  /** The engine really forwards published ports, so the suite can connect to them. */
  realNetwork?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}`);
    await sleep(100);
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

export function runtimeConformance(
  name: string,
  makeRuntime: () => ContainerRuntime | Promise<ContainerRuntime>,
  opts: ConformanceOptions = {},
): void {
  describe(`ContainerRuntime conformance: ${name}`, { skip: opts.skip }, () => {
    const runId = randomBytes(4).toString('hex');
    let rt: ContainerRuntime;

    const spec = (suffix: string, workload: Workload, extra: Partial<ContainerSpec> = {}): ContainerSpec => ({
      name: `slipway-conf-${runId}-${suffix}`,
      image: TEST_IMAGE,
      command: WORKLOADS[workload].command,
      network: { mode: 'bridge' },
      ...extra,
      labels: { [RUN_LABEL]: runId, [WORKLOAD_LABEL]: workload, ...extra.labels },
    });
    const run = async (s: ContainerSpec) => {
      const id = await rt.create(s);
      await rt.start(id);
      return id;
    };
    const exited = (id: string) =>
      waitFor(`${id.slice(0, 12)} to exit`, async () => {
        const state = await rt.inspect(id);
        return !state.running && state.finishedAt !== undefined && state;
      });

    before(async () => {
      rt = await makeRuntime();
      await ensureTestImages(rt);
    });
    after(async () => {
      if (!rt) return;
      for (const c of await rt.list({ [RUN_LABEL]: runId })) await rt.remove(c.id);
    });

    it('reports engine info', async () => {
      await rt.ping();
      const info = await rt.info();
      assert.ok(info.cpus > 0 && info.memoryBytes > 0 && info.version && info.arch);
      assert.equal(info.os, 'linux');
    });

    it('refuses to create from a missing image with NotFoundError', async () => {
      await assert.rejects(rt.create(spec('noimage', 'web', { image: 'slipway-test/absent:1' })), NotFoundError);
    });

    it('creates, starts and inspects with a dynamic and a fixed host port', async () => {
      const fixed = await freePort();
      const s = spec('ports', 'web', {
        ports: [
          { containerPort: 8080, protocol: 'tcp' },
          { containerPort: 8080, hostPort: fixed, protocol: 'tcp', hostIp: '127.0.0.1' },
        ],
      });
      const before = Date.now() - 2000; // the engine's clock stamps startedAt
      const id = await rt.create(s);
      const created = await rt.inspect(id);
      assert.equal(created.status, 'created');
      assert.equal(created.running, false);
      assert.equal(created.startedAt, undefined);
      assert.equal(created.exitCode, undefined);
      await rt.start(id);
      await rt.start(id); // starting a running container is fine
      const state = await rt.inspect(s.name);
      assert.equal(state.id, id);
      assert.equal(state.name, s.name);
      assert.equal(state.image, TEST_IMAGE);
      assert.match(state.imageId, /^sha256:[0-9a-f]{64}$/);
      assert.deepEqual(state.labels, s.labels);
      assert.equal(state.status, 'running');
      assert.equal(state.running, true);
      assert.equal(state.exitCode, undefined);
      assert.ok(state.startedAt! >= before && state.startedAt! <= Date.now() + 2000);
      assert.match(state.ipAddress ?? '', /^\d+\.\d+\.\d+\.\d+$/);
      const dynamic = state.ports.find((p) => p.hostPort !== fixed);
      assert.ok(dynamic && dynamic.containerPort === 8080 && dynamic.hostPort > 0, JSON.stringify(state.ports));
      assert.ok(state.ports.some((p) => p.hostPort === fixed && p.hostIp === '127.0.0.1' && p.protocol === 'tcp'));
      if (opts.realNetwork) {
        for (const port of [dynamic.hostPort, fixed]) {
          const body = await waitFor(`port ${port} to answer`, async () => (await fetch(`http://127.0.0.1:${port}/`)).text());
          assert.equal(body, TEST_PAGE);
        }
      }
      // The same fixed host port cannot be bound twice: start fails, the container stays created.
      const clash = await rt.create(
        spec('ports-clash', 'web', { ports: [{ containerPort: 8080, hostPort: fixed, protocol: 'tcp', hostIp: '127.0.0.1' }] }),
      );
      await assert.rejects(rt.start(clash), (err) => err instanceof RuntimeError && !(err instanceof NotFoundError));
      const failed = await rt.inspect(clash);
      assert.equal(failed.status, 'created');
      assert.match(failed.error ?? '', /already allocated/);
    });

    it('rejects a second container with the same name with ConflictError', async () => {
      const s = spec('dup', 'web');
      await rt.create(s);
      await assert.rejects(rt.create(s), ConflictError);
    });

    it('renames a running container; the old name is free, a taken name is refused with ConflictError', async () => {
      const id = await run(spec('rename-a', 'web'));
      const other = await rt.create(spec('rename-b', 'web'));
      const renamed = spec('rename-c', 'web').name;
      await rt.rename(id, renamed);
      const state = await rt.inspect(renamed);
      assert.equal(state.id, id);
      assert.equal(state.running, true);
      await assert.rejects(rt.inspect(spec('rename-a', 'web').name), NotFoundError);
      await assert.rejects(rt.rename(other, renamed), ConflictError);
      await assert.rejects(rt.rename('slipway-conf-missing', `${renamed}-x`), NotFoundError);
    });

    it('lists containers by labels, running or not, with "" matching any value', async () => {
      const a1 = await rt.create(spec('list-a1', 'web', { labels: { 'slipway.test.group': 'a' } }));
      const a2 = await run(spec('list-a2', 'web', { labels: { 'slipway.test.group': 'a' } }));
      const b1 = await rt.create(spec('list-b1', 'web', { labels: { 'slipway.test.group': 'b' } }));
      const ids = async (labels: Record<string, string>) => (await rt.list({ [RUN_LABEL]: runId, ...labels })).map((c) => c.id).sort();
      assert.deepEqual(await ids({ 'slipway.test.group': 'a' }), [a1, a2].sort());
      assert.deepEqual(await ids({ 'slipway.test.group': '' }), [a1, a2, b1].sort());
      assert.deepEqual(await ids({ 'slipway.test.group': 'c' }), []);
      const listed = (await rt.list({ 'slipway.test.group': 'b', [RUN_LABEL]: runId }))[0];
      assert.equal(listed.status, 'created');
    });

    it('stops gracefully, and tolerates stopping a stopped or missing container', async () => {
      const id = await run(spec('graceful', 'graceful'));
      await waitFor('ready in logs', async () => (await readAll(await rt.logs(id))).includes('ready'));
      const t0 = Date.now();
      await rt.stop(id, 10);
      assert.ok(Date.now() - t0 < 5000, 'a container that handles SIGTERM stops before the timeout');
      const state = await rt.inspect(id);
      assert.equal(state.status, 'exited');
      assert.equal(state.exitCode, 0);
      assert.ok(state.finishedAt! >= state.startedAt!);
      assert.deepEqual(state.ports, []);
      await rt.stop(id, 1);
      await rt.stop(`slipway-conf-${runId}-never-created`, 1);
    });

    it('kills a container that ignores SIGTERM after the stop timeout', async () => {
      const id = await run(spec('stubborn', 'stubborn'));
      const t0 = Date.now();
      await rt.stop(id, 1);
      const took = Date.now() - t0;
      assert.ok(took >= 900 && took < 8000, `stop took ${took}ms`);
      assert.equal((await rt.inspect(id)).exitCode, 137);
    });

    it('reports the exit code and the output of a container that exits', async () => {
      const id = await run(spec('exit3', 'printExit3'));
      const state = await exited(id);
      assert.equal(state.status, 'exited');
      assert.equal(state.exitCode, 3);
      assert.equal(state.oomKilled, false);
      const logs = await readAll(await rt.logs(id));
      assert.match(logs, /^hi$/m);
      assert.match(logs, /^oops$/m);
      assert.equal((await readAll(await rt.logs(id, { tail: 1 }))).trim(), 'oops');
    });

    it('follows logs until the container stops', async () => {
      const id = await run(spec('follow', 'graceful'));
      const stream = await rt.logs(id, { follow: true });
      const text = readAll(stream);
      await sleep(500);
      await rt.stop(id, 5);
      assert.match(await text, /ready/);
    });

    it('reports health: starting, then healthy or unhealthy', async () => {
      const check = (test: string[]) => ({ test, intervalMs: 300, timeoutMs: 3000, retries: 2, startPeriodMs: 0 });
      const good = await run(
        spec('healthy', 'web', { healthCheck: check(['CMD-SHELL', 'wget -qO /dev/null http://localhost:8080/ || exit 1']) }),
      );
      assert.equal((await rt.inspect(good)).health, 'starting', 'no verdict before the first interval');
      const bad = await run(spec('unhealthy', 'failingCheck', { healthCheck: check(['CMD', 'false']) }));
      const plain = await run(spec('nohealth', 'web'));
      await waitFor('healthy', async () => (await rt.inspect(good)).health === 'healthy');
      await waitFor('unhealthy', async () => (await rt.inspect(bad)).health === 'unhealthy');
      assert.equal((await rt.inspect(bad)).running, true, 'an unhealthy container keeps running');
      assert.equal((await rt.inspect(plain)).health, undefined);
    });

    it('delivers start and die events for labelled containers until aborted', async () => {
      const seen: RuntimeEvent[] = [];
      const abort = new AbortController();
      const done = rt.events({ [RUN_LABEL]: runId, 'slipway.test.events': '' }, (e) => seen.push(e), abort.signal);
      const other = await run(spec('events-unlabelled', 'printExit3'));
      const id = await run(spec('events', 'printExit3', { labels: { 'slipway.test.events': 'yes' } }));
      await waitFor('die event', async () => seen.some((e) => e.containerId === id && e.action === 'die'));
      const actions = seen.filter((e) => e.containerId === id).map((e) => e.action);
      assert.ok(actions.indexOf('start') >= 0 && actions.indexOf('start') < actions.indexOf('die'), actions.join(','));
      assert.equal(seen.find((e) => e.containerId === id)?.labels['slipway.test.events'], 'yes');
      assert.ok(!seen.some((e) => e.containerId === other), 'events are filtered by label');
      abort.abort();
      await done;
    });

    it('fails a pull from an unreachable registry fast with PullError', async () => {
      const t0 = Date.now();
      await assert.rejects(rt.ensureImage(UNREACHABLE_IMAGE), (err) => {
        assert.ok(err instanceof PullError, String(err));
        assert.equal(err.image, UNREACHABLE_IMAGE);
        assert.ok(err.message.length > 0);
        return true;
      });
      assert.ok(Date.now() - t0 < 30_000);
      const progress: unknown[] = [];
      await rt.ensureImage(TEST_IMAGE, { onProgress: (p) => progress.push(p) }); // present: no pull
      assert.deepEqual(progress, []);
    });

    it('holds a network namespace in a pause container that others join and reach on localhost', async () => {
      const pauseImage = await rt.ensurePauseImage();
      const pause = await run(spec('pause', 'web', { image: pauseImage, command: undefined }));
      await run(spec('ns-web', 'web', { network: { mode: 'container', containerId: pause } }));
      const client = await run(spec('ns-client', 'fetchLocalhost', { network: { mode: 'container', containerId: pause } }));
      const state = await exited(client);
      const logs = await readAll(await rt.logs(client));
      assert.equal(state.exitCode, 0, logs);
      assert.equal(logs, TEST_PAGE);
      assert.equal(state.ipAddress, undefined, 'a joined container has no address of its own');
      assert.equal((await rt.inspect(pause)).running, true, 'the pause container keeps running');
      await rt.stop(pause, 0); // SIGKILL: /pause handles no signals
      assert.equal((await rt.inspect(pause)).exitCode, 137);
      // Joining a namespace whose holder is not running fails at start.
      const orphan = await rt.create(spec('ns-orphan', 'web', { network: { mode: 'container', containerId: pause } }));
      await assert.rejects(rt.start(orphan), (err) => err instanceof RuntimeError && !(err instanceof NotFoundError));
    });

    it('reaches a linked container by its alias on the bridge', async () => {
      const web = spec('link-web', 'web');
      await run(web);
      const client = await run(spec('link-client', 'fetchLink', { links: [`${web.name}:web`] }));
      const state = await exited(client);
      const logs = await readAll(await rt.logs(client));
      assert.equal(state.exitCode, 0, logs);
      assert.equal(logs, TEST_PAGE);
    });

    it('builds an image with labels, tags it, imports a root filesystem, and names the bridge', async () => {
      const built = `slipway-test/conf-${runId}:built`;
      const tagged = `slipway-test/conf-${runId}:tagged`;
      const imported = `slipway-test/conf-${runId}:imported`;
      assert.equal(await rt.imageLabels(built), undefined);
      const lines: string[] = [];
      const context = tarArchive([{ path: 'Dockerfile', data: Buffer.from(`FROM ${TEST_IMAGE}\nLABEL from.dockerfile=yes\n`) }]);
      await rt.buildImage(context, { tag: built, labels: { 'slipway.test.recipe': runId }, onOutput: (l) => lines.push(l) });
      assert.ok(lines.length > 0, 'build output reaches onOutput');
      const labels = await rt.imageLabels(built);
      assert.equal(labels?.['slipway.test.recipe'], runId);
      assert.equal(labels?.['from.dockerfile'], 'yes');
      await rt.tagImage(built, tagged);
      assert.equal((await rt.imageLabels(tagged))?.['slipway.test.recipe'], runId);
      await assert.rejects(rt.tagImage('slipway-test/absent:1', tagged), NotFoundError);
      const bad = tarArchive([{ path: 'Dockerfile', data: Buffer.from('FROM slipway-test/absent:1\n') }]);
      await assert.rejects(rt.buildImage(bad, { tag: `slipway-test/conf-${runId}:bad` }), RuntimeError);
      await rt.importImage(Readable.from([tarArchive([{ path: 'hello.txt', data: Buffer.from('hi\n') }])]), {
        tag: imported,
        changes: ['CMD ["/hello"]'],
      });
      assert.ok(await rt.imageLabels(imported));
      const bridge = await rt.bridgeNetwork();
      assert.match(bridge?.gateway ?? '', /^\d+\.\d+\.\d+\.\d+$/);
      assert.match(bridge?.subnet ?? '', /^\d+\.\d+\.\d+\.\d+\/\d+$/);
      if (rt instanceof DockerRuntime)
        for (const image of [built, tagged, imported]) await rt.docker.getImage(image).remove({ force: true });
    });

    it('force-removes a running container and tolerates removing it again', async () => {
      const id = await run(spec('remove', 'web'));
      await rt.remove(id);
      await assert.rejects(rt.inspect(id), NotFoundError);
      await rt.remove(id);
      await assert.rejects(rt.start(id), NotFoundError);
    });
  });
}

/** The fake is told what each workload does and which registry is unreachable; nothing else. */
function fakeWithWorkloads(): FakeRuntime {
  const fake = new FakeRuntime();
  for (const [workload, { fake: behaviour }] of Object.entries(WORKLOADS)) {
    fake.behave((s) => s.labels[WORKLOAD_LABEL] === workload && s.image !== 'slipway/pause:1', behaviour);
  }
  fake.failPull(UNREACHABLE_IMAGE, 'Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused');
  return fake;
}

runtimeConformance('FakeRuntime', fakeWithWorkloads);

const docker = new DockerRuntime();
const dockerDown = await docker.ping().then(
  () => undefined,
  (err: Error) => `${err.message}; run scripts/provision-docker.sh`,
);
if (dockerDown) console.log(`# skipping DockerRuntime conformance: ${dockerDown}`);
runtimeConformance('DockerRuntime', () => docker, { skip: dockerDown, realNetwork: true });
