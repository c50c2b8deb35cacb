/**
 * @module core/ids
 * Every id and ARN Slipway hands out is formed here, in AWS's formats.
 */
import { createHash, randomBytes, randomUUID, randomInt } from 'node:crypto';

export const DEFAULT_ACCOUNT = '000000000000';
export const DEFAULT_REGION = 'us-east-1';

export interface Scope {
  region: string;
  account: string;
}

export function arn(scope: Scope, service: string, resource: string): string {
  return `arn:aws:${service}:${scope.region}:${scope.account}:${resource}`;
}

/** 32 lowercase hex characters, as ECS task and container-instance ids. */
export function hexId(): string {
  return randomBytes(16).toString('hex');
}

export function uuid(): string {
  return randomUUID();
}

/** ECS deployment and task-set ids: ecs-svc/<19 digits>. */
export function ecsDeploymentId(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 19) digits += String(randomInt(0, 10));
  return `ecs-svc/${digits}`;
}

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(value: string): ParsedArn | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return {
    partition: parts[1],
    service: parts[2],
    region: parts[3],
    account: parts[4],
    resource: parts.slice(5).join(':'),
  };
}

/** The last path segment of an ARN's resource, or the value itself when it is not an ARN. */
export function shortName(value: string): string {
  const parsed = parseArn(value);
  if (!parsed) return value;
  const segments = parsed.resource.split('/');
  return segments[segments.length - 1];
}

/** ECS ARNs, in the long format (cluster name inside task, service and container-instance ARNs). */
export const ecsArn = {
  cluster: (s: Scope, name: string) => arn(s, 'ecs', `cluster/${name}`),
  service: (s: Scope, cluster: string, name: string) => arn(s, 'ecs', `service/${cluster}/${name}`),
  task: (s: Scope, cluster: string, id: string) => arn(s, 'ecs', `task/${cluster}/${id}`),
  container: (s: Scope, cluster: string, taskId: string) => arn(s, 'ecs', `container/${cluster}/${taskId}/${uuid()}`),
  containerInstance: (s: Scope, cluster: string, id: string) => arn(s, 'ecs', `container-instance/${cluster}/${id}`),
  taskDefinition: (s: Scope, family: string, revision: number) => arn(s, 'ecs', `task-definition/${family}:${revision}`),
  taskSet: (s: Scope, cluster: string, service: string, id: string) => arn(s, 'ecs', `task-set/${cluster}/${service}/${id}`),
  serviceDeployment: (s: Scope, cluster: string, service: string, id: string) =>
    arn(s, 'ecs', `service-deployment/${cluster}/${service}/${id}`),
};

/** The id at the end of an ECS service deployment ARN: 22 letters and digits. */
export function serviceDeploymentId(): string {
  let id = '';
  while (id.length < 22) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}

/** The scope (region, account) an ARN names. */
export function scopeOfArn(value: string): Scope | undefined {
  const parsed = parseArn(value);
  return parsed ? { region: parsed.region, account: parsed.account } : undefined;
}

/** 16 lowercase hex characters, as the ids inside ELBv2 ARNs. */
export function hex16(): string {
  return randomBytes(8).toString('hex');
}

/** A decimal id of `n` digits with no leading zero, as in ELB DNS names (`my-lb-1234567890.…`). */
export function decimalId(n: number): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < n) digits += String(randomInt(0, 10));
  return digits;
}

/** ELBv2 ARNs (application load balancers). */
export const elbArn = {
  loadBalancer: (s: Scope, name: string, id: string) => arn(s, 'elasticloadbalancing', `loadbalancer/app/${name}/${id}`),
  targetGroup: (s: Scope, name: string, id: string) => arn(s, 'elasticloadbalancing', `targetgroup/${name}/${id}`),
  listener: (s: Scope, lbName: string, lbId: string, id: string) => arn(s, 'elasticloadbalancing', `listener/app/${lbName}/${lbId}/${id}`),
  rule: (s: Scope, lbName: string, lbId: string, listenerId: string, id: string) =>
    arn(s, 'elasticloadbalancing', `listener-rule/app/${lbName}/${lbId}/${listenerId}/${id}`),
};

/**
 * CloudWatch Logs ARNs. A log group has two: `logGroupArn` (what TagResource takes) and `arn`, the
 * same with `:*` appended, as DescribeLogGroups shows both.
 */
export const logsArn = {
  logGroup: (s: Scope, name: string) => arn(s, 'logs', `log-group:${name}`),
  logGroupWildcard: (s: Scope, name: string) => arn(s, 'logs', `log-group:${name}:*`),
  logStream: (s: Scope, group: string, stream: string) => arn(s, 'logs', `log-group:${group}:log-stream:${stream}`),
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Secrets Manager ARNs: the secret's name, a hyphen and six random letters or digits. */
/** CodeCommit repository ARNs: arn:aws:codecommit:<region>:<account>:<name>. */
export const codecommitArn = {
  repository: (s: Scope, name: string) => arn(s, 'codecommit', name),
};

/**
 * CodePipeline ARNs: a pipeline's is arn:aws:codepipeline:<region>:<account>:<name>, a webhook's
 * …:webhook:<name>, an action type's …:actiontype:<owner>/<category>/<provider>/<version>.
 */
export const codepipelineArn = {
  pipeline: (s: Scope, name: string) => arn(s, 'codepipeline', name),
  webhook: (s: Scope, name: string) => arn(s, 'codepipeline', `webhook:${name}`),
  actionType: (s: Scope, t: { owner: string; category: string; provider: string; version: string }) =>
    arn(s, 'codepipeline', `actiontype:${t.owner}/${t.category}/${t.provider}/${t.version}`),
};

/** A CodePipeline webhook's URL token: 32 random bytes, base64url (unguessable; a re-created webhook gets a new one). */
export function codepipelineWebhookToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The random part of an artifact's key in a pipeline's artifact store: seven letters and digits, as AWS's. */
export function codepipelineArtifactId(): string {
  let id = '';
  while (id.length < 7) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}

/**
 * CodeStar Connections / CodeConnections ARNs: one resource, two service names (the API a
 * connection was made through names its ARN; either ARN finds it). A connection's id is a UUID; a
 * host's is its name, a hyphen and eight hex digits.
 */
export type ConnectionsService = 'codestar-connections' | 'codeconnections';

export const connectionsArn = {
  connection: (s: Scope, service: ConnectionsService, id: string) => arn(s, service, `connection/${id}`),
  host: (s: Scope, service: ConnectionsService, id: string) => arn(s, service, `host/${id}`),
  hostId: (name: string) => `${name}-${randomBytes(4).toString('hex')}`,
  /** The kind and id an ARN of either service names, with its scope; undefined for anything else. */
  parse(value: string): { kind: 'connection' | 'host'; id: string; scope: Scope } | undefined {
    const parsed = parseArn(value);
    if (parsed?.service !== 'codestar-connections' && parsed?.service !== 'codeconnections') return undefined;
    const m = parsed.resource.match(/^(connection|host)\/([^/]+)$/);
    return m ? { kind: m[1] as 'connection' | 'host', id: m[2], scope: { region: parsed.region, account: parsed.account } } : undefined;
  },
};

export const secretsArn = {
  secret: (s: Scope, name: string) => {
    let suffix = '';
    while (suffix.length < 6) suffix += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
    return arn(s, 'secretsmanager', `secret:${name}-${suffix}`);
  },
  /** The ARN without its random suffix, as a partial ARN names the secret. */
  partial: (s: Scope, name: string) => arn(s, 'secretsmanager', `secret:${name}`),
};

/** SSM ARNs: a parameter's name follows `parameter`, with one slash between them. */
export const ssmArn = {
  parameter: (s: Scope, name: string) => arn(s, 'ssm', `parameter${name.startsWith('/') ? '' : '/'}${name}`),
  /** The names a parameter ARN's resource (`parameter/a/b`) may stand for: `/a/b`, or `a` for `parameter/a`. */
  names: (resource: string): string[] => {
    if (!resource.startsWith('parameter/')) return [];
    const rest = resource.slice('parameter'.length);
    return rest.indexOf('/', 1) > 0 ? [rest] : [rest.slice(1), rest];
  },
};

/** S3 ARNs carry no region or account: bucket names are global. */
export const s3Arn = {
  bucket: (name: string) => `arn:aws:s3:::${name}`,
  object: (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`,
  /** "arn:aws:s3:::bucket/key" → its bucket and key; undefined for anything else. */
  objectOf(value: string): { bucket: string; key: string } | undefined {
    const arn = parseArn(value);
    if (arn?.service !== 's3' || arn.region || arn.account) return undefined;
    const slash = arn.resource.indexOf('/');
    if (slash <= 0 || slash === arn.resource.length - 1) return undefined;
    return { bucket: arn.resource.slice(0, slash), key: arn.resource.slice(slash + 1) };
  },
};

/** An S3 version id: 32 URL-safe characters, as S3's own. */
export function s3VersionId(): string {
  return urlSafeId(24);
}

/** An S3 multipart upload id: long and URL-safe, as S3's own. */
export function s3UploadId(): string {
  return urlSafeId(48);
}

const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** CodeDeploy deployment ids: `d-` and nine uppercase letters or digits. */
export function codedeployDeploymentId(): string {
  let id = 'd-';
  while (id.length < 11) id += UPPER_ALPHANUMERIC[randomInt(UPPER_ALPHANUMERIC.length)];
  return id;
}

/** CodeDeploy ARNs: an application, a deployment group (inside its application) and a deployment config. */
export const codedeployArn = {
  application: (s: Scope, name: string) => arn(s, 'codedeploy', `application:${name}`),
  deploymentGroup: (s: Scope, application: string, name: string) => arn(s, 'codedeploy', `deploymentgroup:${application}/${name}`),
  deploymentConfig: (s: Scope, name: string) => arn(s, 'codedeploy', `deploymentconfig:${name}`),
};

/** The opaque id of one run of a CodeDeploy lifecycle hook (what its function reports back with). */
export function codedeployHookExecutionId(): string {
  return urlSafeId(36);
}

const LETTERS_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `bytes` random bytes in base64url, starting with a letter or digit: an id that begins with `-`
 * would be read as an option by the command lines users paste it into (`--version-id -x…`).
 */
function urlSafeId(bytes: number): string {
  return LETTERS_AND_DIGITS[randomInt(LETTERS_AND_DIGITS.length)] + randomBytes(bytes).toString('base64url').slice(1);
}

/** A UUID-shaped id that is always the same for `seed` (for records AWS predefines, whose ids never change). */
export function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** EC2 resource ids: a prefix and 17 lowercase hex characters (vpc-0a1b…, subnet-…, sg-…, sgr-…, key-…). */
export function ec2Id(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

/** An EC2 id that is always the same for `seed` (the default VPC and its parts, which exist before any call). */
export function stableEc2Id(prefix: string, seed: string): string {
  return `${prefix}-${createHash('sha256').update(seed).digest('hex').slice(0, 17)}`;
}

/** The id of a region's default VPC: the same wherever it is asked for (EC2 shows it; ELB places load balancers in it). */
export function defaultVpcId(scope: Scope): string {
  return stableEc2Id('vpc', `${scope.region}:${scope.account}/default`);
}

/** EC2 ARNs (subnets, security groups, rules, key pairs). */
export const ec2Arn = {
  resource: (s: Scope, type: string, id: string) => arn(s, 'ec2', `${type}/${id}`),
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Id(length: number): string {
  let id = '';
  while (id.length < length) id += BASE32[randomInt(BASE32.length)];
  return id;
}

/**
 * IAM's unique ids and access key ids: a four-letter prefix telling what the id names (AIDA user,
 * AROA role, AGPA group, ANPA managed policy, ACCA service-specific credential), then 17 letters
 * and digits; access keys are 20 characters (AKIA long-term, ASIA temporary).
 */
export const iamId = {
  unique: (prefix: 'AIDA' | 'AROA' | 'AGPA' | 'ANPA' | 'ACCA' | 'AIPA') => prefix + base32Id(17),
  accessKey: (prefix: 'AKIA' | 'ASIA') => prefix + base32Id(16),
  /** A secret access key: 40 characters of base64, as IAM's. */
  secret: () => randomBytes(30).toString('base64'),
  /** A session token: long opaque base64, as STS's. */
  sessionToken: () => `IQoJb3JpZ2luX2Vj${randomBytes(300).toString('base64')}`,
};

/**
 * IAM ARNs. IAM is global: its ARNs name no region. A path is `/` or `/a/b/`, and sits between the
 * resource type and the name. AWS's own managed policies live in the account `aws`.
 */
export const iamArn = {
  root: (account: string) => `arn:aws:iam::${account}:root`,
  user: (account: string, path: string, name: string) => `arn:aws:iam::${account}:user${path}${name}`,
  group: (account: string, path: string, name: string) => `arn:aws:iam::${account}:group${path}${name}`,
  role: (account: string, path: string, name: string) => `arn:aws:iam::${account}:role${path}${name}`,
  policy: (account: string, path: string, name: string) => `arn:aws:iam::${account}:policy${path}${name}`,
  instanceProfile: (account: string, path: string, name: string) => `arn:aws:iam::${account}:instance-profile${path}${name}`,
  /** An OpenID Connect provider, named by its URL without the scheme. */
  oidcProvider: (account: string, url: string) => `arn:aws:iam::${account}:oidc-provider/${url.replace(/^https?:\/\//, '')}`,
  /** The session of an assumed role, as STS names it. */
  assumedRole: (account: string, role: string, session: string) => `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
};
