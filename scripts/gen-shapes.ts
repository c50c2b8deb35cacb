/**
 * @module scripts/gen-shapes
 * Turns each vendored botocore model (models/<svc>.json) into src/services/<room>/shapes.ts (the
 * room is <svc> unless ROOMS says otherwise; a room serving several models gets shapes-<svc>.ts for
 * each): one type per shape, the operation table, the modelled error codes and the operation names.
 *
 *   npm run gen          regenerate the files
 *   npm run gen:check    regenerate in memory; exit 1 naming any file that differs from disk
 *
 * Conventions: timestamps are epoch milliseconds (the serializer converts), blobs are base64
 * strings, documents are `unknown`, plain primitives are inlined, string enums become unions.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The services to generate. Add a key here (ecr, elbv2, codebuild, codedeploy, codepipeline). */
export const SERVICES = [
  'ecs',
  'ecr',
  'elbv2',
  'codebuild',
  'codedeploy',
  'logs',
  'secretsmanager',
  'ssm',
  's3',
  'codecommit',
  'ec2',
  'codepipeline',
  'codestar-connections',
  'codeconnections',
  'iam',
  'sts',
];
/** The room a model's shapes go to, when its folder is not named after the model. */
const ROOMS: Record<string, string> = {
  elbv2: 'elb',
  secretsmanager: 'secrets',
  ssm: 'secrets',
  'codestar-connections': 'connections',
  codeconnections: 'connections',
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface MemberRef {
  shape: string;
}
interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  enum?: string[];
  exception?: boolean;
  document?: boolean;
}
interface Operation {
  name: string;
  input?: MemberRef;
  output?: MemberRef;
}
export interface Model {
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

/** Names a generated type must not take: JS/TS globals and TS's built-in utility types. */
const RESERVED = new Set([
  'Array',
  'ArrayBuffer',
  'ArrayLike',
  'Awaited',
  'BigInt',
  'Boolean',
  'Capitalize',
  'ConstructorParameters',
  'DataView',
  'Date',
  'Error',
  'EvalError',
  'Exclude',
  'Extract',
  'Function',
  'Infinity',
  'InstanceType',
  'Intl',
  'Iterable',
  'Iterator',
  'JSON',
  'Lowercase',
  'Map',
  'Math',
  'NaN',
  'NonNullable',
  'Number',
  'Object',
  'Omit',
  'Parameters',
  'Partial',
  'Pick',
  'Promise',
  'PromiseLike',
  'PropertyKey',
  'Proxy',
  'RangeError',
  'Readonly',
  'ReadonlyArray',
  'Record',
  'Reflect',
  'RegExp',
  'Required',
  'ReturnType',
  'Set',
  'String',
  'Symbol',
  'SyntaxError',
  'TypeError',
  'URIError',
  'Uncapitalize',
  'Uppercase',
  'WeakMap',
  'WeakRef',
  'WeakSet',
  'Buffer',
  'URL',
  'Blob',
  'Response',
  'Request',
  'Headers',
  'Event',
  'Element',
  'Node',
  'Document',
  'Empty',
]);

const PRIMITIVE: Record<string, string> = {
  integer: 'number',
  long: 'number',
  double: 'number',
  float: 'number',
  boolean: 'boolean',
  timestamp: 'number',
  blob: 'string',
};

/** A model key as a type-name prefix: `codestar-connections` → `CodestarConnections`. */
export function pascal(svc: string): string {
  return svc.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase());
}

/** A model key as a value name: `codestar-connections` → `codestarConnections`. */
function camel(svc: string): string {
  return svc.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

function typeName(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function prop(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** True when a shape gets its own exported declaration (structures, string enums). */
function isNamed(shape: Shape): boolean {
  if (shape.type === 'structure') return !shape.document;
  return shape.type === 'string' && Array.isArray(shape.enum);
}

/** The TypeScript type expression for a reference to `name`. */
function ref(model: Model, name: string): string {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`shape ${name} is referenced but not defined`);
  if (isNamed(shape)) return typeName(name);
  switch (shape.type) {
    case 'structure':
      return 'unknown'; // document structure
    case 'document':
      return 'unknown';
    case 'string':
      return 'string';
    case 'list': {
      const inner = ref(model, shape.member!.shape);
      return /^[\w.]+$/.test(inner) ? `${inner}[]` : `(${inner})[]`;
    }
    case 'map':
      return `Record<string, ${ref(model, shape.value!.shape)}>`;
    default: {
      const prim = PRIMITIVE[shape.type];
      if (!prim) throw new Error(`shape ${name} has unsupported type ${shape.type}`);
      return prim;
    }
  }
}

function declare(model: Model, name: string, shape: Shape): string {
  const tn = typeName(name);
  if (shape.type === 'string') {
    const values = [...new Set(shape.enum!)].map(quote);
    return `export type ${tn} = ${values.length ? values.join(' | ') : 'never'};`;
  }
  const members = Object.keys(shape.members ?? {});
  if (members.length === 0) return `export type ${tn} = Empty;`;
  const required = new Set(shape.required ?? []);
  const lines = members.map((m) => {
    const opt = required.has(m) ? '' : '?';
    return `  ${prop(m)}${opt}: ${ref(model, shape.members![m].shape)};`;
  });
  return `export interface ${tn} {\n${lines.join('\n')}\n}`;
}

/** The whole shapes.ts text for one service. Pure and deterministic. */
export function generate(svc: string, model: Model): string {
  const P = pascal(svc);
  const shapeNames = Object.keys(model.shapes).sort(byName);
  const opNames = Object.keys(model.operations).sort(byName);
  const errors = shapeNames.filter((n) => model.shapes[n].type === 'structure' && model.shapes[n].exception);
  const out: string[] = [
    `// generated — do not edit; run npm run gen`,
    `// Source: models/${svc}.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.`,
    '',
    `/** An input or output with no members. */`,
    `export type Empty = Record<string, never>;`,
    '',
  ];
  for (const name of shapeNames) {
    const shape = model.shapes[name];
    if (isNamed(shape)) out.push(declare(model, name, shape), '');
  }
  const io = (r: MemberRef | undefined): string => (r ? ref(model, r.shape) : 'Empty');
  out.push(`export interface ${P}Operations {`);
  for (const op of opNames) {
    const o = model.operations[op];
    out.push(`  ${prop(op)}: { input: ${io(o.input)}; output: ${io(o.output)} };`);
  }
  out.push('}', '');
  out.push(`export type ${P}ErrorCode =`);
  out.push(errors.length ? `${errors.map((e) => `  | ${quote(e)}`).join('\n')};` : '  never;');
  out.push('');
  out.push(`export const ${camel(svc)}ErrorCodes = [`, ...errors.map((e) => `  ${quote(e)},`), '] as const;', '');
  out.push(`export const ${camel(svc)}OperationNames = [`, ...opNames.map((o) => `  ${quote(o)},`), '] as const;', '');
  return out.join('\n');
}

export function outputPath(svc: string, root = ROOT): string {
  const room = ROOMS[svc] ?? svc;
  const shared = SERVICES.filter((s) => (ROOMS[s] ?? s) === room).length > 1;
  return join(root, 'src', 'services', room, shared ? `shapes-${svc}.ts` : 'shapes.ts');
}

export function loadModel(svc: string, root = ROOT): Model {
  return JSON.parse(readFileSync(join(root, 'models', `${svc}.json`), 'utf8')) as Model;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const stale: string[] = [];
  for (const svc of SERVICES) {
    const text = generate(svc, loadModel(svc));
    const file = outputPath(svc);
    const rel = file.slice(ROOT.length + 1);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(rel);
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${rel}`);
  }
  if (stale.length) {
    for (const f of stale) console.error(`${f} is stale: run npm run gen`);
    return 1;
  }
  if (check) console.log(`shapes up to date (${SERVICES.join(', ')})`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
