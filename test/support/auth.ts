/**
 * What tests of a Slipway that requires signatures (--auth) share: the administrator's key, read
 * from the shared-credentials file the first start wrote.
 */
import { readFileSync } from 'node:fs';
import { CreateRoleCommand, type IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
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
