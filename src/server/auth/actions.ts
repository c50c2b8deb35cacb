/**
 * @module server/auth/actions
 * Which IAM action an operation is and which resources it acts on, from each room's map
 * (src/services/<room>/iam-actions.ts). An operation a map leaves out is `<service>:<Operation>`
 * on `*`, as AWS lists most list and create calls.
 */
import { parseArn, shortName } from '../../core/ids.ts';
import { codebuildIamActions } from '../../services/codebuild/iam-actions.ts';
import { codedeployIamActions } from '../../services/codedeploy/iam-actions.ts';
import { codepipelineIamActions } from '../../services/codepipeline/iam-actions.ts';
import { ecrIamActions } from '../../services/ecr/iam-actions.ts';
import { ecsIamActions } from '../../services/ecs/iam-actions.ts';
import { s3IamActions } from '../../services/s3/iam-actions.ts';
import { stsIamActions } from '../../services/sts/iam-actions.ts';
import type { IamActionEntry } from '../../services/types.ts';

/** By the service's signing name (the prefix of its IAM actions). */
const maps: Record<string, Record<string, IamActionEntry | undefined>> = {
  ecs: ecsIamActions,
  ecr: ecrIamActions,
  s3: s3IamActions,
  codebuild: codebuildIamActions,
  codedeploy: codedeployIamActions,
  codepipeline: codepipelineIamActions,
  sts: stsIamActions,
};

export interface ActionRequest {
  action: string;
  resources: string[];
  /** Role ARNs the call hands over, each needing iam:PassRole. */
  passedRoles: string[];
}

export function actionOf(
  service: string,
  operation: string,
  input: Record<string, unknown>,
  scope: { region: string; account: string },
): ActionRequest {
  const entry = Object.hasOwn(maps, service) && Object.hasOwn(maps[service], operation) ? maps[service][operation] : undefined;
  // A template that is one member (`{resourceArn}`) takes its value whole.
  const resources = entry?.resources?.flatMap((t) => fill(/^\{[^}]+\}$/.test(t) ? t.replace('}', '*}') : t, input, scope)) ?? [];
  const passedRoles = (entry?.passRole ?? []).flatMap((path) => {
    const value = memberAt(input, path);
    return typeof value === 'string' && value ? [value] : [];
  });
  return { action: entry?.action ?? `${service}:${operation}`, resources: resources.length ? resources : ['*'], passedRoles };
}

/** One ARN per element of the list member the template names (at most one list per template). */
function fill(template: string, input: Record<string, unknown>, scope: { region: string; account: string }): string[] {
  let out = [''];
  let at = 0;
  for (const m of template.matchAll(/\{([^}]+)\}/g)) {
    const literal = template.slice(at, m.index);
    at = m.index + m[0].length;
    const values = placeholder(m[1], input, scope);
    out = out.flatMap((prefix) => values.map((v) => prefix + literal + v));
  }
  return out.map((prefix) => prefix + template.slice(at));
}

function placeholder(spec: string, input: Record<string, unknown>, scope: { region: string; account: string }): string[] {
  if (spec === 'region') return [scope.region];
  if (spec === 'account') return [scope.account];
  const verbatim = spec.endsWith('*');
  const [path, fallback] = (verbatim ? spec.slice(0, -1) : spec).split('=');
  const value = memberAt(input, path);
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
  if (!values.length) return [fallback ?? '*'];
  // Within an ARN template, a member given as an ARN stands for its last segment.
  return values.map((v) => (verbatim || !parseArn(v) ? v : shortName(v)));
}

function memberAt(input: Record<string, unknown>, path: string): unknown {
  let value: unknown = input;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}
