import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClock } from '../core/clock.ts';
import { Controller } from '../core/reconcile.ts';
import { actAs, actingFacade, RoleDenied } from './acting.ts';
import { SERVICES } from './acting-calls.ts';
import { RoleSessions } from './sts/role-sessions.ts';
import { ServiceRoleError } from './sts/index.ts';
import type { AppContext } from './types.ts';

const ROLE = {
  roleArn: 'arn:aws:iam::000000000000:role/pipeline',
  servicePrincipal: 'codepipeline.amazonaws.com',
  region: 'us-east-1',
  sessionName: '1',
};

/** A role that may do anything but StartBuild; `assumable` false stands for a role that no longer trusts the service. */
function sessions(assumable = true): RoleSessions {
  const app = {
    clock: createClock(1),
    identity: {
      operationDenial: (_key: string, call: { operation: string }) =>
        call.operation === 'StartBuild' ? `User: session is not authorized to perform: codebuild:StartBuild` : undefined,
      denial: () => undefined,
    },
  } as unknown as AppContext;
  const assume = () => {
    if (!assumable) throw new ServiceRoleError(ROLE.roleArn, 'untrusted');
    return {
      accessKeyId: 'ASIA1',
      secret: 's',
      sessionToken: 't',
      expiration: Date.now() + 3_600_000,
      assumedRoleArn: '',
      assumedRoleId: '',
    };
  };
  return new RoleSessions(app, assume, () => undefined);
}

const builds = { started: 0, startBuild: () => builds.started++, later: async () => 'done' };
const calls = {
  startBuild: () => ({ operation: 'StartBuild', input: {} }),
  later: () => ({ operation: 'StartBuild', input: {}, async: true as const }),
};

describe('a facade a room reaches while acting with a role', () => {
  const facade = actingFacade('codepipeline', builds, SERVICES.codebuild, calls, sessions());

  it('authorizes only calls made as that room, and refuses in the acting service’s words before the call is made', () => {
    const before = builds.started;
    facade.startBuild();
    actAs('codedeploy', ROLE, () => facade.startBuild());
    assert.equal(builds.started, before + 2);
    assert.throws(
      () => actAs('codepipeline', ROLE, () => facade.startBuild()),
      (err: Error) =>
        err instanceof RoleDenied &&
        err.message ===
          'Error calling startBuild: User: session is not authorized to perform: codebuild:StartBuild (Service: AWSCodeBuild; Status Code: 400; Error Code: AccessDeniedException)',
    );
    assert.equal(builds.started, before + 2);
  });

  it('refuses a call of a method that returns a promise by rejecting it', async () => {
    const pending = actAs('codepipeline', ROLE, () => facade.later());
    await assert.rejects(pending, RoleDenied);
  });

  it('refuses every call when the service may no longer assume the role', () => {
    const untrusted = actingFacade(
      'codepipeline',
      { getBuild: () => 'build' },
      SERVICES.codebuild,
      { getBuild: () => ({ operation: 'BatchGetBuilds', input: {} }) },
      sessions(false),
    );
    assert.throws(
      () => actAs('codepipeline', ROLE, () => untrusted.getBuild()),
      /is not authorized to perform AssumeRole on role arn:aws:iam::000000000000:role\/pipeline/,
    );
  });

  it('does not lend the role to a controller the call wakes', async () => {
    let outcome: unknown;
    const controller = new Controller({
      name: 'test.detached',
      reconcile: async () => {
        try {
          outcome = facade.startBuild();
        } catch (err) {
          outcome = err;
        }
        return {};
      },
    });
    actAs('codepipeline', ROLE, () => controller.enqueue('k'));
    await controller.idle();
    assert.equal(typeof outcome, 'number');
  });
});
