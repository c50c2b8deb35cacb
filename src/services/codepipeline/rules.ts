/**
 * @module services/codepipeline/rules
 * The rule types of stage conditions that Slipway runs: VariableCheck (a variable of the execution
 * against a value) and DeploymentWindow (a cron window in a time zone, on Slipway's clock: a rule
 * outside its window stays InProgress until the window opens). CloudWatchAlarm, LambdaInvoke and
 * Commands are refused by name: Slipway has no alarms, runs no functions and no rule commands.
 */
import { RegexTimeout, testWithin } from '../../core/regex.ts';
import { CronError, cronMatches, parseCron, untilOpen, validTimeZone } from './cron.ts';
import type { RuleDeclaration, RuleType } from './shapes.ts';

const prop = (name: string, required: boolean, description: string) => ({ name, required, key: true, secret: false, description });
const NO_ARTIFACTS = { minimumCount: 0, maximumCount: 0 };

/** What ListRuleTypes shows. */
export const RULE_TYPES: RuleType[] = [
  {
    id: { category: 'Rule', owner: 'AWS', provider: 'VariableCheck', version: '1' },
    ruleConfigurationProperties: [
      prop('Variable', true, 'The variable to check, such as #{SourceVariables.BranchName}'),
      prop('Value', true, 'The value the variable is checked against'),
      prop('Operator', true, 'EQ, NE, CONTAINS or MATCHES'),
    ],
    inputArtifactDetails: NO_ARTIFACTS,
  },
  {
    id: { category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1' },
    ruleConfigurationProperties: [
      prop('Cron', true, 'The days and times when the deployment is allowed'),
      prop('TimeZone', false, 'The time zone of the cron expression (default UTC)'),
    ],
    inputArtifactDetails: NO_ARTIFACTS,
  },
];

const REFUSED: Record<string, string> = {
  CloudWatchAlarm: 'Slipway has no CloudWatch alarms for it to watch',
  LambdaInvoke: 'Slipway runs no Lambda functions',
  Commands: 'Slipway does not run rule commands',
};

const OPERATORS = ['EQ', 'NE', 'CONTAINS', 'MATCHES'];

/** The problem with a rule declaration (InvalidStructureException's message), or undefined. */
export function ruleProblem(rule: RuleDeclaration): string | undefined {
  const { provider, owner, version } = rule.ruleTypeId;
  const type = RULE_TYPES.find((t) => t.id.provider === provider);
  if (REFUSED[provider]) return `Rule '${rule.name}' uses rule type ${provider}, which Slipway cannot run: ${REFUSED[provider]}`;
  if (!type || (owner ?? 'AWS') !== 'AWS' || (version ?? '1') !== '1') {
    return `Rule '${rule.name}' has rule type '${provider}' (owner '${owner ?? 'AWS'}', version '${version ?? '1'}'), which does not exist`;
  }
  const config = rule.configuration ?? {};
  const known = new Set(type.ruleConfigurationProperties!.map((p) => p.name));
  for (const key of Object.keys(config)) {
    if (!known.has(key)) return `Rule configuration for rule '${rule.name}' contains unknown configuration '${key}'`;
  }
  for (const p of type.ruleConfigurationProperties!) {
    if (p.required && !config[p.name]) return `Rule configuration for rule '${rule.name}' is missing required configuration '${p.name}'`;
  }
  if (rule.commands?.length) return `Rule '${rule.name}': commands can only be used with the Commands rule type`;
  if (rule.inputArtifacts?.length) return `Rule '${rule.name}': ${provider} rules take no input artifacts`;
  if (provider === 'VariableCheck' && !OPERATORS.includes(config.Operator)) {
    return `Rule '${rule.name}': Operator '${config.Operator}' is not valid: use one of ${OPERATORS.join(', ')}`;
  }
  if (provider === 'VariableCheck' && config.Operator === 'MATCHES') {
    try {
      new RegExp(config.Value);
    } catch {
      return `Rule '${rule.name}': Value '${config.Value}' is not a valid regular expression`;
    }
  }
  if (provider === 'DeploymentWindow') {
    try {
      parseCron(config.Cron);
    } catch (err) {
      if (err instanceof CronError) return `Rule '${rule.name}': Cron is not valid: ${err.message}`;
      throw err;
    }
    if (config.TimeZone && !validTimeZone(config.TimeZone))
      return `Rule '${rule.name}': TimeZone '${config.TimeZone}' is not a valid time zone`;
  }
  return undefined;
}

export type RuleVerdict = { status: 'Succeeded' | 'Failed'; summary: string } | { status: 'InProgress'; summary: string; waitMs: number };

/** Evaluates a rule whose configuration has been resolved, at wall time `now`. */
export function evaluateRule(rule: RuleDeclaration, config: Record<string, string>, now: number): RuleVerdict {
  if (rule.ruleTypeId.provider === 'DeploymentWindow') {
    const cron = parseCron(config.Cron);
    const zone = config.TimeZone || 'UTC';
    if (cronMatches(cron, now, zone)) return { status: 'Succeeded', summary: `Within the deployment window ${config.Cron} (${zone})` };
    return {
      status: 'InProgress',
      summary: `Waiting for the deployment window ${config.Cron} (${zone}) to open`,
      waitMs: untilOpen(cron, now, zone),
    };
  }
  const { Variable: actual, Value: expected, Operator: op } = config;
  if (op === 'MATCHES') return matchRule(rule, actual, expected);
  const passed = op === 'EQ' ? actual === expected : op === 'NE' ? actual !== expected : actual.includes(expected);
  return checked(passed, actual, op, expected);
}

function checked(passed: boolean, actual: string, op: string, expected: string): RuleVerdict {
  const summary = `The variable value '${actual}' ${passed ? 'meets' : 'does not meet'} the check ${op} '${expected}'`;
  return { status: passed ? 'Succeeded' : 'Failed', summary };
}

/**
 * MATCHES runs the author's own pattern, under core/regex's deadline: one that backtracks without
 * end fails its rule instead of stalling the server. A Value that became an invalid pattern once its
 * variables were resolved fails the rule too.
 */
function matchRule(rule: RuleDeclaration, actual: string, expected: string): RuleVerdict {
  let re: RegExp;
  try {
    re = new RegExp(expected);
  } catch {
    return { status: 'Failed', summary: `The check MATCHES '${expected}' is not a valid regular expression` };
  }
  try {
    return checked(testWithin(re, actual), actual, 'MATCHES', expected);
  } catch (e) {
    if (!(e instanceof RegexTimeout)) throw e;
    const variable = rule.configuration?.Variable ?? 'Variable';
    return {
      status: 'Failed',
      summary: `The pattern '${expected}' took too long to match the value of ${variable} (more than ${e.ms} ms)`,
    };
  }
}
