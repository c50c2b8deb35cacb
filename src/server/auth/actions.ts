/**
 * @module server/auth/actions
 * Which IAM action an operation is, which resources it acts on, and the tags it asks for, from
 * each room's map (src/services/<room>/iam-actions.ts). An operation a map leaves out is
 * `<service>:<Operation>` on `*`, as AWS lists most list and create calls.
 */
import { parseArn, shortName } from '../../core/ids.ts';
import { codebuildIamActions } from '../../services/codebuild/iam-actions.ts';
import { codecommitIamActions } from '../../services/codecommit/iam-actions.ts';
import { codedeployIamActions } from '../../services/codedeploy/iam-actions.ts';
import { codepipelineIamActions } from '../../services/codepipeline/iam-actions.ts';
import { connectionsIamActions } from '../../services/connections/iam-actions.ts';
import { ec2IamActions } from '../../services/ec2/iam-actions.ts';
import { ecrIamActions } from '../../services/ecr/iam-actions.ts';
import { ecsIamActions } from '../../services/ecs/iam-actions.ts';
import { elbIamActions } from '../../services/elb/iam-actions.ts';
import { iamIamActions } from '../../services/iam/iam-actions.ts';
import { logsIamActions } from '../../services/logs/iam-actions.ts';
import { s3IamActions } from '../../services/s3/iam-actions.ts';
import { secretsmanagerIamActions, ssmIamActions } from '../../services/secrets/iam-actions.ts';
import { stsIamActions } from '../../services/sts/iam-actions.ts';
import type { IamActionEntry } from '../../services/types.ts';

/** By the service's signing name (the prefix of its IAM actions). */
export const iamActionMaps: Record<string, Record<string, IamActionEntry | undefined>> = {
  ecs: ecsIamActions,
  ecr: ecrIamActions,
  s3: s3IamActions,
  codebuild: codebuildIamActions,
  codedeploy: codedeployIamActions,
  codepipeline: codepipelineIamActions,
  sts: stsIamActions,
  logs: logsIamActions,
  secretsmanager: secretsmanagerIamActions,
  ssm: ssmIamActions,
  elasticloadbalancing: elbIamActions,
  codecommit: codecommitIamActions,
  'codestar-connections': connectionsIamActions('codestar-connections'),
  codeconnections: connectionsIamActions('codeconnections'),
  ec2: ec2IamActions,
  iam: iamIamActions,
};

export interface ActionRequest {
  action: string;
  resources: string[];
  /** Role ARNs the call hands over, each needing iam:PassRole. */
  passedRoles: string[];
  /** aws:RequestTag/<key> and aws:TagKeys when the call sets or removes tags, and the service's own condition keys. */
  context?: Record<string, string | string[]>;
}

/** Where the request acts, and the calling user's name (aws:username), which IAM's calls on oneself stand for. */
type Scope = { region: string; account: string; username?: string };

export function actionOf(service: string, operation: string, input: Record<string, unknown>, scope: Scope): ActionRequest {
  const entry =
    Object.hasOwn(iamActionMaps, service) && Object.hasOwn(iamActionMaps[service], operation)
      ? iamActionMaps[service][operation]
      : undefined;
  // A template that is one member (`{resourceArn}`) takes its value whole.
  const resources = entry?.resources?.flatMap((t) => fill(/^\{[^}]+\}$/.test(t) ? t.replace('}', '*}') : t, input, scope)) ?? [];
  const passedRoles = (entry?.passRole ?? []).flatMap((path) =>
    memberAt(input, path).filter((v): v is string => typeof v === 'string' && v !== ''),
  );
  const call: ActionRequest = {
    action: entry?.action ?? `${service}:${operation}`,
    resources: resources.length ? [...new Set(resources)] : ['*'],
    passedRoles,
  };
  const keys = Object.entries(entry?.conditionKeys ?? {}).flatMap(([key, spec]) => {
    const [path, fallback] = spec.split('=');
    const value = memberAt(input, path)[0] ?? fallback;
    return typeof value === 'string' || typeof value === 'number' ? [[key, String(value)]] : [];
  });
  const context = { ...tagContext(input), ...Object.fromEntries(keys) };
  return Object.keys(context).length ? { ...call, context } : call;
}

/** One ARN per element of the list member the template names (at most one list per template). */
function fill(template: string, input: Record<string, unknown>, scope: Scope): string[] {
  let out = [''];
  let at = 0;
  for (const m of template.matchAll(/\{([^}]+)\}/g)) {
    const literal = template.slice(at, m.index);
    const before = template.slice(0, m.index);
    at = m.index + m[0].length;
    const values = placeholder(m[1], input, scope, before);
    // A value's leading slash merges with the slash the template puts before it (SSM's `/path` names).
    out = out.flatMap((prefix) =>
      values.map((v) => prefix + (literal.endsWith('/') && v.startsWith('/') ? literal.slice(0, -1) : literal) + v),
    );
  }
  return out.map((prefix) => prefix + template.slice(at));
}

/**
 * `{a|b}` takes the first of the members given (`aws:username`: the calling user's name). Within an ARN template, a member given as an ARN
 * stands for its resource's name when the placeholder follows the same service's resource type
 * (`secret:{SecretId}` given a secret's ARN), and for its last segment otherwise.
 */
function placeholder(spec: string, input: Record<string, unknown>, scope: Scope, before: string): string[] {
  if (spec === 'region') return [scope.region];
  if (spec === 'account') return [scope.account];
  const verbatim = spec.endsWith('*');
  const [paths, fallback] = (verbatim ? spec.slice(0, -1) : spec).split('=');
  let values: string[] = [];
  for (const path of paths.split('|')) {
    const found = path === 'aws:username' ? [scope.username] : memberAt(input, path);
    values = found.filter((v): v is string => typeof v === 'string' && v !== '');
    if (values.length) break;
  }
  if (!values.length) return [fallback ?? '*'];
  if (verbatim) return values;
  const kind = /^arn:aws:([^:]+):[^:]*:[^:]*:([A-Za-z-]+[:/])$/.exec(before.replace(/\{(region|account)\}/g, ''));
  return values.map((v) => {
    const arn = parseArn(v);
    if (!arn) return v;
    if (kind && arn.service === kind[1] && arn.resource.startsWith(kind[2])) return arn.resource.slice(kind[2].length);
    return shortName(v);
  });
}

/** The values at `path` (`a.b`), through any lists on the way. */
function memberAt(input: unknown, path: string): unknown[] {
  let values: unknown[] = [input];
  for (const part of path.split('.'))
    values = values.flatMap((v) => (v && typeof v === 'object' && !Array.isArray(v) ? [(v as Record<string, unknown>)[part]] : [])).flat();
  return values.filter((v) => v !== undefined);
}

/** The tags a call sets (each room spells them its own way) and the keys it sets or removes. */
function tagContext(input: Record<string, unknown>): Record<string, string | string[]> | undefined {
  const tags: Record<string, string> = {};
  const keys = new Set<string>();
  const lists = ['tags', 'Tags', 'TagList', 'TagSpecifications.Tags', 'Tagging.TagSet'].flatMap((path) => memberAt(input, path));
  for (const tagged of lists) {
    if (typeof tagged === 'string') keys.add(tagged);
    else if (tagged && typeof tagged === 'object' && ('Key' in tagged || 'key' in tagged)) {
      const { Key, key, Value, value } = tagged as Record<string, unknown>;
      const k = String(Key ?? key);
      keys.add(k);
      if ((Value ?? value) !== undefined) tags[k] = String(Value ?? value);
    } else if (tagged && typeof tagged === 'object')
      for (const [k, v] of Object.entries(tagged)) {
        keys.add(k);
        tags[k] = String(v);
      }
  }
  for (const k of ['tagKeys', 'TagKeys'].flatMap((path) => memberAt(input, path))) if (typeof k === 'string') keys.add(k);
  if (!keys.size) return undefined;
  return { ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])), 'aws:TagKeys': [...keys] };
}
