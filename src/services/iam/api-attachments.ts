/**
 * @module services/iam/api-attachments
 * What users, groups and roles hold: inline policies (Put/Get/Delete/List…Policy) and attached
 * managed policies (Attach/Detach/ListAttached…Policies), the same for the three kinds; and the
 * permissions boundaries of users and roles.
 */
import type { Handler, Handlers } from '../../protocol/types.ts';
import type { IamContext } from './context.ts';
import { iamError } from './errors.ts';
import { checkPolicy, encodedDocument, page, requireEntity, requirePolicy } from './resolve.ts';
import type { IamOperations } from './shapes.ts';

/** The most managed policies one user, group or role may have attached (IAM's default quota). */
const MAX_ATTACHED = 10;
const KINDS = { User: 'user', Group: 'group', Role: 'role' } as const;

type Named = Record<string, string | number | boolean | undefined>;

export function attachmentHandlers(iam: IamContext): Handlers<IamOperations> {
  const m = iam.model;
  const handlers: Record<string, Handler<Named, unknown>> = {};

  for (const [Kind, kind] of Object.entries(KINDS) as [keyof typeof KINDS, (typeof KINDS)[keyof typeof KINDS]][]) {
    const nameOf = (input: Named) => input[`${Kind}Name`] as string;
    const find = (account: string, input: Named) => requireEntity(iam, account, kind, nameOf(input));

    handlers[`Put${Kind}Policy`] = (input, ctx) => {
      const document = input.PolicyDocument as string;
      checkPolicy(document, 'identity', kind);
      m.tx(() => {
        const e = find(ctx.account, input);
        m.putEntity({ ...e, inline: { ...e.inline, [input.PolicyName as string]: document } });
      });
      return {};
    };
    handlers[`Get${Kind}Policy`] = (input, ctx) => {
      const e = find(ctx.account, input);
      const name = input.PolicyName as string;
      if (!Object.hasOwn(e.inline, name)) throw iamError.noSuchInline(kind, name);
      return { [`${Kind}Name`]: e.name, PolicyName: name, PolicyDocument: encodedDocument(e.inline[name]) };
    };
    handlers[`Delete${Kind}Policy`] = (input, ctx) => {
      m.tx(() => {
        const e = find(ctx.account, input);
        const name = input.PolicyName as string;
        if (!Object.hasOwn(e.inline, name)) throw iamError.noSuchInline(kind, name);
        const { [name]: _gone, ...inline } = e.inline;
        m.putEntity({ ...e, inline });
      });
      return {};
    };
    handlers[`List${Kind}Policies`] = (input, ctx) => {
      const p = page(Object.keys(find(ctx.account, input).inline).sort(), input, `${kind}-policies`);
      return { PolicyNames: p.items, IsTruncated: p.IsTruncated, Marker: p.Marker };
    };
    handlers[`Attach${Kind}Policy`] = (input, ctx) => {
      m.tx(() => {
        const e = find(ctx.account, input);
        const arn = input.PolicyArn as string;
        const policy = requirePolicy(iam, ctx.account, arn);
        if (e.attached.includes(policy.arn)) return;
        if (e.attached.length >= MAX_ATTACHED) throw iamError.limit(`PoliciesPer${Kind}`, MAX_ATTACHED);
        m.putEntity({ ...e, attached: [...e.attached, policy.arn] });
      });
      return {};
    };
    handlers[`Detach${Kind}Policy`] = (input, ctx) => {
      m.tx(() => {
        const e = find(ctx.account, input);
        const arn = input.PolicyArn as string;
        requirePolicy(iam, ctx.account, arn);
        if (!e.attached.includes(arn)) throw iamError.notAttached(arn);
        m.putEntity({ ...e, attached: e.attached.filter((a) => a !== arn) });
      });
      return {};
    };
    handlers[`ListAttached${Kind}Policies`] = (input, ctx) => {
      const e = find(ctx.account, input);
      const prefix = (input.PathPrefix as string | undefined) ?? '/';
      const attached = e.attached.flatMap((arn) => {
        const p = requirePolicy(iam, ctx.account, arn);
        return p.path.startsWith(prefix) ? [{ PolicyName: p.name, PolicyArn: p.arn }] : [];
      });
      const p = page(attached, input, `${kind}-attached`);
      return { AttachedPolicies: p.items, IsTruncated: p.IsTruncated, Marker: p.Marker };
    };
    if (kind === 'group') continue;
    // Permissions boundaries: a managed policy that caps what a user's or role's policies can allow.
    handlers[`Put${Kind}PermissionsBoundary`] = (input, ctx) => {
      m.tx(() => {
        const e = find(ctx.account, input);
        const policy = requirePolicy(iam, ctx.account, input.PermissionsBoundary as string);
        m.putEntity({ ...e, permissionsBoundary: policy.arn });
      });
      return {};
    };
    handlers[`Delete${Kind}PermissionsBoundary`] = (input, ctx) => {
      m.tx(() => {
        const { permissionsBoundary: _gone, ...e } = find(ctx.account, input);
        m.putEntity(e);
      });
      return {};
    };
  }
  return handlers as Handlers<IamOperations>;
}
