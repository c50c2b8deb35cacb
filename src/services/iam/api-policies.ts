/**
 * @module services/iam/api-policies
 * Customer managed policies and their versions (at most five, one the default), and the listing
 * of AWS's managed policies beside them.
 */
import { iamArn, iamId } from '../../core/ids.ts';
import type { Handlers } from '../../protocol/types.ts';
import { awsManagedPolicies } from './aws-managed.ts';
import type { IamContext } from './context.ts';
import { iamError } from './errors.ts';
import type { PolicyRecord } from './model.ts';
import { checkPolicy, checkTags, encodedDocument, page, requirePolicy } from './resolve.ts';
import type { IamOperations, Policy } from './shapes.ts';

const MAX_VERSIONS = 5;

export function policyView(p: PolicyRecord, attachments: number, withTags = true): Policy {
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersion,
    AttachmentCount: attachments,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    Description: p.description,
    CreateDate: p.created,
    UpdateDate: p.updated,
    Tags: withTags && p.tags.length ? p.tags : undefined,
  };
}

export function policyHandlers(iam: IamContext): Handlers<IamOperations> {
  const m = iam.model;
  const attachments = (account: string, arn: string) =>
    m.entities.find({ account }).filter((e) => e.attached.includes(arn) || e.permissionsBoundary === arn).length;
  /** A customer managed policy of the caller's account, for a change (AWS's own cannot be changed). */
  const own = (account: string, arn: string) => {
    const p = requirePolicy(iam, account, arn);
    if (p.account === 'aws') throw iamError.awsManaged(arn);
    return p;
  };
  const versionOf = (p: PolicyRecord, id: string) => {
    const v = p.versions.find((x) => x.id === id);
    if (!v) throw iamError.noSuchVersion(p.arn, id);
    return v;
  };

  return {
    CreatePolicy(input, ctx) {
      checkPolicy(input.PolicyDocument, 'identity', 'managed');
      const tags = checkTags(input.Tags);
      const path = input.Path ?? '/';
      const now = iam.clock.now();
      const record: PolicyRecord = {
        account: ctx.account,
        arn: iamArn.policy(ctx.account, path, input.PolicyName),
        name: input.PolicyName,
        path,
        id: iamId.unique('ANPA'),
        description: input.Description,
        created: now,
        updated: now,
        defaultVersion: 'v1',
        versions: [{ id: 'v1', document: input.PolicyDocument, created: now }],
        nextVersion: 2,
        tags,
      };
      m.tx(() => {
        if (m.policy(ctx.account, input.PolicyName)) throw iamError.policyExists(input.PolicyName);
        m.putPolicy(record);
      });
      return { Policy: policyView(record, 0) };
    },
    GetPolicy(input, ctx) {
      const p = requirePolicy(iam, ctx.account, input.PolicyArn);
      return { Policy: policyView(p, attachments(ctx.account, p.arn)) };
    },
    ListPolicies(input, ctx) {
      const scope = input.Scope ?? 'All';
      let all = [
        ...(scope !== 'Local' ? awsManagedPolicies() : []),
        ...(scope !== 'AWS' ? m.policies.find({ account: ctx.account }, 'lname') : []),
      ].map((p) => ({ p, n: attachments(ctx.account, p.arn) }));
      const prefix = input.PathPrefix;
      if (prefix) all = all.filter(({ p }) => p.path.startsWith(prefix));
      if (input.OnlyAttached) all = all.filter(({ n }) => n > 0);
      const pg = page(all, input, 'policies');
      return { Policies: pg.items.map(({ p, n }) => policyView(p, n, false)), IsTruncated: pg.IsTruncated, Marker: pg.Marker };
    },
    DeletePolicy(input, ctx) {
      m.tx(() => {
        const p = own(ctx.account, input.PolicyArn);
        if (attachments(ctx.account, p.arn)) throw iamError.policyAttached();
        if (p.versions.length > 1) throw iamError.policyHasVersions();
        m.policies.delete(p.arn);
      });
      return {};
    },
    CreatePolicyVersion(input, ctx) {
      checkPolicy(input.PolicyDocument, 'identity', 'managed');
      const version = m.tx(() => {
        const p = own(ctx.account, input.PolicyArn);
        if (p.versions.length >= MAX_VERSIONS) throw iamError.versionLimit();
        const v = { id: `v${p.nextVersion}`, document: input.PolicyDocument, created: iam.clock.now() };
        m.putPolicy({
          ...p,
          versions: [...p.versions, v],
          nextVersion: p.nextVersion + 1,
          defaultVersion: input.SetAsDefault ? v.id : p.defaultVersion,
          updated: v.created,
        });
        return v;
      });
      return { PolicyVersion: { VersionId: version.id, IsDefaultVersion: Boolean(input.SetAsDefault), CreateDate: version.created } };
    },
    GetPolicyVersion(input, ctx) {
      const p = requirePolicy(iam, ctx.account, input.PolicyArn);
      const v = versionOf(p, input.VersionId);
      return {
        PolicyVersion: {
          Document: encodedDocument(v.document),
          VersionId: v.id,
          IsDefaultVersion: v.id === p.defaultVersion,
          CreateDate: v.created,
        },
      };
    },
    ListPolicyVersions(input, ctx) {
      const p = requirePolicy(iam, ctx.account, input.PolicyArn);
      const newestFirst = [...p.versions].reverse();
      const pg = page(newestFirst, input, 'policy-versions');
      return {
        Versions: pg.items.map((v) => ({ VersionId: v.id, IsDefaultVersion: v.id === p.defaultVersion, CreateDate: v.created })),
        IsTruncated: pg.IsTruncated,
        Marker: pg.Marker,
      };
    },
    DeletePolicyVersion(input, ctx) {
      m.tx(() => {
        const p = own(ctx.account, input.PolicyArn);
        versionOf(p, input.VersionId);
        if (p.defaultVersion === input.VersionId) throw iamError.defaultVersion();
        m.putPolicy({ ...p, versions: p.versions.filter((v) => v.id !== input.VersionId) });
      });
      return {};
    },
    SetDefaultPolicyVersion(input, ctx) {
      m.tx(() => {
        const p = own(ctx.account, input.PolicyArn);
        versionOf(p, input.VersionId);
        m.putPolicy({ ...p, defaultVersion: input.VersionId, updated: iam.clock.now() });
      });
      return {};
    },
    ListEntitiesForPolicy(input, ctx) {
      const p = requirePolicy(iam, ctx.account, input.PolicyArn);
      const prefix = input.PathPrefix ?? '/';
      const wanted = (kind: string) => !input.EntityFilter || input.EntityFilter.toLowerCase() === kind;
      const attached = m.entities
        .find({ account: ctx.account }, 'lname')
        .filter((e) => e.attached.includes(p.arn) && e.path.startsWith(prefix) && wanted(e.kind));
      const pg = page(attached, input, 'policy-entities');
      const of = (kind: string) => pg.items.filter((e) => e.kind === kind);
      return {
        PolicyUsers: of('user').map((e) => ({ UserName: e.name, UserId: e.id })),
        PolicyGroups: of('group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
        PolicyRoles: of('role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
        IsTruncated: pg.IsTruncated,
        Marker: pg.Marker,
      };
    },
  };
}
