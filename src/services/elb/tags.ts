/**
 * @module services/elb/tags
 * AddTags, RemoveTags and DescribeTags over every kind of ELBv2 resource (load balancers, target
 * groups, listeners, rules), found by the kind their ARN names.
 */
import { parseArn } from '../../core/ids.ts';
import type { ElbContext } from './context.ts';
import { elbError } from './errors.ts';
import type { Elbv2Operations, Tag } from './shapes.ts';

type Ops = Elbv2Operations;
const MAX_TAGS = 50;

export function checkTags(tags: Tag[] | undefined): void {
  const seen = new Set<string>();
  for (const t of tags ?? []) {
    if (t.Key.startsWith('aws:')) throw elbError.validation(`Tag key '${t.Key}' cannot start with 'aws:'`);
    if (seen.has(t.Key)) throw elbError.duplicateTagKeys(t.Key);
    seen.add(t.Key);
  }
  if (seen.size > MAX_TAGS) throw elbError.tooManyTags();
}

export function tagHandlers(elb: ElbContext) {
  const { model } = elb;
  /** Reads, changes and writes back the tags of one resource (any kind). */
  function withTags(arn: string, change?: (tags: Tag[]) => Tag[]): Tag[] {
    const resource = parseArn(arn)?.resource ?? '';
    const kinds = [
      { prefix: 'loadbalancer/', table: model.loadBalancers, put: (r: any) => model.putLoadBalancer(r, scopeOf(arn)), missing: () => elbError.loadBalancerNotFound(`Load balancer '${arn}' not found`) },
      { prefix: 'targetgroup/', table: model.targetGroups, put: (r: any) => model.putTargetGroup(r, scopeOf(arn)), missing: () => elbError.targetGroupNotFound(`Target groups '${arn}' not found`) },
      { prefix: 'listener/', table: model.listeners, put: (r: any) => model.putListener(r), missing: () => elbError.listenerNotFound(`Listener '${arn}' not found`) },
      { prefix: 'listener-rule/', table: model.rules, put: (r: any) => model.putRule(r), missing: () => elbError.ruleNotFound(`Rule '${arn}' not found`) },
    ];
    const kind = kinds.find((k) => resource.startsWith(k.prefix));
    if (!kind) throw elbError.validation(`'${arn}' is not a valid load balancer, target group, listener or rule ARN`);
    const record = (kind.table as { get(pk: string): { tags: Tag[] } | undefined }).get(arn);
    if (!record) throw kind.missing();
    if (change) {
      record.tags = change(record.tags ?? []);
      if (record.tags.length > MAX_TAGS) throw elbError.tooManyTags();
      kind.put(record);
    }
    return record.tags ?? [];
  }
  return {
    AddTags(input: Ops['AddTags']['input']): Ops['AddTags']['output'] {
      checkTags(input.Tags);
      model.tx(() => {
        for (const arn of input.ResourceArns) {
          withTags(arn, (tags) => [...tags.filter((t) => !input.Tags.some((n) => n.Key === t.Key)), ...input.Tags]);
        }
      });
      return {};
    },
    RemoveTags(input: Ops['RemoveTags']['input']): Ops['RemoveTags']['output'] {
      model.tx(() => {
        for (const arn of input.ResourceArns) withTags(arn, (tags) => tags.filter((t) => !input.TagKeys.includes(t.Key)));
      });
      return {};
    },
    DescribeTags(input: Ops['DescribeTags']['input']): Ops['DescribeTags']['output'] {
      return { TagDescriptions: input.ResourceArns.map((arn) => ({ ResourceArn: arn, Tags: withTags(arn) })) };
    },
  };
}

function scopeOf(arn: string): string {
  const p = parseArn(arn)!;
  return `${p.region}:${p.account}`;
}
