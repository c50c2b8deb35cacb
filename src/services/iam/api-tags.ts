/**
 * @module services/iam/api-tags
 * Tags on users, roles, customer managed policies and OpenID Connect providers.
 */
import type { Handler, Handlers } from '../../protocol/types.ts';
import type { IamContext } from './context.ts';
import { iamError } from './errors.ts';
import { requireProvider } from './api-oidc.ts';
import { checkTags, page, requireEntity, requirePolicy } from './resolve.ts';
import type { IamOperations, Tag } from './shapes.ts';

type Input = Record<string, unknown> & { Tags?: Tag[]; TagKeys?: string[]; Marker?: string; MaxItems?: number };

/** How each taggable resource is found and written back. */
interface Taggable {
  read(iam: IamContext, account: string, input: Input): { tags: Tag[]; write(tags: Tag[]): void };
}

const taggables: Record<string, Taggable> = {
  User: entity('user', 'UserName'),
  Role: entity('role', 'RoleName'),
  InstanceProfile: entity('instance-profile', 'InstanceProfileName'),
  Policy: {
    read(iam, account, input) {
      const p = requirePolicy(iam, account, input.PolicyArn as string);
      if (p.account === 'aws') throw iamError.awsManaged(p.arn);
      return { tags: p.tags, write: (tags) => iam.model.putPolicy({ ...p, tags }) };
    },
  },
  OpenIDConnectProvider: {
    read(iam, account, input) {
      const p = requireProvider(iam, account, input.OpenIDConnectProviderArn as string);
      return { tags: p.tags, write: (tags) => iam.model.putOidc({ ...p, tags }) };
    },
  },
};

function entity(kind: 'user' | 'role' | 'instance-profile', field: string): Taggable {
  return {
    read(iam, account, input) {
      const e = requireEntity(iam, account, kind, input[field] as string);
      return { tags: e.tags, write: (tags) => iam.model.putEntity({ ...e, tags }) };
    },
  };
}

export function tagHandlers(iam: IamContext): Handlers<IamOperations> {
  const handlers: Record<string, Handler<Input, unknown>> = {};
  for (const [name, t] of Object.entries(taggables)) {
    handlers[`Tag${name}`] = (input, ctx) => {
      iam.model.tx(() => {
        const found = t.read(iam, ctx.account, input);
        found.write(checkTags(input.Tags, found.tags));
      });
      return {};
    };
    handlers[`Untag${name}`] = (input, ctx) => {
      iam.model.tx(() => {
        const found = t.read(iam, ctx.account, input);
        const gone = new Set((input.TagKeys ?? []).map((k) => k.toLowerCase()));
        found.write(found.tags.filter((tag) => !gone.has(tag.Key.toLowerCase())));
      });
      return {};
    };
    handlers[`List${name}Tags`] = (input, ctx) => {
      const p = page(t.read(iam, ctx.account, input).tags, input, `${name}-tags`);
      return { Tags: p.items, IsTruncated: p.IsTruncated, Marker: p.Marker };
    };
  }
  return handlers as Handlers<IamOperations>;
}
