/**
 * @module services/ec2/api-tags
 * Tags on any resource the room keeps, by its id.
 */
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { Ec2Context } from './context.ts';
import { describe } from './describe.ts';
import { ec2Error } from './errors.ts';
import type { Ec2Record, Kind } from './model.ts';
import type { Ec2Operations } from './shapes.ts';
import { checkedTags, kindOfId, merged, RESOURCE_TYPE } from './tags.ts';

const KINDS = Object.keys(RESOURCE_TYPE) as Kind[];

export function tagHandlers(ec2: Ec2Context): Handlers<Ec2Operations> {
  const { model } = ec2;
  /** The records the ids name, each of which must exist. */
  const recordsOf = (scope: string, ids: string[]): Ec2Record[] =>
    ids.map((id) => {
      const kind = kindOfId(id);
      if (!kind) throw ec2Error.invalidId(id);
      const record = model.get(scope, kind, id);
      if (!record) throw kind === 'key' ? ec2Error.invalidId(id) : ec2Error.notFound(kind, id);
      return record;
    });
  return {
    CreateTags(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const records = recordsOf(scope, input.Resources);
      const added = checkedTags(input.Tags, 'Tag');
      const updated = records.map((r) => ({ ...r, tags: checkedTags(merged(r.tags, added), 'Tag') }));
      model.write(scope, () => {
        for (const r of updated) model.put(r);
      });
      return {};
    },

    DeleteTags(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const records = recordsOf(scope, input.Resources);
      // A tag with no value removes the key whatever its value; with a value, only that pair.
      const gone = (t: { Key?: string; Value?: string }) =>
        !input.Tags?.length || input.Tags.some((d) => d.Key === t.Key && (d.Value === undefined || d.Value === t.Value));
      model.write(scope, () => {
        for (const r of records) model.put({ ...r, tags: r.tags.filter((t) => !gone(t)) });
      });
      return {};
    },

    DescribeTags(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const all = KINDS.flatMap((kind) =>
        model.all(scope, kind).flatMap((r) => r.tags.map((t) => ({ id: r.id, type: RESOURCE_TYPE[kind], tag: t, tags: [t] }))),
      );
      const page = describe(all, input, {
        operation: 'DescribeTags',
        fields: {
          'resource-id': (d) => [d.id],
          'resource-type': (d) => [d.type],
          key: (d) => [d.tag.Key],
          value: (d) => [d.tag.Value],
        },
      });
      return {
        Tags: page.items.map((d) => ({ ResourceId: d.id, ResourceType: d.type as never, Key: d.tag.Key, Value: d.tag.Value })),
        NextToken: page.next,
      };
    },
  };
}
