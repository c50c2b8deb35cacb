/**
 * @module server/auth
 * Identity enforcement, when signatures are required (--auth, or off loopback): each API call's
 * SigV4 signature is verified against the key IAM knows (a user's, or a session's STS issued, with
 * its token), and its operation authorized against the caller's policies. Calls AWS serves
 * unsigned (STS's AssumeRoleWithWebIdentity) pass without either; an unsigned S3 request is the
 * anonymous principal, whom only a resource policy naming `*` lets in.
 */
import type { Clock } from '../../core/clock.ts';
import { AwsError } from '../../core/errors.ts';
import { parseArn } from '../../core/ids.ts';
import type { IamFacade, KeyPrincipal } from '../../services/iam/index.ts';
import type { RequestAuth, RequestContext, SignedRequest } from '../../protocol/types.ts';
import { type ActionRequest, actionOf } from './actions.ts';
import { accessDenied, denial } from './authorize.ts';
import { authFailure } from './failures.ts';
import { gitCaller } from './git.ts';
import type { AppContext } from '../../services/types.ts';
import type { ResourceFacts } from '../../services/authorization.ts';
import { checkTime, chunkChain, readClaim, signatureMatches } from './sigv4.ts';

/** The access key id the console's page puts in the credential scopes it sends (console/src/api.ts). */
const CONSOLE_KEY = 'console';
/** Operations AWS serves without a signature, by signing name. */
const UNSIGNED: Record<string, string[]> = { sts: ['AssumeRoleWithWebIdentity'] };
/** The x-amz-content-sha256 values that leave the body unsigned. */
const UNSIGNED_BODIES = ['UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'];
/** What S3 says of any other value than those, the HMAC streaming forms and a SHA-256. */
const BAD_CONTENT_SHA256 =
  'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.';
/** Operations any signed caller may perform: no policy can deny them. */
const UNCONDITIONAL: Record<string, string[]> = { sts: ['GetCallerIdentity', 'GetSessionToken'] };

export interface AuthDeps {
  iam: IamFacade;
  clock: Clock;
  account: string;
  /** What its room tells of a resource by its ARN: its stored ARN, own policy and tags. */
  resource(resourceArn: string): ResourceFacts | undefined;
  /**
   * The web console's own calls: whether a request carries its session (console/access.ts), and
   * who it acts as — the administrator whose key `<data-dir>/credentials` holds.
   */
  console?: { session(headers: SignedRequest['headers']): boolean; principal(): KeyPrincipal | undefined };
}

/** The request verifier, and what rooms with their own routes ask (AppContext.identity). */
export type Identity = RequestAuth & Omit<NonNullable<AppContext['identity']>, 'endpointRefusal'>;

export function createRequestAuth(deps: AuthDeps): Identity {
  /**
   * Who signed `req`, and how its streamed body (S3's) is checked as it arrives; or the refusal AWS
   * gives; undefined when it carries no signature at all.
   */
  function verify(
    req: SignedRequest,
    signingName: string | undefined,
  ): { who: KeyPrincipal; signedBody?: RequestContext['signedBody'] } | undefined {
    // The console's page signs nothing (a browser keeps no secret key): its session cookie stands
    // for the administrator, when the request names no other key.
    if (deps.console?.session(req.headers) && [undefined, CONSOLE_KEY].includes(namedKey(req))) {
      const who = deps.console.principal();
      if (who?.active) return { who };
    }
    const claim = readClaim(req);
    if (!claim) return undefined;
    // A signature is for one service: one made for another cannot call this one.
    if (signingName && claim.service !== signingName)
      throw authFailure(req.protocol, 'incomplete', `Credential should be scoped to correct service: '${signingName}'.`);
    if (req.protocol === 'rest-xml' && claim.expires === undefined && !req.payloadHash)
      throw authFailure(req.protocol, 'incomplete', 'Missing required header for this request: x-amz-content-sha256');
    const who = deps.iam.principalOfAccessKey(claim.accessKeyId);
    if (!who) throw authFailure(req.protocol, 'unknownKey');
    checkTime(req.protocol, claim, deps.clock.now());
    if (!signatureMatches(req, claim, who.secret)) throw authFailure(req.protocol, 'mismatch');
    // A session's key is valid only with its token, and only until it expires.
    if (who.sessionToken !== undefined && claim.securityToken !== who.sessionToken) throw authFailure(req.protocol, 'badToken');
    if (who.expiration !== undefined && who.expiration <= deps.clock.now()) throw authFailure(req.protocol, 'expiredToken');
    if (!who.active) throw authFailure(req.protocol, 'unknownKey');
    if (req.protocol !== 'rest-xml' || claim.expires !== undefined) return { who };
    if (/^[0-9a-f]{64}$/.test(req.payloadHash)) return { who, signedBody: { sha256: req.payloadHash } };
    if (req.payloadHash === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD')
      return { who, signedBody: { chunk: chunkChain(claim, who.secret).chunk } };
    if (req.payloadHash === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER') return { who, signedBody: chunkChain(claim, who.secret) };
    if (UNSIGNED_BODIES.includes(req.payloadHash)) return { who };
    // Any other value would leave the body unchecked.
    throw new AwsError('InvalidArgument', BAD_CONTENT_SHA256, {
      fields: { ArgumentName: 'x-amz-content-sha256', ArgumentValue: req.payloadHash.slice(0, 128) },
    });
  }

  return {
    authenticate(service, req) {
      const signingName = service && (service.metadata.signingName ?? service.metadata.endpointPrefix);
      const signed = req.headers.authorization !== undefined || req.url.searchParams.has('X-Amz-Signature');
      if (signingName && !signed && req.action !== undefined && UNSIGNED[signingName]?.includes(req.action))
        return { accessKeyId: undefined };
      const verified = verify(req, signingName);
      // S3 alone serves the anonymous principal, as far as its resources' own policies allow.
      if (!verified && signingName === 's3') return { authorize: anonymousCheck(req) };
      if (!verified) throw authFailure(req.protocol, 'missing');
      const { who, signedBody } = verified;
      if (!signingName) return { accessKeyId: who.accessKeyId };
      const context = contextOf(who, { sourceIp: req.sourceIp, region: req.region, secure: req.secure });
      return {
        accessKeyId: who.accessKeyId,
        signedBody,
        authorize(operation, input) {
          if (UNCONDITIONAL[signingName]?.includes(operation)) return;
          const call = actionOf(signingName, operation, input, { region: req.region, account: who.account, username: who.userName });
          const message = denial(deps, who, call, context);
          if (message) throw accessDenied(req.protocol, message);
        },
      };
    },
    gitRefusal(authorization, request) {
      const region = parseArn(request.resource)?.region ?? '';
      const who = gitCaller(deps.iam, deps.clock.now(), authorization, { ...request, region });
      if (!who) return { status: 401, message: 'Invalid username or password' };
      const message = denial(
        deps,
        who,
        { action: request.action, resources: [request.resource], passedRoles: [] },
        contextOf(who, { region, secure: request.secure }),
      );
      return message ? { status: 403, message } : undefined;
    },
    denial(accessKeyId, action, resource, secure) {
      return keyDenial(accessKeyId, () => ({ action, resources: [resource], passedRoles: [] }), parseArn(resource)?.region ?? '', secure);
    },
    operationDenial(accessKeyId, { service, operation, input, region }) {
      if (UNCONDITIONAL[service]?.includes(operation)) return undefined;
      return keyDenial(accessKeyId, (who) => actionOf(service, operation, input, { region, account: who.account }), region);
    },
  };

  /** The denial for the holder of `accessKeyId`, of the call as it reads for that holder (its account). */
  function keyDenial(
    accessKeyId: string,
    call: (who: KeyPrincipal) => ActionRequest,
    region: string,
    secure?: boolean,
  ): string | undefined {
    const who = deps.iam.principalOfAccessKey(accessKeyId);
    if (!who?.active) return 'The security token included in the request is invalid.';
    return denial(deps, who, call(who), contextOf(who, { region, secure }));
  }

  /** The check of an unsigned S3 request's operations: only resource policies granting `*` let it in. */
  function anonymousCheck(req: SignedRequest): RequestContext['authorize'] {
    const context = { ...requestContextOf(req), 'aws:PrincipalType': 'Anonymous' };
    return (operation, input) => {
      const call = actionOf('s3', operation, input, { region: req.region, account: deps.account });
      const message = denial(deps, undefined, call, context);
      if (message) throw accessDenied(req.protocol, message);
    };
  }

  /** The condition keys of the request itself, whoever makes it. */
  function requestContextOf(request: { sourceIp?: string; region: string; secure?: boolean }) {
    const now = deps.clock.now();
    return {
      'aws:SourceIp': request.sourceIp?.replace(/^::ffff:/, ''),
      'aws:RequestedRegion': request.region || undefined,
      'aws:SecureTransport': String(request.secure === true),
      'aws:CurrentTime': new Date(now).toISOString(),
      'aws:EpochTime': String(Math.floor(now / 1000)),
    };
  }

  /** The global condition keys a signed request carries. */
  function contextOf(who: KeyPrincipal, request: { sourceIp?: string; region: string; secure?: boolean }) {
    return {
      ...requestContextOf(request),
      'aws:PrincipalArn': who.roleArn ?? who.arn,
      'aws:PrincipalAccount': who.account,
      'aws:PrincipalType': who.type === 'assumed-role' ? 'AssumedRole' : who.type === 'user' ? 'User' : 'Account',
      'aws:userid': who.userId,
      'aws:username': who.userName,
    };
  }
}

/** The access key a request's Authorization header or presigned query names, signed or not. */
function namedKey(req: SignedRequest): string | undefined {
  const authorization = req.headers.authorization;
  const credential =
    (typeof authorization === 'string' ? /Credential=([^,\s]*)/.exec(authorization)?.[1] : undefined) ??
    req.url.searchParams.get('X-Amz-Credential') ??
    undefined;
  return credential?.split('/')[0];
}
