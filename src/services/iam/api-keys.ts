/**
 * @module services/iam/api-keys
 * Users' access keys (AKIA…, a 40-character secret shown once, at most two a user) and
 * service-specific credentials (CodeCommit's HTTPS git user name and password).
 */
import { randomBytes } from 'node:crypto';
import { iamId } from '../../core/ids.ts';
import type { RequestContext, Handlers } from '../../protocol/types.ts';
import type { IamContext } from './context.ts';
import { iamError } from './errors.ts';
import type { KeyRecord, ServiceCredentialRecord } from './model.ts';
import { page, userOf } from './resolve.ts';
import type { IamOperations } from './shapes.ts';

const MAX_KEYS = 2;
const MAX_SERVICE_CREDENTIALS = 2;
const CREDENTIAL_SERVICES = ['codecommit.amazonaws.com', 'cassandra.amazonaws.com'];

export function keyHandlers(iam: IamContext): Handlers<IamOperations> {
  const m = iam.model;

  function keyOf(ctx: RequestContext, userName: string | undefined, id: string): KeyRecord {
    const user = userOf(iam, ctx, userName);
    const key = m.keys.get(id);
    if (key?.kind !== 'user' || key.principal !== user.arn) throw iamError.noSuchKey(id);
    return key;
  }
  function credentialOf(ctx: RequestContext, userName: string | undefined, id: string): ServiceCredentialRecord {
    const user = userOf(iam, ctx, userName);
    const c = m.serviceCredentials.get(id);
    if (!c || c.account !== ctx.account || c.userName !== user.name) throw iamError.noSuchServiceCredential(id);
    return c;
  }
  const password = () => randomBytes(33).toString('base64');

  return {
    CreateAccessKey(input, ctx) {
      const key = m.tx(() => {
        const user = userOf(iam, ctx, input.UserName);
        if (m.keysOf(user.arn).length >= MAX_KEYS) throw iamError.limit('AccessKeysPerUser', MAX_KEYS);
        const record: KeyRecord = {
          kind: 'user',
          account: ctx.account,
          accessKeyId: iamId.accessKey('AKIA'),
          secret: iamId.secret(),
          principal: user.arn,
          userName: user.name,
          status: 'Active',
          created: iam.clock.now(),
        };
        m.putKey(record);
        return record;
      });
      return {
        AccessKey: {
          UserName: key.userName!,
          AccessKeyId: key.accessKeyId,
          Status: key.status,
          SecretAccessKey: key.secret,
          CreateDate: key.created,
        },
      };
    },
    ListAccessKeys(input, ctx) {
      const user = userOf(iam, ctx, input.UserName);
      const p = page(m.keysOf(user.arn), input, 'access-keys');
      return {
        AccessKeyMetadata: p.items.map((k) => ({
          UserName: user.name,
          AccessKeyId: k.accessKeyId,
          Status: k.status,
          CreateDate: k.created,
        })),
        IsTruncated: p.IsTruncated,
        Marker: p.Marker,
      };
    },
    UpdateAccessKey(input, ctx) {
      m.tx(() => m.putKey({ ...keyOf(ctx, input.UserName, input.AccessKeyId), status: input.Status }));
      return {};
    },
    DeleteAccessKey(input, ctx) {
      m.tx(() => m.keys.delete(keyOf(ctx, input.UserName, input.AccessKeyId).accessKeyId));
      return {};
    },
    GetAccessKeyLastUsed(input, ctx) {
      const key = m.keys.get(input.AccessKeyId);
      if (!key || key.account !== ctx.account || key.kind !== 'user') throw iamError.noSuchKey(input.AccessKeyId);
      const used = key.lastUsed;
      return {
        UserName: key.userName,
        AccessKeyLastUsed: used
          ? { LastUsedDate: used.at, ServiceName: used.service, Region: used.region }
          : { ServiceName: 'N/A', Region: 'N/A' },
      };
    },

    CreateServiceSpecificCredential(input, ctx) {
      if (!CREDENTIAL_SERVICES.includes(input.ServiceName)) throw iamError.serviceNotSupported(input.ServiceName);
      const c = m.tx(() => {
        const user = userOf(iam, ctx, input.UserName);
        const existing = m.serviceCredentials.find({ account: ctx.account, user: user.name.toLowerCase() });
        if (existing.filter((x) => x.serviceName === input.ServiceName).length >= MAX_SERVICE_CREDENTIALS)
          throw iamError.limit('ServiceSpecificCredentialsPerUserPerService', MAX_SERVICE_CREDENTIALS);
        const record: ServiceCredentialRecord = {
          account: ctx.account,
          id: iamId.unique('ACCA'),
          userName: user.name,
          serviceName: input.ServiceName,
          serviceUserName: `${user.name}-at-${ctx.account}`,
          password: password(),
          status: 'Active',
          created: iam.clock.now(),
        };
        m.putServiceCredential(record);
        return record;
      });
      return { ServiceSpecificCredential: credentialView(c, true) };
    },
    ListServiceSpecificCredentials(input, ctx) {
      const all = input.AllUsers
        ? m.serviceCredentials.find({ account: ctx.account })
        : m.serviceCredentials.find({ account: ctx.account, user: userOf(iam, ctx, input.UserName).name.toLowerCase() });
      const wanted = all.filter((c) => !input.ServiceName || c.serviceName === input.ServiceName);
      const p = page(wanted, input, 'service-credentials');
      return { ServiceSpecificCredentials: p.items.map((c) => credentialView(c, false)), IsTruncated: p.IsTruncated, Marker: p.Marker };
    },
    ResetServiceSpecificCredential(input, ctx) {
      const c = m.tx(() => {
        const reset = { ...credentialOf(ctx, input.UserName, input.ServiceSpecificCredentialId), password: password() };
        m.putServiceCredential(reset);
        return reset;
      });
      return { ServiceSpecificCredential: credentialView(c, true) };
    },
    UpdateServiceSpecificCredential(input, ctx) {
      m.tx(() => m.putServiceCredential({ ...credentialOf(ctx, input.UserName, input.ServiceSpecificCredentialId), status: input.Status }));
      return {};
    },
    DeleteServiceSpecificCredential(input, ctx) {
      m.tx(() => m.serviceCredentials.delete(credentialOf(ctx, input.UserName, input.ServiceSpecificCredentialId).id));
      return {};
    },
  };
}

function credentialView(c: ServiceCredentialRecord, withPassword: boolean) {
  return {
    CreateDate: c.created,
    ServiceName: c.serviceName,
    ServiceUserName: c.serviceUserName,
    ServicePassword: withPassword ? c.password : undefined,
    ServiceSpecificCredentialId: c.id,
    UserName: c.userName,
    Status: c.status,
  };
}
