/**
 * The container credentials endpoint and service role sessions, driven through STS's facade over a
 * real IAM room, a real engine (which gives the host 169.254.170.2) and real HTTP, on a clock the
 * test moves: credentials are renewed before they expire while the key fetched before stays good
 * to its own end; a revoked holder is served nothing; and in strict mode (--auth) a service assumes
 * only a role that exists and trusts it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../src/core/clock.ts';
import { loadConfig, type Config } from '../../src/core/config.ts';
import { EventBus } from '../../src/core/events.ts';
import type { RequestContext } from '../../src/protocol/types.ts';
import { createRuntime } from '../../src/runtime/index.ts';
import * as iam from '../../src/services/iam/index.ts';
import * as sts from '../../src/services/sts/index.ts';
import type { AppContext } from '../../src/services/types.ts';
import { Store } from '../../src/store/index.ts';

const ACCOUNT = '000000000000';
const ctx: RequestContext = { region: 'us-east-1', account: ACCOUNT, requestId: 'r', endpoint: 'http://local' };
const trusting = (service: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

/** An IAM and an STS room over one in-memory store, strict or open, and STS's facade. */
function rooms(config: Config & { auth?: boolean }) {
  const clock = createManualClock({ start: Date.now() });
  const app: AppContext = {
    config,
    edge: { url: '', host: '127.0.0.1', port: 0 },
    store: Store.open(':memory:'),
    clock,
    runtime: createRuntime(),
    events: new EventBus(),
  };
  const iamRoom = iam.register(app);
  const stsRoom = sts.register(app, { iam: iamRoom.facade });
  const handlers = iamRoom.api!.handlers as Record<string, (input: unknown, c: RequestContext) => Promise<unknown>>;
  const createRole = (RoleName: string, service: string) =>
    handlers.CreateRole({ RoleName, AssumeRolePolicyDocument: trusting(service) }, ctx);
  return { clock, iam: iamRoom.facade, sts: stsRoom.facade, createRole, stop: () => stsRoom.stop?.() };
}

async function fetchCredentials(env: Record<string, string>, token = env.AWS_CONTAINER_AUTHORIZATION_TOKEN) {
  const res = await fetch(env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { authorization: token } });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('the container credentials endpoint', () => {
  const r = rooms(loadConfig({}, {}));
  after(() => r.stop());

  it('renews credentials before they expire; the key fetched before stays good until its own expiry', async () => {
    await r.createRole('worker', 'ecs-tasks.amazonaws.com');
    const holder = `arn:aws:ecs:us-east-1:${ACCOUNT}:task/default/0123456789abcdef0123456789abcdef`;
    const env = await r.sts.containerCredentials.grant({
      holder,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/worker`,
      sessionName: '0123456789abcdef0123456789abcdef',
      servicePrincipal: 'ecs-tasks.amazonaws.com',
      region: 'us-east-1',
    });
    const first = await fetchCredentials(env);
    assert.equal(first.status, 200);
    assert.equal((await fetchCredentials(env)).body.AccessKeyId, first.body.AccessKeyId, 'fresh credentials are served again');
    assert.equal(
      r.iam.principalOfAccessKey(first.body.AccessKeyId)?.arn,
      `arn:aws:sts::${ACCOUNT}:assumed-role/worker/${holder.split('/').pop()}`,
    );

    await r.clock.advance(50 * 60_000);
    const second = await fetchCredentials(env);
    assert.notEqual(second.body.AccessKeyId, first.body.AccessKeyId);
    assert.ok(Date.parse(second.body.Expiration) > Date.parse(first.body.Expiration));
    assert.equal(r.sts.containerCredentials.holderOfKey(first.body.AccessKeyId), holder);
    assert.equal(r.sts.containerCredentials.holderOfKey(second.body.AccessKeyId), holder);

    await r.clock.advance(11 * 60_000);
    assert.equal(r.sts.containerCredentials.holderOfKey(first.body.AccessKeyId), undefined, 'an expired key is nobody’s');
    assert.equal(r.sts.containerCredentials.holderOfKey(second.body.AccessKeyId), holder);

    r.sts.containerCredentials.revoke(holder);
    assert.equal((await fetchCredentials(env)).status, 400);
    assert.equal(r.sts.containerCredentials.holderOfKey(second.body.AccessKeyId), undefined);
  });

  it('answers only GET with the holder’s own token', async () => {
    const env = await r.sts.containerCredentials.grant({
      holder: 'arn:aws:codebuild:us-east-1:000000000000:build/p:1',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/made-in-console`,
      sessionName: 'AWSCodeBuild-1',
      servicePrincipal: 'codebuild.amazonaws.com',
      region: 'us-east-1',
    });
    assert.equal((await fetchCredentials(env, 'wrong')).status, 401);
    assert.equal((await fetchCredentials(env, `${env.AWS_CONTAINER_AUTHORIZATION_TOKEN}x`)).status, 401);
    const posted = await fetch(env.AWS_CONTAINER_CREDENTIALS_FULL_URI, {
      method: 'POST',
      headers: { authorization: env.AWS_CONTAINER_AUTHORIZATION_TOKEN },
    });
    assert.equal(posted.status, 405);
    assert.equal((await fetchCredentials(env)).body.RoleArn, `arn:aws:iam::${ACCOUNT}:role/made-in-console`);
  });
});

describe('service role sessions', () => {
  const open = rooms(loadConfig({}, {}));
  const strict = rooms({ ...loadConfig({}, {}), auth: true });
  before(async () => {
    for (const r of [open, strict]) {
      await r.createRole('builder', 'codebuild.amazonaws.com');
      await r.createRole('tasks-only', 'ecs-tasks.amazonaws.com');
    }
  });
  after(async () => {
    await open.stop();
    await strict.stop();
  });
  const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

  it('in open mode: any role ARN, held or not, named after it', () => {
    const missing = open.sts.assumeRoleForService(role('ghost'), 'AWSCodeBuild-1', 'codebuild.amazonaws.com', 'us-east-1');
    assert.equal(missing.assumedRoleArn, `arn:aws:sts::${ACCOUNT}:assumed-role/ghost/AWSCodeBuild-1`);
    assert.match(missing.assumedRoleId, /^AROA[A-Z2-7]{17}:AWSCodeBuild-1$/);
    const again = open.sts.assumeRoleForService(role('ghost'), 'AWSCodeBuild-2', 'codebuild.amazonaws.com', 'us-east-1');
    assert.equal(again.assumedRoleId.split(':')[0], missing.assumedRoleId.split(':')[0], 'one ARN, one role id');
    assert.throws(
      () => open.sts.assumeRoleForService('not-an-arn', 's', 'codebuild.amazonaws.com', 'us-east-1'),
      (e: Error) => e instanceof sts.ServiceRoleError && e.reason === 'malformed',
    );
  });

  it('in strict mode: only a role that exists and trusts the service', () => {
    const ok = strict.sts.assumeRoleForService(role('builder'), 'AWSCodeBuild-1', 'codebuild.amazonaws.com', 'us-east-1');
    assert.equal(ok.assumedRoleArn, `arn:aws:sts::${ACCOUNT}:assumed-role/builder/AWSCodeBuild-1`);
    assert.equal(strict.iam.principalOfAccessKey(ok.accessKeyId)?.roleArn, role('builder'));
    assert.throws(
      () => strict.sts.assumeRoleForService(role('ghost'), 's', 'codebuild.amazonaws.com', 'us-east-1'),
      (e: Error) => e instanceof sts.ServiceRoleError && e.reason === 'missing',
    );
    assert.throws(
      () => strict.sts.assumeRoleForService(role('tasks-only'), 's', 'codebuild.amazonaws.com', 'us-east-1'),
      (e: Error) => e instanceof sts.ServiceRoleError && e.reason === 'untrusted',
    );
  });
});
