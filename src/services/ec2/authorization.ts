/**
 * @module services/ec2/authorization
 * What IAM weighs of an EC2 resource: its ARN by kind (`vpc/vpc-…`, `key-pair/<name>`; CreateTags
 * and DeleteTags name bare ids, whose kind the id's prefix tells) and its tags.
 */
import { parseArn } from '../../core/ids.ts';
import { scopeKey } from '../../core/scope.ts';
import { type ResourceFacts, tagMap } from '../authorization.ts';
import type { Ec2Context } from './context.ts';
import type { Kind } from './model.ts';
import { kindOfId, RESOURCE_TYPE } from './tags.ts';

export function ec2ResourceFacts(ec2: Ec2Context, arn: string): ResourceFacts | undefined {
  const parsed = parseArn(arn);
  if (!parsed) return undefined;
  const slash = parsed.resource.indexOf('/');
  const [type, id] = slash < 0 ? [undefined, parsed.resource] : [parsed.resource.slice(0, slash), parsed.resource.slice(slash + 1)];
  const kind = type ? (Object.keys(RESOURCE_TYPE) as Kind[]).find((k) => RESOURCE_TYPE[k] === type) : kindOfId(id);
  if (!kind) return undefined;
  const scope = scopeKey(parsed);
  // A key pair's ARN carries its name; a call may name it by its key-… id.
  const record =
    kind === 'key' && !id.startsWith('key-') ? ec2.model.all(scope, 'key').find((k) => k.name === id) : ec2.model.get(scope, kind, id);
  const name = record?.kind === 'key' ? record.name : id;
  return { arn: `arn:aws:ec2:${parsed.region}:${parsed.account}:${RESOURCE_TYPE[kind]}/${name}`, tags: record && tagMap(record.tags) };
}
