/**
 * @module services/iam/api-account
 * GetAccountAuthorizationDetails: every user, group and role of the account with its inline and
 * attached policies, and the managed policies in use (the account's own, and AWS's that are
 * attached), with all their versions — what audit tools read in one call.
 */
import type { Handlers } from '../../protocol/types.ts';
import { groupView, roleView, userView } from './api-entities.ts';
import { policyView } from './api-policies.ts';
import type { IamContext } from './context.ts';
import type { EntityRecord, PolicyRecord } from './model.ts';
import { encodedDocument, findPolicy, page } from './resolve.ts';
import type { IamOperations } from './shapes.ts';

/** One entry of the listing, paged as one list: a user, group, role or managed policy. */
type Item = { u?: EntityRecord; g?: EntityRecord; r?: EntityRecord; p?: PolicyRecord };

export function accountHandlers(iam: IamContext): Handlers<IamOperations> {
  const m = iam.model;
  const inline = (e: EntityRecord) =>
    Object.entries(e.inline).map(([PolicyName, d]) => ({ PolicyName, PolicyDocument: encodedDocument(d) }));
  const attached = (e: EntityRecord) =>
    e.attached.flatMap((arn) => {
      const p = findPolicy(iam, arn);
      return p ? [{ PolicyName: p.name, PolicyArn: p.arn }] : [];
    });

  return {
    GetAccountAuthorizationDetails(input, ctx) {
      const wants = (filter: string) => !input.Filter?.length || input.Filter.includes(filter as never);
      const entities = m.entities.find({ account: ctx.account }, 'lname');
      const of = (kind: string) => entities.filter((e) => e.kind === kind);
      const inUse = new Set(entities.flatMap((e) => e.attached));
      const policies = [
        ...m.policies.find({ account: ctx.account }, 'lname'),
        ...[...inUse].filter((arn) => arn.startsWith('arn:aws:iam::aws:')).flatMap((arn) => findPolicy(iam, arn) ?? []),
      ];
      const details: Item[] = [
        ...(wants('User') ? of('user').map((u) => ({ u })) : []),
        ...(wants('Group') ? of('group').map((g) => ({ g })) : []),
        ...(wants('Role') ? of('role').map((r) => ({ r })) : []),
        ...(wants('LocalManagedPolicy') || wants('AWSManagedPolicy')
          ? policies.filter((p) => wants(p.account === 'aws' ? 'AWSManagedPolicy' : 'LocalManagedPolicy')).map((p) => ({ p }))
          : []),
      ];
      const pg = page(details, input, 'authorization-details');
      const items = pg.items;
      return {
        UserDetailList: items.flatMap(({ u }) =>
          u ? [{ ...userView(u), UserPolicyList: inline(u), GroupList: u.groups ?? [], AttachedManagedPolicies: attached(u) }] : [],
        ),
        GroupDetailList: items.flatMap(({ g }) =>
          g ? [{ ...groupView(g), GroupPolicyList: inline(g), AttachedManagedPolicies: attached(g) }] : [],
        ),
        RoleDetailList: items.flatMap(({ r }) =>
          r ? [{ ...roleView(r), RolePolicyList: inline(r), AttachedManagedPolicies: attached(r) }] : [],
        ),
        Policies: items.flatMap(({ p }) =>
          p
            ? [
                {
                  ...policyView(p, entities.filter((e) => e.attached.includes(p.arn)).length, false),
                  PolicyVersionList: p.versions.map((v) => ({
                    Document: encodedDocument(v.document),
                    VersionId: v.id,
                    IsDefaultVersion: v.id === p.defaultVersion,
                    CreateDate: v.created,
                  })),
                },
              ]
            : [],
        ),
        IsTruncated: pg.IsTruncated,
        Marker: pg.Marker,
      };
    },
  };
}
