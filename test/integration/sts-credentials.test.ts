/**
 * STS against a real Slipway: who is calling (a user's key, a role session's, an unknown key),
 * AssumeRole with its trust policy, and AssumeRoleWithWebIdentity with tokens from a local OIDC
 * issuer run by the test (its JWKS served over HTTP on loopback, as a machine without the internet
 * needs), through the SDK v3 client and the aws CLI's web identity credentials.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import {
  CreateAccessKeyCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  UpdateAccessKeyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { cliEnv, clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';
import { expectAwsError } from '../support/ecr.ts';

const ACCOUNT = '000000000000';
const run = promisify(execFile);

/** A local OpenID Connect issuer: discovery document, JWKS, and tokens signed with its keys. */
async function startIssuer() {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = (key: KeyObject, kid: string, alg: string) => ({ ...key.export({ format: 'jwk' }), kid, alg, use: 'sig' });
  let url = '';
  const server: Server = createServer((req, res) => {
    const body =
      req.url === '/.well-known/openid-configuration'
        ? { issuer: url, jwks_uri: `${url}/jwks` }
        : req.url === '/jwks'
          ? { keys: [jwk(rsa.publicKey, 'rsa1', 'RS256'), jwk(ec.publicKey, 'ec1', 'ES256')] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    token(claims: Record<string, unknown>, opts: { alg?: 'RS256' | 'ES256'; key?: KeyObject } = {}) {
      const alg = opts.alg ?? 'RS256';
      const now = Math.floor(Date.now() / 1000);
      const head = b64({ alg, typ: 'JWT', kid: alg === 'RS256' ? 'rsa1' : 'ec1' });
      const payload = b64({ iss: url, aud: 'sts.amazonaws.com', iat: now, exp: now + 300, ...claims });
      const signed = `${head}.${payload}`;
      const key = opts.key ?? (alg === 'RS256' ? rsa.privateKey : ec.privateKey);
      const signature = sign('sha256', Buffer.from(signed), alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key);
      return `${signed}.${signature.toString('base64url')}`;
    },
  };
}

describe('STS', () => {
  let s: TestSlipway;
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  let iam: IAMClient;
  const sts = (credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
    new STSClient({ ...clientConfig(s.endpoint, 'ap-northeast-2'), ...(credentials ? { credentials } : {}) });

  before(async () => {
    s = await startTestSlipway();
    issuer = await startIssuer();
    iam = new IAMClient(clientConfig(s.endpoint));
  });
  after(async () => {
    await issuer.close();
    await s.close();
  });

  it('GetCallerIdentity answers the account root for a key it does not know', async () => {
    const who = await sts().send(new GetCallerIdentityCommand({}));
    assert.deepEqual(
      { ...who, $metadata: undefined },
      { $metadata: undefined, UserId: ACCOUNT, Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` },
    );
  });

  it("AssumeRole checks the role's trust policy for a known user; the session's credentials name the assumed role", async () => {
    await iam.send(new CreateUserCommand({ UserName: 'ci' }));
    await iam.send(new CreateUserCommand({ UserName: 'intruder' }));
    const key = async (user: string) => {
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: user }));
      return { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
    };
    const ci = await key('ci');
    const intruder = await key('intruder');
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/ci` }, Action: 'sts:AssumeRole' }],
    };
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: JSON.stringify(trust) }));

    const me = await sts(ci).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Arn, `arn:aws:iam::${ACCOUNT}:user/ci`);
    assert.match(me.UserId ?? '', /^AIDA/);

    const assumed = await sts(ci).send(new AssumeRoleCommand({ RoleArn: Role?.Arn, RoleSessionName: 'deploy-1', DurationSeconds: 900 }));
    const c = assumed.Credentials!;
    assert.match(c.AccessKeyId ?? '', /^ASIA[A-Z2-7]{16}$/);
    assert.equal(c.SecretAccessKey?.length, 40);
    assert.ok((c.SessionToken?.length ?? 0) > 100);
    const left = (c.Expiration?.getTime() ?? 0) - Date.now();
    assert.ok(left > 800_000 && left <= 900_000, `expires in ${left} ms`);
    assert.equal(assumed.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/deploy-1`);
    assert.equal(assumed.AssumedRoleUser?.AssumedRoleId, `${Role?.RoleId}:deploy-1`);

    const session = sts({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken });
    const asRole = await session.send(new GetCallerIdentityCommand({}));
    assert.equal(asRole.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/deploy-1`);
    assert.equal(asRole.UserId, `${Role?.RoleId}:deploy-1`);

    await expectAwsError(
      sts(intruder).send(new AssumeRoleCommand({ RoleArn: Role?.Arn, RoleSessionName: 'xx' })),
      'AccessDenied',
      `User: arn:aws:iam::${ACCOUNT}:user/intruder is not authorized to perform: sts:AssumeRole on resource: ${Role?.Arn}`,
    );
    const tagged = { RoleArn: Role?.Arn, RoleSessionName: 'GitHubActions', Tags: [{ Key: 'GitHub', Value: 'Actions' }] };
    await expectAwsError(
      sts(ci).send(new AssumeRoleCommand(tagged)),
      'AccessDenied',
      `User: arn:aws:iam::${ACCOUNT}:user/ci is not authorized to perform: sts:TagSession on resource: ${Role?.Arn}`,
    );
    const withTags = { ...trust, Statement: [{ ...trust.Statement[0], Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'deployer', PolicyDocument: JSON.stringify(withTags) }));
    assert.match((await sts(ci).send(new AssumeRoleCommand(tagged))).Credentials?.AccessKeyId ?? '', /^ASIA/);
    await expectAwsError(
      sts(ci).send(new AssumeRoleCommand({ RoleArn: Role?.Arn, RoleSessionName: 'xx', DurationSeconds: 7200 })),
      'ValidationError',
      /MaxSessionDuration/,
    );
    await expectAwsError(
      sts(ci).send(new AssumeRoleCommand({ RoleArn: Role?.Arn, RoleSessionName: 'xx', Policy: '{"Statement":[]}' })),
      'MalformedPolicyDocumentException',
    );
  });

  it("GetSessionToken: a user's own session, known as the user; not from session credentials", async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dev' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'dev' }));
    const dev = sts({ accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' });
    const { Credentials: c } = await dev.send(new GetSessionTokenCommand({ DurationSeconds: 1800 }));
    assert.match(c?.AccessKeyId ?? '', /^ASIA/);
    const left = (c?.Expiration?.getTime() ?? 0) - Date.now();
    assert.ok(left > 1_700_000 && left <= 1_800_000, `expires in ${left} ms`);
    const session = sts({ accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken });
    assert.equal((await session.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:user/dev`);
    await expectAwsError(
      session.send(new GetSessionTokenCommand({})),
      'AccessDenied',
      'Cannot call GetSessionToken with session credentials',
    );
    await expectAwsError(dev.send(new GetSessionTokenCommand({ DurationSeconds: 200_000 })), 'ValidationError');
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'dev', AccessKeyId: AccessKey?.AccessKeyId, Status: 'Inactive' }));
    await expectAwsError(
      dev.send(new GetCallerIdentityCommand({})),
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
    );
  });

  describe('AssumeRoleWithWebIdentity with a local OIDC issuer', () => {
    let roleArn = '';
    before(async () => {
      const provider = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: issuer.url, ClientIDList: ['sts.amazonaws.com'] }));
      const host = issuer.url.replace('http://', '');
      const trust = {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: provider.OpenIDConnectProviderArn },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${host}:sub`]: 'repo:octo/app:*' } },
          },
        ],
      };
      const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'awscicd', AssumeRolePolicyDocument: JSON.stringify(trust) }));
      roleArn = Role?.Arn ?? '';
    });

    it('verifies RS256 and ES256 tokens and evaluates the trust conditions on their claims', async () => {
      for (const alg of ['RS256', 'ES256'] as const) {
        const token = issuer.token({ sub: 'repo:octo/app:ref:refs/heads/main' }, { alg });
        const out = await sts().send(
          new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'sampleSessionName', WebIdentityToken: token }),
        );
        assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/awscicd/sampleSessionName`);
        assert.equal(out.SubjectFromWebIdentityToken, 'repo:octo/app:ref:refs/heads/main');
        assert.equal(out.Audience, 'sts.amazonaws.com');
        assert.match(out.Credentials?.AccessKeyId ?? '', /^ASIA/);
      }
    });

    it("refuses another repository's token, a stale one, another audience, and a forged signature", async () => {
      const call = (token: string) =>
        sts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'ss', WebIdentityToken: token }));
      await expectAwsError(
        call(issuer.token({ sub: 'repo:evil/app:ref:refs/heads/main' })),
        'AccessDenied',
        'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      );
      const past = Math.floor(Date.now() / 1000) - 600;
      await expectAwsError(
        call(issuer.token({ sub: 'repo:octo/app:x', iat: past, exp: past + 60 })),
        'ExpiredTokenException',
        /Token expired/,
      );
      await expectAwsError(
        call(issuer.token({ sub: 'repo:octo/app:x', aud: 'someone-else' })),
        'InvalidIdentityTokenException',
        'Incorrect token audience',
      );
      const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
      await expectAwsError(
        call(issuer.token({ sub: 'repo:octo/app:x' }, { key: forger.privateKey })),
        'InvalidIdentityTokenException',
        /signature/,
      );
      await expectAwsError(call('not-a-jwt'), 'InvalidIdentityTokenException', /not a valid JWT/);
    });

    it('the aws CLI signs in with a web identity token file, as configure-aws-credentials sets it up', async () => {
      const tokenFile = join(s.dataDir, 'token');
      writeFileSync(tokenFile, issuer.token({ sub: 'repo:octo/app:ref:refs/heads/main' }));
      // Only the web identity: no static keys in the environment, as on a fresh CI runner.
      const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...env } = cliEnv;
      const { stdout: out } = await run('aws', ['sts', 'get-caller-identity', '--output', 'json'], {
        env: {
          ...env,
          AWS_ROLE_ARN: roleArn,
          AWS_ROLE_SESSION_NAME: 'sampleSessionName',
          AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
          AWS_ENDPOINT_URL_STS: s.endpoint,
          // The CLI caches web identity credentials under ~/.aws/cli/cache: each run gets its own.
          HOME: s.dataDir,
        },
      });
      assert.equal(JSON.parse(out).Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/awscicd/sampleSessionName`);
    });
  });
});
