/**
 * @module services/iam/policy/document
 * The IAM policy grammar: reads a policy document's JSON into statements, or refuses it with the
 * message IAM's MalformedPolicyDocument carries. Pure: no store, no clock. Which elements a policy
 * may hold depends on where it is attached: identity policies (users, groups, roles, managed
 * policies) name no principal and must name resources; trust policies (a role's
 * AssumeRolePolicyDocument) and resource policies must name a principal.
 */
import { conditionOperator } from './conditions.ts';

export type PolicyKind = 'identity' | 'trust' | 'resource';

/** A principal element: "*" or by type (AWS, Service, Federated, CanonicalUser), each one or more values. */
export type PrincipalSpec = '*' | Record<string, string[]>;

export interface Statement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  principal?: PrincipalSpec;
  notPrincipal?: PrincipalSpec;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  /** operator → key → values */
  condition?: Record<string, Record<string, string[]>>;
}

export interface Policy {
  version: '2012-10-17' | '2008-10-17';
  id?: string;
  statements: Statement[];
}

/** A grammar fault; its message is the one IAM's MalformedPolicyDocument carries. */
export class PolicyGrammarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyGrammarError';
  }
}

const TOP = new Set(['Version', 'Id', 'Statement']);
const ELEMENTS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
/** An action: a vendor prefix, a colon, and a name with wildcards (or "*" alone). */
const ACTION = /^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*?_-]*)$/;

function fail(message: string): never {
  throw new PolicyGrammarError(message);
}

/** Parses and checks a policy document (the text IAM received, URL-decoded). */
export function parsePolicy(text: string, kind: PolicyKind): Policy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail('Syntax errors in policy.');
  }
  if (!isObject(raw)) fail('Syntax errors in policy.');
  for (const key of Object.keys(raw)) if (!TOP.has(key)) fail(`Syntax errors in policy. Unknown field ${key}`);
  const version = raw.Version ?? '2008-10-17';
  if (version !== '2012-10-17' && version !== '2008-10-17')
    fail(`The policy failed legacy parsing: Version must be 2012-10-17 or 2008-10-17, not ${JSON.stringify(version)}`);
  if (raw.Id !== undefined && typeof raw.Id !== 'string') fail('Syntax errors in policy. Id must be a string');
  if (raw.Statement === undefined) fail('Missing required field Statement');
  const list = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  if (!list.length) fail('Missing required field Statement');
  const statements = list.map((s) => statement(s, kind));
  const sids = statements.flatMap((s) => (s.sid ? [s.sid] : []));
  const repeated = sids.find((sid, i) => sids.indexOf(sid) !== i);
  if (repeated) fail(`Statement IDs (SID) in a single policy must be unique: ${repeated}`);
  return { version, id: raw.Id as string | undefined, statements };
}

function statement(raw: unknown, kind: PolicyKind): Statement {
  if (!isObject(raw)) fail('Syntax errors in policy. A Statement must be an object');
  for (const key of Object.keys(raw)) if (!ELEMENTS.has(key)) fail(`Syntax errors in policy. Unknown field ${key}`);
  const out: Statement = { effect: 'Allow' };
  if (raw.Sid !== undefined) {
    if (typeof raw.Sid !== 'string') fail('Syntax errors in policy. Sid must be a string');
    if (kind === 'identity' && !/^[A-Za-z0-9]*$/.test(raw.Sid))
      fail(`Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*`);
    if (raw.Sid) out.sid = raw.Sid;
  }
  if (raw.Effect === undefined) fail('Missing required field Effect');
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') fail(`Invalid effect: ${String(raw.Effect)}`);
  out.effect = raw.Effect;

  const hasPrincipal = raw.Principal !== undefined || raw.NotPrincipal !== undefined;
  if (kind === 'identity' && hasPrincipal) fail('Policy document should not specify a principal.');
  if (kind !== 'identity' && !hasPrincipal) fail('Missing required field Principal');
  if (raw.Principal !== undefined && raw.NotPrincipal !== undefined)
    fail('Syntax errors in policy. Principal and NotPrincipal cannot both be present');
  if (raw.Principal !== undefined) out.principal = principal(raw.Principal, 'Principal');
  if (raw.NotPrincipal !== undefined) {
    if (kind === 'trust') fail('AssumeRolepolicy contained an invalid principal: NotPrincipal is not supported in a trust policy.');
    out.notPrincipal = principal(raw.NotPrincipal, 'NotPrincipal');
  }

  if (raw.Action !== undefined && raw.NotAction !== undefined) fail('Syntax errors in policy. Action and NotAction cannot both be present');
  if (raw.Action === undefined && raw.NotAction === undefined) fail('Policy statement must contain actions.');
  if (raw.Action !== undefined) out.action = actions(raw.Action, 'Action');
  if (raw.NotAction !== undefined) out.notAction = actions(raw.NotAction, 'NotAction');
  if (kind === 'trust' && [...(out.action ?? []), ...(out.notAction ?? [])].some((a) => !/^sts:/i.test(a)))
    fail('AssumeRole policy may only specify STS AssumeRole actions.');

  if (raw.Resource !== undefined && raw.NotResource !== undefined)
    fail('Syntax errors in policy. Resource and NotResource cannot both be present');
  if (kind === 'identity' && raw.Resource === undefined && raw.NotResource === undefined) fail('Policy statement must contain resources.');
  if (kind === 'trust' && (raw.Resource !== undefined || raw.NotResource !== undefined)) fail('Has prohibited field Resource');
  if (raw.Resource !== undefined) out.resource = resources(raw.Resource, 'Resource');
  if (raw.NotResource !== undefined) out.notResource = resources(raw.NotResource, 'NotResource');

  if (raw.Condition !== undefined) out.condition = condition(raw.Condition);
  return out;
}

function strings(value: unknown, field: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (!list.length) fail(`Syntax errors in policy. ${field} must not be empty`);
  for (const v of list) if (typeof v !== 'string') fail(`Syntax errors in policy. ${field} must be a string or a list of strings`);
  return list as string[];
}

function principal(value: unknown, field: string): PrincipalSpec {
  if (value === '*') return '*';
  if (!isObject(value))
    fail(`Invalid principal in policy: ${field} must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}`);
  const out: Record<string, string[]> = {};
  for (const [type, v] of Object.entries(value)) {
    if (!PRINCIPAL_TYPES.has(type)) fail(`Invalid principal in policy: "${type}"`);
    out[type] = strings(v, `${field}.${type}`);
    if (type === 'AWS') {
      for (const p of out[type]) {
        if (p !== '*' && !/^\d{12}$/.test(p) && !/^arn:aws[\w-]*:(iam|sts)::(\d{12}|aws):\S+$/.test(p))
          fail(`Invalid principal in policy: "AWS":"${p}"`);
      }
    }
    if (type === 'Service') for (const p of out[type]) if (!/^[\w.-]+$/.test(p)) fail(`Invalid principal in policy: "SERVICE":"${p}"`);
  }
  return out;
}

function actions(value: unknown, field: string): string[] {
  const list = strings(value, field);
  for (const a of list) {
    if (!a.includes(':') && a !== '*') fail('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    if (!ACTION.test(a)) fail(`Policy has an invalid action: ${a}`);
  }
  return list;
}

function resources(value: unknown, field: string): string[] {
  const list = strings(value, field);
  for (const r of list) {
    if (r === '*') continue;
    const parts = r.split(':');
    if (parts.length < 6 || parts[0] !== 'arn' || !parts[2]) fail(`Resource ${r} must be in ARN format or "*".`);
    if (!/^(aws|aws-cn|aws-us-gov|\*)$/.test(parts[1])) fail(`Partition "${parts[1]}" is not valid for resource "${r}".`);
  }
  return list;
}

function condition(value: unknown): Record<string, Record<string, string[]>> {
  if (!isObject(value)) fail('Syntax errors in policy. Condition must be an object');
  const out: Record<string, Record<string, string[]>> = {};
  for (const [operator, block] of Object.entries(value)) {
    if (!conditionOperator(operator)) fail(`Invalid Condition type : ${operator}`);
    if (!isObject(block)) fail(`Syntax errors in policy. Condition ${operator} must be an object of keys`);
    const keys: Record<string, string[]> = {};
    for (const [key, v] of Object.entries(block)) {
      if (!/^[^:\s]+:\S+$/.test(key)) fail('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
      const list = Array.isArray(v) ? v : [v];
      if (!list.length) fail(`Syntax errors in policy. Condition ${operator} ${key} must have a value`);
      for (const item of list) {
        if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')
          fail(`Syntax errors in policy. Condition ${operator} ${key} values must be strings, numbers or booleans`);
      }
      keys[key] = list.map(String);
    }
    out[operator] = keys;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
