/**
 * @module services/iam/api-instance-profiles
 * Instance profiles: the container that hands a role to an EC2 instance (ECS's container
 * instances on EC2 use ecsInstanceRole through one). An instance profile holds one role at most.
 */
import type { Handlers } from '../../protocol/types.ts';
import { roleView } from './api-entities.ts';
import type { IamContext } from './context.ts';
import { iamError } from './errors.ts';
import type { EntityRecord } from './model.ts';
import { createEntity, page, requireEntity } from './resolve.ts';
import type { IamOperations, InstanceProfile } from './shapes.ts';

export function instanceProfileHandlers(iam: IamContext): Handlers<IamOperations> {
  const m = iam.model;
  const view = (p: EntityRecord): InstanceProfile => ({
    Path: p.path,
    InstanceProfileName: p.name,
    InstanceProfileId: p.id,
    Arn: p.arn,
    CreateDate: p.created,
    Roles: (p.roles ?? []).flatMap((name) => {
      const role = m.entity(p.account, 'role', name);
      return role ? [roleView(role)] : [];
    }),
    Tags: p.tags.length ? p.tags : undefined,
  });
  const find = (account: string, name: string) => requireEntity(iam, account, 'instance-profile', name);

  return {
    CreateInstanceProfile(input, ctx) {
      const p = createEntity(
        iam,
        'instance-profile',
        ctx.account,
        { name: input.InstanceProfileName, path: input.Path, tags: input.Tags },
        { roles: [] },
      );
      return { InstanceProfile: view(p) };
    },
    GetInstanceProfile: (input, ctx) => ({ InstanceProfile: view(find(ctx.account, input.InstanceProfileName)) }),
    ListInstanceProfiles(input, ctx) {
      const prefix = input.PathPrefix ?? '/';
      const all = m.entitiesOf(ctx.account, 'instance-profile').filter((p) => p.path.startsWith(prefix));
      const pg = page(all, input, 'instance-profiles');
      return { InstanceProfiles: pg.items.map(view), IsTruncated: pg.IsTruncated, Marker: pg.Marker };
    },
    ListInstanceProfilesForRole(input, ctx) {
      const role = requireEntity(iam, ctx.account, 'role', input.RoleName);
      const all = m.entitiesOf(ctx.account, 'instance-profile').filter((p) => p.roles?.includes(role.name));
      const pg = page(all, input, 'role-instance-profiles');
      return { InstanceProfiles: pg.items.map(view), IsTruncated: pg.IsTruncated, Marker: pg.Marker };
    },
    AddRoleToInstanceProfile(input, ctx) {
      m.tx(() => {
        const p = find(ctx.account, input.InstanceProfileName);
        const role = requireEntity(iam, ctx.account, 'role', input.RoleName);
        if (p.roles?.length) throw iamError.limit('InstanceSessionsPerInstanceProfile', 1);
        m.putEntity({ ...p, roles: [role.name] });
      });
      return {};
    },
    RemoveRoleFromInstanceProfile(input, ctx) {
      m.tx(() => {
        const p = find(ctx.account, input.InstanceProfileName);
        const role = requireEntity(iam, ctx.account, 'role', input.RoleName);
        if (!p.roles?.includes(role.name)) throw iamError.noSuch('role', input.RoleName);
        m.putEntity({ ...p, roles: [] });
      });
      return {};
    },
    DeleteInstanceProfile(input, ctx) {
      m.tx(() => {
        const p = find(ctx.account, input.InstanceProfileName);
        if (p.roles?.length) throw iamError.deleteConflict('remove roles from instance profile');
        m.entities.delete(p.arn);
      });
      return {};
    },
  };
}
