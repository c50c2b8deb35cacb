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
      {
        prefix: 'loadbalancer/',
        read: () => tagged(model.loadBalancers.get(arn), (r) => model.putLoadBalancer(r)),
        missing: () => elbError.loadBalancerNotFound(`Load balancer '${arn}' not found`),
      },
      {
        prefix: 'targetgroup/',
        read: () => tagged(model.targetGroups.get(arn), (r) => model.putTargetGroup(r)),
        missing: () => elbError.targetGroupNotFound(`Target groups '${arn}' not found`),
      },
      {
        prefix: 'listener/',
        read: () => tagged(model.listeners.get(arn), (r) => model.putListener(r)),
        missing: () => elbError.listenerNotFound(`Listener '${arn}' not found`),
      },
      {
        prefix: 'listener-rule/',
        read: () => tagged(model.rules.get(arn), (r) => model.putRule(r)),
        missing: () => elbError.ruleNotFound(`Rule '${arn}' not found`),
      },
    ];
    const kind = kinds.find((k) => resource.startsWith(k.prefix));
    if (!kind) throw elbError.validation(`'${arn}' is not a valid load balancer, target group, listener or rule ARN`);
    const record = kind.read();
    if (!record) throw kind.missing();
    if (!change) return record.tags;
    const tags = change(record.tags);
    if (tags.length > MAX_TAGS) throw elbError.tooManyTags();
    record.write(tags);
    return tags;
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

/** A record's tags and how to store it with others (undefined when there is no record). */
function tagged<R extends { tags?: Tag[] }>(
  record: R | undefined,
  put: (r: R) => void,
): { tags: Tag[]; write(tags: Tag[]): void } | undefined {
  return record && { tags: record.tags ?? [], write: (tags) => put({ ...record, tags }) };
}
