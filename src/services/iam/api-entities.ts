/**
 * @module services/iam/api-entities
 * Users, groups and roles: create, get, list, update, delete, and group membership. Each delete
 * refuses, as IAM does, while the entity still holds what must go first.
 */
import { iamArn } from '../../core/ids.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { IamContext } from './context.ts';
import { iamError } from './errors.ts';
import type { EntityRecord } from './model.ts';
import { checkPolicy, createEntity, encodedDocument, page, requireEntity, userOf } from './resolve.ts';
import type { Group, IamOperations, Role, User } from './shapes.ts';

export function userView(u: EntityRecord): User {
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.id,
    Arn: u.arn,
    CreateDate: u.created,
    PermissionsBoundary: boundaryView(u),
    Tags: u.tags.length ? u.tags : undefined,
  };
}

export function groupView(g: EntityRecord): Group {
  return { Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: g.created };
}

export function roleView(r: EntityRecord): Role {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    CreateDate: r.created,
    AssumeRolePolicyDocument: encodedDocument(r.trust ?? ''),
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration,
    PermissionsBoundary: boundaryView(r),
    Tags: r.tags.length ? r.tags : undefined,
    RoleLastUsed: r.lastUsed ? { LastUsedDate: r.lastUsed.at, Region: r.lastUsed.region } : {},
  };
}

function boundaryView(e: EntityRecord) {
  return e.permissionsBoundary
    ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const, PermissionsBoundaryArn: e.permissionsBoundary }
    : undefined;
}

export function entityHandlers(iam: IamContext): Handlers<IamOperations> {
  const m = iam.model;

  /** Refuses to delete an entity that still holds inline or attached policies. */
  function checkEmpty(e: EntityRecord): void {
    if (Object.keys(e.inline).length) throw iamError.deleteConflict('delete policies');
    if (e.attached.length) throw iamError.deleteConflict('detach all policies');
  }

  const byPath = (all: EntityRecord[], prefix = '/') => all.filter((e) => e.path.startsWith(prefix));
  const membersOf = (account: string, group: EntityRecord) =>
    m.entitiesOf(account, 'user').filter((u) => u.groups?.some((g) => g.toLowerCase() === group.name.toLowerCase()));

  return {
    CreateUser(input, ctx) {
      const u = createEntity(
        iam,
        'user',
        ctx.account,
        { name: input.UserName, path: input.Path, boundary: input.PermissionsBoundary, tags: input.Tags },
        { groups: [] },
      );
      return { User: userView(u) };
    },
    GetUser: (input, ctx) => ({ User: userView(userOf(iam, ctx, input.UserName)) }),
    ListUsers(input, ctx) {
      const p = page(byPath(m.entitiesOf(ctx.account, 'user'), input.PathPrefix), input, 'users');
      return { Users: p.items.map(userView), IsTruncated: p.IsTruncated, Marker: p.Marker };
    },
    UpdateUser(input, ctx) {
      m.tx(() => {
        const u = requireEntity(iam, ctx.account, 'user', input.UserName);
        if (
          input.NewUserName &&
          input.NewUserName.toLowerCase() !== u.name.toLowerCase() &&
          m.entity(ctx.account, 'user', input.NewUserName)
        )
          throw iamError.exists('user', input.NewUserName);
        const name = input.NewUserName ?? u.name;
        const path = input.NewPath ?? u.path;
        const arn = iamArn.user(ctx.account, path, name);
        m.entities.delete(u.arn);
        m.putEntity({ ...u, name, path, arn });
        // The user's keys and credentials follow it to its new name.
        for (const key of m.keysOf(u.arn)) m.putKey({ ...key, principal: arn, userName: name });
        for (const c of m.serviceCredentials.find({ account: ctx.account, user: u.name.toLowerCase() }))
          m.putServiceCredential({ ...c, userName: name });
      });
      return {};
    },
    DeleteUser(input, ctx) {
      m.tx(() => {
        const u = requireEntity(iam, ctx.account, 'user', input.UserName);
        if (m.keysOf(u.arn).length) throw iamError.deleteConflict('delete access keys');
        if (m.serviceCredentials.count({ account: ctx.account, user: u.name.toLowerCase() }))
          throw iamError.deleteConflict('delete service-specific credentials');
        checkEmpty(u);
        if (u.groups?.length) throw iamError.deleteConflict('remove user from all groups');
        m.entities.delete(u.arn);
      });
      return {};
    },

    CreateGroup(input, ctx) {
      return { Group: groupView(createEntity(iam, 'group', ctx.account, { name: input.GroupName, path: input.Path })) };
    },
    GetGroup(input, ctx) {
      const g = requireEntity(iam, ctx.account, 'group', input.GroupName);
      const p = page(membersOf(ctx.account, g), input, 'group-users');
      return { Group: groupView(g), Users: p.items.map(userView), IsTruncated: p.IsTruncated, Marker: p.Marker };
    },
    ListGroups(input, ctx) {
      const p = page(byPath(m.entitiesOf(ctx.account, 'group'), input.PathPrefix), input, 'groups');
      return { Groups: p.items.map(groupView), IsTruncated: p.IsTruncated, Marker: p.Marker };
    },
    DeleteGroup(input, ctx) {
      m.tx(() => {
        const g = requireEntity(iam, ctx.account, 'group', input.GroupName);
        if (membersOf(ctx.account, g).length) throw iamError.deleteConflict('remove users from group');
        checkEmpty(g);
        m.entities.delete(g.arn);
      });
      return {};
    },
    AddUserToGroup(input, ctx) {
      m.tx(() => {
        const g = requireEntity(iam, ctx.account, 'group', input.GroupName);
        const u = requireEntity(iam, ctx.account, 'user', input.UserName);
        const groups = u.groups ?? [];
        if (groups.length >= 10 && !groups.includes(g.name)) throw iamError.limit('GroupsPerUser', 10);
        if (!groups.includes(g.name)) m.putEntity({ ...u, groups: [...groups, g.name] });
      });
      return {};
    },
    RemoveUserFromGroup(input, ctx) {
      m.tx(() => {
        const g = requireEntity(iam, ctx.account, 'group', input.GroupName);
        const u = requireEntity(iam, ctx.account, 'user', input.UserName);
        if (!u.groups?.includes(g.name)) throw iamError.notInGroup(u.name, g.name);
        m.putEntity({ ...u, groups: u.groups.filter((n) => n !== g.name) });
      });
      return {};
    },
    ListGroupsForUser(input, ctx) {
      const u = requireEntity(iam, ctx.account, 'user', input.UserName);
      const groups = (u.groups ?? []).flatMap((n) => m.entity(ctx.account, 'group', n) ?? []);
      const p = page(groups, input, 'user-groups');
      return { Groups: p.items.map(groupView), IsTruncated: p.IsTruncated, Marker: p.Marker };
    },

    CreateRole(input, ctx) {
      checkPolicy(input.AssumeRolePolicyDocument, 'trust', 'trust');
      const r = createEntity(
        iam,
        'role',
        ctx.account,
        { name: input.RoleName, path: input.Path, boundary: input.PermissionsBoundary, tags: input.Tags },
        { trust: input.AssumeRolePolicyDocument, description: input.Description, maxSessionDuration: input.MaxSessionDuration ?? 3600 },
      );
      return { Role: roleView(r) };
    },
    GetRole: (input, ctx) => ({ Role: roleView(requireEntity(iam, ctx.account, 'role', input.RoleName)) }),
    ListRoles(input, ctx) {
      const p = page(byPath(m.entitiesOf(ctx.account, 'role'), input.PathPrefix), input, 'roles');
      // ListRoles leaves out tags and last use, as IAM's does.
      return {
        Roles: p.items.map((r) => ({ ...roleView(r), Tags: undefined, RoleLastUsed: undefined })),
        IsTruncated: p.IsTruncated,
        Marker: p.Marker,
      };
    },
    UpdateRole(input, ctx) {
      m.tx(() => {
        const r = requireEntity(iam, ctx.account, 'role', input.RoleName);
        m.putEntity({
          ...r,
          description: input.Description ?? r.description,
          maxSessionDuration: input.MaxSessionDuration ?? r.maxSessionDuration,
        });
      });
      return {};
    },
    UpdateRoleDescription(input, ctx) {
      const r = m.tx(() => {
        const found = requireEntity(iam, ctx.account, 'role', input.RoleName);
        const updated = { ...found, description: input.Description };
        m.putEntity(updated);
        return updated;
      });
      return { Role: roleView(r) };
    },
    UpdateAssumeRolePolicy(input, ctx) {
      checkPolicy(input.PolicyDocument, 'trust', 'trust');
      m.tx(() => m.putEntity({ ...requireEntity(iam, ctx.account, 'role', input.RoleName), trust: input.PolicyDocument }));
      return {};
    },
    DeleteRole(input, ctx) {
      m.tx(() => {
        const r = requireEntity(iam, ctx.account, 'role', input.RoleName);
        checkEmpty(r);
        if (m.entitiesOf(ctx.account, 'instance-profile').some((p) => p.roles?.includes(r.name)))
          throw iamError.deleteConflict('remove roles from instance profile');
        m.entities.delete(r.arn);
      });
      return {};
    },
  };
}
