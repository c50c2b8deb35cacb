/**
 * @module services/sts/api
 * GetCallerIdentity, GetSessionToken, AssumeRole and AssumeRoleWithWebIdentity. Temporary credentials are kept by
 * IAM (its facade issues them), so a later request signed with one is known by its key.
 * In open mode (loopback, no --auth) signatures are not checked: a caller whose access key Slipway
 * does not know acts as the account's root, and AssumeRole checks the role's trust policy only for
 * callers it knows. When signatures are required every caller is known.
 */
import { iamArn, parseArn } from '../../core/ids.ts';
import type { Handlers, RequestContext } from '../../protocol/types.ts';
import type { IamFacade, IssuedCredentials, KeyPrincipal, RoleSummary } from '../iam/index.ts';
import { parsePolicy, PolicyGrammarError } from '../iam/index.ts';
import { stsError } from './errors.ts';
import type { PolicyDescriptorType, StsOperations } from './shapes.ts';
import { readToken, issuerOf, verifyToken } from './web-identity.ts';

const MIN_DURATION = 900;
const DEFAULT_DURATION = 3600;
/** GetSessionToken: an IAM user's session lasts 15 minutes to 36 hours (12 by default), the root's one hour at most. */
const USER_SESSION_MAX = 129_600;
const ROOT_SESSION_MAX = 3600;
const DEFAULT_USER_SESSION = 43_200;

export function stsHandlers(deps: { iam: IamFacade; now: () => number }): Handlers<StsOperations> {
  const { iam } = deps;

  /**
   * The caller's ARN and id: its key's user or role session, else (an unknown key) the account's
   * root. A key Slipway knows but that is inactive or expired is refused, as AWS refuses it.
   */
  function caller(
    ctx: RequestContext,
  ): Pick<KeyPrincipal, 'arn' | 'userId' | 'account' | 'type' | 'sessionToken' | 'userName'> & { known: boolean } {
    const known = ctx.accessKeyId ? iam.principalOfAccessKey(ctx.accessKeyId) : undefined;
    if (known?.active) return { ...known, known: true };
    if (known)
      throw known.expiration !== undefined && known.expiration <= deps.now() ? stsError.expiredCredentials() : stsError.invalidKey();
    return { arn: iamArn.root(ctx.account), userId: ctx.account, account: ctx.account, type: 'root', known: false };
  }

  function duration(role: RoleSummary, seconds: number | undefined): number {
    const wanted = seconds ?? DEFAULT_DURATION;
    if (wanted < MIN_DURATION || wanted > role.maxSessionDuration) throw stsError.duration(role.maxSessionDuration);
    return wanted;
  }

  /** Session policies (Policy, PolicyArns): read through IAM's grammar; a managed policy must exist. */
  function sessionPolicies(policy: string | undefined, arns: PolicyDescriptorType[] | undefined): string[] {
    const out: string[] = [];
    if (policy !== undefined) {
      try {
        parsePolicy(policy, 'identity');
      } catch (err) {
        if (err instanceof PolicyGrammarError) throw stsError.malformedPolicy(err.message);
        throw err;
      }
      out.push(policy);
    }
    for (const { arn } of arns ?? []) {
      const document = arn ? iam.managedPolicyDocument(arn) : undefined;
      if (!document) throw stsError.validation('policyArns', `failed to satisfy constraint: Policy ${arn} does not exist`);
      out.push(document);
    }
    return out;
  }

  /** A session of `role` as the request asks: its name, duration and session policies. */
  function issue(
    ctx: RequestContext,
    role: RoleSummary,
    input: { RoleSessionName: string; DurationSeconds?: number; Policy?: string; PolicyArns?: PolicyDescriptorType[] },
  ): IssuedCredentials {
    return iam.issueSession({
      account: role.account,
      role,
      region: ctx.region,
      sessionName: input.RoleSessionName,
      durationSeconds: duration(role, input.DurationSeconds),
      sessionPolicies: sessionPolicies(input.Policy, input.PolicyArns),
    });
  }

  function credentials(c: IssuedCredentials) {
    return {
      Credentials: { AccessKeyId: c.accessKeyId, SecretAccessKey: c.secret, SessionToken: c.sessionToken, Expiration: c.expiration },
      AssumedRoleUser: { AssumedRoleId: c.assumedRoleId, Arn: c.assumedRoleArn },
      PackedPolicySize: 0,
    };
  }

  return {
    GetCallerIdentity(_input, ctx) {
      const who = caller(ctx);
      return { UserId: who.userId, Account: who.account, Arn: who.arn };
    },

    GetSessionToken(input, ctx) {
      const who = caller(ctx);
      if (who.type === 'assumed-role' || who.sessionToken) throw stsError.sessionFromSession();
      const max = who.type === 'root' ? ROOT_SESSION_MAX : USER_SESSION_MAX;
      const durationSeconds = input.DurationSeconds ?? Math.min(DEFAULT_USER_SESSION, max);
      if (durationSeconds < MIN_DURATION || durationSeconds > max)
        throw stsError.validation('durationSeconds', `failed to satisfy constraint: Member must be between ${MIN_DURATION} and ${max}`);
      const c = iam.issueUserSession({
        account: who.account,
        principalArn: who.arn,
        userName: who.userName,
        durationSeconds,
      });
      return { Credentials: credentials(c).Credentials };
    },

    AssumeRole(input, ctx) {
      const who = caller(ctx);
      const role = iam.role(input.RoleArn);
      if (!role) throw stsError.notAuthorized(who.arn, 'sts:AssumeRole', input.RoleArn);
      if (who.known) {
        const tags = input.Tags ?? [];
        const context = {
          'sts:ExternalId': input.ExternalId,
          'aws:RequestedRegion': ctx.region,
          'sts:RoleSessionName': input.RoleSessionName,
          'aws:TagKeys': tags.map((t) => t.Key),
          ...Object.fromEntries(tags.map((t) => [`aws:RequestTag/${t.Key}`, t.Value])),
        };
        // Session tags (configure-aws-credentials passes GitHub's) need sts:TagSession in the trust policy too.
        for (const action of tags.length ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole']) {
          const trust = iam.roleTrusts(role.arn, { type: 'AWS', id: who.arn }, action, context);
          if (trust.decision !== 'Allow') throw stsError.notAuthorized(who.arn, action, role.arn);
        }
      }
      const issued = issue(ctx, role, input);
      return { ...credentials(issued), SourceIdentity: input.SourceIdentity };
    },

    async AssumeRoleWithWebIdentity(input, ctx) {
      const role = iam.role(input.RoleArn);
      const account = parseArn(input.RoleArn)?.account ?? '';
      const { claims } = readToken(input.WebIdentityToken);
      const issuer = issuerOf(claims);
      const provider = iam.oidcProvider(account, issuer);
      if (!provider) throw stsError.invalidToken(`No OpenIDConnect provider found in your account for ${issuer}`);
      const token = await verifyToken(input.WebIdentityToken, provider.clientIds, deps.now());
      if (!role) throw stsError.webIdentityDenied();
      // The trust policy's conditions read the token's claims as <provider url>:<claim>.
      const context: Record<string, string | string[]> = {};
      for (const [claim, value] of Object.entries(token.claims)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
          context[`${provider.url}:${claim}`] = String(value);
        else if (Array.isArray(value)) context[`${provider.url}:${claim}`] = value.map(String);
      }
      context[`${provider.url}:aud`] = token.audience;
      const trust = iam.roleTrusts(role.arn, { type: 'Federated', id: provider.arn }, 'sts:AssumeRoleWithWebIdentity', context);
      if (trust.decision !== 'Allow') throw stsError.webIdentityDenied();
      const issued = issue(ctx, role, input);
      return { ...credentials(issued), SubjectFromWebIdentityToken: token.subject, Provider: provider.arn, Audience: token.audience };
    },
  };
}
