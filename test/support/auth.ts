/**
 * What tests of a Slipway that requires signatures (--auth) share: the administrator's key, read
 * from the shared-credentials file the first start wrote.
 */
import { readFileSync } from 'node:fs';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  type IAMClient,
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
