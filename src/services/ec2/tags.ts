/**
 * @module services/ec2/tags
 * Tags as EC2 takes them: at creation through TagSpecifications (whose ResourceType must be the
 * kind being created), and later through CreateTags/DeleteTags on any resource id.
 */
import { ec2Error } from './errors.ts';
import type { Kind } from './model.ts';
import type { Tag, TagSpecification } from './shapes.ts';

/** EC2's ResourceType for each kind of record. */
export const RESOURCE_TYPE: Record<Kind, string> = {
  vpc: 'vpc',
  subnet: 'subnet',
  sg: 'security-group',
  igw: 'internet-gateway',
  rtb: 'route-table',
  key: 'key-pair',
};

/** The kind of record an id names, by its prefix. */
export function kindOfId(id: string): Kind | undefined {
  const prefix = id.slice(0, id.indexOf('-'));
  return (Object.keys(RESOURCE_TYPE) as Kind[]).find((k) => k === prefix);
}

const MAX_TAGS = 50;

/** Tags with their keys checked: present, not under aws:, at most 50. */
export function checkedTags(tags: readonly Tag[], parameter: string): Tag[] {
  if (tags.length > MAX_TAGS) throw ec2Error.invalidValue(parameter, tags.length, `A resource can have at most ${MAX_TAGS} tags.`);
  for (const tag of tags) {
    if (!tag.Key) throw ec2Error.invalidValue(`${parameter}.Key`, '', 'Tag keys must not be empty.');
    if (tag.Key.toLowerCase().startsWith('aws:'))
      throw ec2Error.invalidValue(`${parameter}.Key`, tag.Key, "Tag keys starting with 'aws:' are reserved for internal use");
  }
  return tags.map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
}

/** The tags a create call asks for, refusing a specification for another kind of resource. */
export function tagsAtCreation(specs: readonly TagSpecification[] | undefined, kind: Kind): Tag[] {
  let tags: Tag[] = [];
  for (const spec of specs ?? []) {
    if (spec.ResourceType !== RESOURCE_TYPE[kind]) {
      throw ec2Error.invalidValue(
        'TagSpecification.ResourceType',
        spec.ResourceType,
        `'${spec.ResourceType}' is not a valid taggable resource type for this operation.`,
      );
    }
    tags = merged(tags, spec.Tags ?? []);
  }
  return checkedTags(tags, 'TagSpecification.Tag');
}

/** `current` with `added` set over it, key by key. */
export function merged(current: readonly Tag[], added: readonly Tag[]): Tag[] {
  const byKey = new Map(current.map((t) => [t.Key, t]));
  for (const tag of added) byKey.set(tag.Key, { Key: tag.Key, Value: tag.Value ?? '' });
  return [...byKey.values()];
}
