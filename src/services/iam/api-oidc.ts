/**
 * @module services/iam/api-oidc
 * OpenID Connect identity providers (GitHub Actions' token.actions.githubusercontent.com among
 * them): the issuer URL, the audiences (client ids) it may issue for, and thumbprints.
 */
import { iamArn } from '../../core/ids.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { IamContext } from './context.ts';
import { iamError } from './errors.ts';
import type { OidcRecord } from './model.ts';
import { checkTags } from './resolve.ts';
import type { IamOperations } from './shapes.ts';

const MAX_CLIENT_IDS = 100;
const MAX_THUMBPRINTS = 5;

/** The provider registered for `arn` in `account`, or NoSuchEntity. */
export function requireProvider(iam: IamContext, account: string, arn: string): OidcRecord {
  const p = iam.model.oidc.get(arn);
  if (!p || p.account !== account) throw iamError.noSuchProvider(arn);
  return p;
}

export function oidcHandlers(iam: IamContext): Handlers<IamOperations> {
  const m = iam.model;
  const checkThumbprints = (list: string[]) => {
    if (list.length > MAX_THUMBPRINTS) throw iamError.limit('ThumbprintsPerOpenIdConnectProvider', MAX_THUMBPRINTS);
    for (const t of list)
      if (!/^[0-9a-fA-F]{40}$/.test(t))
        throw iamError.invalidInput(`Thumbprint ${t} must be 40 hexadecimal characters (a SHA-1 fingerprint).`);
  };
  const change = (account: string, arn: string, edit: (p: OidcRecord) => OidcRecord) => {
    m.tx(() => m.putOidc(edit(requireProvider(iam, account, arn))));
    return {};
  };

  return {
    CreateOpenIDConnectProvider(input, ctx) {
      let url: URL;
      try {
        url = new URL(input.Url);
      } catch {
        throw iamError.invalidInput(`Invalid Url ${input.Url}: it must be an https:// URL`);
      }
      // http:// (with a port) is taken for an issuer on loopback only: a local issuer on a machine without the internet.
      const local = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if ((url.protocol !== 'https:' && !local) || url.search || url.hash || (url.port && !local))
        throw iamError.invalidInput(`Invalid Url ${input.Url}: it must be an https:// URL with no port, query or fragment`);
      const clientIds = [...new Set(input.ClientIDList ?? [])];
      if (clientIds.length > MAX_CLIENT_IDS) throw iamError.limit('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
      const thumbprints = input.ThumbprintList ?? [];
      checkThumbprints(thumbprints);
      const bare = `${url.host}${url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '')}`;
      const record: OidcRecord = {
        account: ctx.account,
        arn: iamArn.oidcProvider(ctx.account, bare),
        url: bare,
        clientIds,
        thumbprints,
        created: iam.clock.now(),
        tags: checkTags(input.Tags),
      };
      m.tx(() => {
        if (m.oidc.get(record.arn)) throw iamError.providerExists(`https://${bare}`);
        m.putOidc(record);
      });
      return { OpenIDConnectProviderArn: record.arn, Tags: record.tags.length ? record.tags : undefined };
    },
    GetOpenIDConnectProvider(input, ctx) {
      const p = requireProvider(iam, ctx.account, input.OpenIDConnectProviderArn);
      return { Url: p.url, ClientIDList: p.clientIds, ThumbprintList: p.thumbprints, CreateDate: p.created, Tags: p.tags };
    },
    ListOpenIDConnectProviders: (_input, ctx) => ({
      OpenIDConnectProviderList: m.oidc.find({ account: ctx.account }).map((p) => ({ Arn: p.arn })),
    }),
    DeleteOpenIDConnectProvider(input, ctx) {
      m.tx(() => m.oidc.delete(requireProvider(iam, ctx.account, input.OpenIDConnectProviderArn).arn));
      return {};
    },
    AddClientIDToOpenIDConnectProvider: (input, ctx) =>
      change(ctx.account, input.OpenIDConnectProviderArn, (p) => {
        if (p.clientIds.includes(input.ClientID)) return p;
        if (p.clientIds.length >= MAX_CLIENT_IDS) throw iamError.limit('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
        return { ...p, clientIds: [...p.clientIds, input.ClientID] };
      }),
    RemoveClientIDFromOpenIDConnectProvider: (input, ctx) =>
      change(ctx.account, input.OpenIDConnectProviderArn, (p) => ({ ...p, clientIds: p.clientIds.filter((c) => c !== input.ClientID) })),
    UpdateOpenIDConnectProviderThumbprint: (input, ctx) =>
      change(ctx.account, input.OpenIDConnectProviderArn, (p) => {
        checkThumbprints(input.ThumbprintList);
        return { ...p, thumbprints: input.ThumbprintList };
      }),
  };
}
