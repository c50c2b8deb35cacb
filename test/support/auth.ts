/**
 * What tests of a Slipway that requires signatures (--auth) share: the administrator's key, read
 * from the shared-credentials file the first start wrote.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  type IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { join } from 'node:path';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function adminCredentials(dataDir: string): Credentials {
  const text = readFileSync(join(dataDir, 'credentials'), 'utf8');
  const field = (name: string) => text.match(new RegExp(`^${name} = (.+)$`, 'm'))![1];
  return { accessKeyId: field('aws_access_key_id'), secretAccessKey: field('aws_secret_access_key') };
}

/** A new user with the statements as its managed policy (none when empty), and a key of its own. */
export async function userWithPolicy(iam: IAMClient, name: string, statements: object[]): Promise<Credentials> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (statements.length) {
    const document = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: `${name}-policy`, PolicyDocument: document }));
    await iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: Policy!.Arn! }));
  }
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

/**
 * git-remote-codecommit's password, computed as its `sign` does: the signing time, `Z`, and a
 * SigV4 signature of the canonical request `GIT <path>` for `host`, scoped to `region` and codecommit.
 */
export function codecommitPassword(key: Credentials, host: string, path: string, region = 'us-east-1', at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]|\.\d{3}Z$/g, '');
  const hmac = (k: Buffer | string, v: string) => createHmac('sha256', k).update(v).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${key.secretAccessKey}`, stamp.slice(0, 8)), region), 'codecommit'), 'aws4_request');
  const canonical = `GIT\n${path}\n\nhost:${host}\n\nhost\n`;
  const scope = `${stamp.slice(0, 8)}/${region}/codecommit/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
  return `${stamp}Z${hmac(signingKey, toSign).toString('hex')}`;
}

/**
 * The URL git-remote-codecommit hands to git for `codecommit::<region>://<repository>`:
 * https://<access key[%token], quoted>:<password>@<CODE_COMMIT_ENDPOINT>/v1/repos/<repository>.
 */
export function codecommitHelperUrl(key: Credentials, endpoint: string, repository: string, region = 'us-east-1'): string {
  const path = `/v1/repos/${repository}`;
  const user = encodeURIComponent(key.accessKeyId + (key.sessionToken ? `%${key.sessionToken}` : ''));
  return `https://${user}:${codecommitPassword(key, endpoint, path, region)}@${endpoint}${path}`;
}

/** A trust policy that lets `service` (ecs-tasks.amazonaws.com, codepipeline.amazonaws.com…) assume a role. */
export function serviceTrust(service: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
}

/** A policy document allowing `actions` on `resource`. */
export function allowPolicy(actions: string[], resource = '*'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] });
}

/** Makes a role `service` may assume, with `policy` inline. */
export async function createServiceRole(iam: IAMClient, name: string, service: string, policy: string): Promise<void> {
  await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: serviceTrust(service) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'permissions', PolicyDocument: policy }));
}
