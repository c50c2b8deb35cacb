/**
 * @module services/codebuild/buildspec
 * buildspec.yml, versions 0.2 (and 0.1), read with the `yaml` package into a checked plan. YAML is
 * read with the failsafe schema — every scalar a string, as the YAML 1.1 reader CodeBuild uses would
 * hand `yes`, `0.2` and `1.10` back — and each key is checked here. A problem throws
 * BuildspecError, whose message names the key and becomes the YAML_FILE_ERROR phase context.
 */
import { parse } from 'yaml';
import { IDENTIFIER_RULE, isIdentifier } from './projects.ts';
import { isReportGroupArn } from './reports.ts';

export const PHASES = ['install', 'pre_build', 'build', 'post_build'] as const;
export type PhaseKey = (typeof PHASES)[number];

export interface PhaseSpec {
  commands: string[];
  finally: string[];
  /** Absent: CodeBuild's default transitions. */
  onFailure?: 'ABORT' | 'CONTINUE';
  /** What on-failure said, when it asked for RETRY (EC2 compute only in CodeBuild; Slipway aborts). */
  onFailureAsked?: string;
  runtimeVersions: Record<string, string>;
  runAs?: string;
}

export interface ArtifactSpec {
  files: string[];
  name?: string;
  discardPaths: boolean;
  baseDirectory?: string;
  excludePaths: string[];
  enableSymlinks: boolean;
  s3Prefix?: string;
}

export interface ReportSpec {
  files: string[];
  baseDirectory?: string;
  discardPaths: boolean;
  fileFormat: string;
}

export interface Buildspec {
  version: '0.1' | '0.2';
  shell?: 'bash' | 'sh';
  variables: Record<string, string>;
  parameterStore: Record<string, string>;
  secretsManager: Record<string, string>;
  exportedVariables: string[];
  phases: Partial<Record<PhaseKey, PhaseSpec>>;
  artifacts?: ArtifactSpec & { secondary: Record<string, ArtifactSpec> };
  reports: Record<string, ReportSpec>;
  cachePaths: string[];
}

export class BuildspecError extends Error {}

type Node = string | Node[] | { [key: string]: Node };

const fail = (message: string): never => {
  throw new BuildspecError(message);
};

function isMap(v: Node | undefined): v is { [key: string]: Node } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function map(v: Node | undefined, key: string): { [key: string]: Node } {
  if (v === undefined || v === '') return {};
  if (!isMap(v)) fail(`'${key}' must be a mapping of keys to values`);
  return v as { [key: string]: Node };
}

function str(v: Node | undefined, key: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') fail(`'${key}' must be a single value, not a ${Array.isArray(v) ? 'list' : 'mapping'}`);
  return v as string;
}

function strings(v: Node | undefined, key: string, opts: { allowScalar?: boolean } = {}): string[] {
  if (v === undefined || v === '') return [];
  if (typeof v === 'string' && opts.allowScalar) return [v];
  if (!Array.isArray(v)) fail(`'${key}' must be a list`);
  return (v as Node[]).map((item, i) => {
    if (typeof item !== 'string') fail(`'${key}[${i}]' must be a string; a '- key: value' item needs quotes around the whole line`);
    if ((item as string).trim() === '') fail(`'${key}[${i}]' is empty`);
    return item as string;
  });
}

function flag(v: Node | undefined, key: string): boolean {
  const s = str(v, key)?.toLowerCase();
  if (s === undefined || ['no', 'false', 'off', 'n'].includes(s)) return false;
  if (['yes', 'true', 'on', 'y'].includes(s)) return true;
  return fail(`'${key}' must be yes or no (got '${s}')`);
}

function known(m: { [key: string]: Node }, prefix: string, keys: string[]): void {
  for (const k of Object.keys(m)) {
    if (!keys.includes(k)) fail(`unknown key '${prefix}${k}' (expected one of: ${keys.join(', ')})`);
  }
}

function scalars(v: Node | undefined, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(map(v, key))) {
    if (typeof value !== 'string') fail(`'${key}.${k}' must be a single value`);
    out[k] = value as string;
  }
  return out;
}

export function parseBuildspec(text: string): Buildspec {
  let doc: Node;
  try {
    doc = parse(text, { schema: 'failsafe' }) as Node;
  } catch (err) {
    throw new BuildspecError(`the buildspec is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!isMap(doc)) fail('the buildspec must be a YAML mapping with at least version and phases');
  const root = doc as { [key: string]: Node };
  known(root, '', ['version', 'run-as', 'env', 'proxy', 'batch', 'phases', 'reports', 'artifacts', 'cache']);
  const version = str(root.version, 'version');
  if (version === undefined) fail("'version' is missing; buildspec files start with 'version: 0.2'");
  if (version !== '0.2' && version !== '0.1') fail(`'version' ${version} is not supported (use 0.2)`);

  const env = map(root.env, 'env');
  known(env, 'env.', ['shell', 'variables', 'parameter-store', 'secrets-manager', 'exported-variables', 'git-credential-helper']);
  const shell = str(env.shell, 'env.shell');
  if (shell !== undefined && !['bash', '/bin/bash', 'sh', '/bin/sh'].includes(shell))
    fail(`'env.shell' must be bash or /bin/sh on Linux (got '${shell}')`);
  const exportedVariables = strings(env['exported-variables'], 'env.exported-variables');
  for (const name of exportedVariables) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) fail(`'env.exported-variables' names '${name}', which is not a variable name`);
  }

  const phasesNode = map(root.phases, 'phases');
  known(phasesNode, 'phases.', [...PHASES]);
  const phases: Partial<Record<PhaseKey, PhaseSpec>> = {};
  for (const key of PHASES) if (phasesNode[key] !== undefined) phases[key] = phase(phasesNode[key], key);

  const reports: Record<string, ReportSpec> = {};
  const reportNodes = Object.entries(map(root.reports, 'reports'));
  if (reportNodes.length > MAX_REPORTS) fail(`'reports' names ${reportNodes.length} reports; a project can have at most ${MAX_REPORTS}`);
  for (const [name, node] of reportNodes) {
    if (!REPORT_NAME.test(name) && !isReportGroupArn(name))
      fail(`'reports' name '${name}' must be a report group ARN or 1 to 100 letters, digits, hyphens and underscores`);
    reports[name] = report(node, `reports.${name}`);
  }

  let artifacts: Buildspec['artifacts'];
  if (root.artifacts !== undefined && root.artifacts !== '') {
    const a = map(root.artifacts, 'artifacts');
    known(a, 'artifacts.', [
      'files',
      'name',
      'discard-paths',
      'base-directory',
      'exclude-paths',
      'enable-symlinks',
      's3-prefix',
      'secondary-artifacts',
    ]);
    const secondary: Record<string, ArtifactSpec> = {};
    const secondaryNodes = Object.entries(map(a['secondary-artifacts'], 'artifacts.secondary-artifacts'));
    if (secondaryNodes.length > MAX_SECONDARY_ARTIFACTS)
      fail(`'artifacts.secondary-artifacts' names ${secondaryNodes.length} artifacts; at most ${MAX_SECONDARY_ARTIFACTS} are allowed`);
    for (const [id, node] of secondaryNodes) {
      if (!isIdentifier(id)) fail(`'artifacts.secondary-artifacts' identifier '${id}' ${IDENTIFIER_RULE}`);
      secondary[id] = artifact(map(node, `artifacts.secondary-artifacts.${id}`), `artifacts.secondary-artifacts.${id}`);
    }
    artifacts = { ...artifact(a, 'artifacts', Object.keys(secondary).length > 0), secondary };
  }

  const cache = map(root.cache, 'cache');
  known(cache, 'cache.', ['paths', 'key', 'fallback-keys', 'action']);
  return {
    version,
    shell: shell === undefined ? undefined : shell.endsWith('bash') ? 'bash' : 'sh',
    variables: scalars(env.variables, 'env.variables'),
    parameterStore: scalars(env['parameter-store'], 'env.parameter-store'),
    secretsManager: scalars(env['secrets-manager'], 'env.secrets-manager'),
    exportedVariables,
    phases,
    artifacts,
    reports,
    cachePaths: strings(cache.paths, 'cache.paths'),
  } as Buildspec;
}

function phase(node: Node, key: PhaseKey): PhaseSpec {
  const m = map(node, `phases.${key}`);
  known(m, `phases.${key}.`, ['run-as', 'on-failure', 'runtime-versions', 'commands', 'finally']);
  const asked = str(m['on-failure'], `phases.${key}.on-failure`);
  let onFailure: PhaseSpec['onFailure'];
  if (asked !== undefined) {
    if (asked === 'ABORT' || asked === 'CONTINUE') onFailure = asked;
    else if (/^RETRY(-\d+)?(-.+)?$/.test(asked)) onFailure = 'ABORT';
    else fail(`'phases.${key}.on-failure' must be ABORT, CONTINUE or RETRY[-count][-regex] (got '${asked}')`);
  }
  if (m['runtime-versions'] !== undefined && key !== 'install')
    fail(`'phases.${key}.runtime-versions' is only allowed in the install phase`);
  return {
    commands: strings(m.commands, `phases.${key}.commands`),
    finally: strings(m.finally, `phases.${key}.finally`),
    onFailure,
    onFailureAsked: asked !== onFailure ? asked : undefined,
    runtimeVersions: scalars(m['runtime-versions'], `phases.${key}.runtime-versions`),
    runAs: str(m['run-as'], `phases.${key}.run-as`),
  };
}

/** `files` may be left out of the primary artifact only when secondary artifacts carry the files. */
function artifact(m: { [key: string]: Node }, key: string, filesOptional = false): ArtifactSpec {
  if (key !== 'artifacts')
    known(m, `${key}.`, ['files', 'name', 'discard-paths', 'base-directory', 'exclude-paths', 'enable-symlinks', 's3-prefix']);
  const files = strings(m.files, `${key}.files`, { allowScalar: true });
  if (files.length === 0 && !filesOptional) fail(`'${key}.files' is required: list the files to keep, e.g. '**/*'`);
  return {
    files,
    name: str(m.name, `${key}.name`),
    discardPaths: flag(m['discard-paths'], `${key}.discard-paths`),
    baseDirectory: str(m['base-directory'], `${key}.base-directory`),
    excludePaths: strings(m['exclude-paths'], `${key}.exclude-paths`, { allowScalar: true }),
    enableSymlinks: flag(m['enable-symlinks'], `${key}.enable-symlinks`),
    s3Prefix: str(m['s3-prefix'], `${key}.s3-prefix`),
  };
}

/** CodeBuild's limits: reports per project, and secondary artifacts as the model bounds them. */
const MAX_REPORTS = 5;
const MAX_SECONDARY_ARTIFACTS = 12;
/** With `<project>-` before it, a report group name stays within CodeBuild's 128 characters. */
const REPORT_NAME = /^[A-Za-z0-9_-]{1,100}$/;
const REPORT_FORMATS = [
  'JUNITXML',
  'CUCUMBERJSON',
  'TESTNGXML',
  'VISUALSTUDIOTRX',
  'NUNITXML',
  'NUNIT3XML',
  'CLOVERXML',
  'COBERTURAXML',
  'JACOCOXML',
  'SIMPLECOV',
];

function report(node: Node, key: string): ReportSpec {
  const m = map(node, key);
  known(m, `${key}.`, ['files', 'base-directory', 'discard-paths', 'file-format']);
  const files = strings(m.files, `${key}.files`, { allowScalar: true });
  if (files.length === 0) fail(`'${key}.files' is required`);
  const fileFormat = (str(m['file-format'], `${key}.file-format`) ?? 'JUNITXML').toUpperCase();
  if (!REPORT_FORMATS.includes(fileFormat)) fail(`'${key}.file-format' must be one of ${REPORT_FORMATS.join(', ')} (got '${fileFormat}')`);
  return {
    files,
    baseDirectory: str(m['base-directory'], `${key}.base-directory`),
    discardPaths: flag(m['discard-paths'], `${key}.discard-paths`),
    fileFormat,
  };
}
