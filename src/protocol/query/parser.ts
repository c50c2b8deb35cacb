/**
 * @module protocol/query/parser
 * Reads an AWS Query request (ELBv2): a form-encoded body (or URL query) with `Action`, `Version`
 * and the input flattened into dotted keys, walked by the model's input shape:
 *
 *   Names.member.1=a                       non-flattened list (`Names.1` when the list is flattened)
 *   Targets.member.1.Id=i-1                list of structures
 *   Attrs.entry.1.key=k&Attrs.entry.1.value=v   map (`Attrs.1.key` when flattened)
 *   Names=                                 an empty list
 *
 * EC2's dialect differs in two ways: a member is named by its `queryName`, else its locationName
 * capitalised, and every list is flattened (`Filter.1.Value.1`).
 *
 * Numbers and booleans arrive as text and are converted when they look right; anything else is
 * left as text so that validation names the field. Malformed requests are client errors: list
 * and map members must be numbered 1, 2, 3 … with no gap (`Names.member.1` and `Names.member.5`
 * alone is a ValidationError naming `Names`, never a list that silently lost a member). The
 * Action is looked up by own property, so `__proto__` is an unknown action.
 */
import { AwsError } from '../../core/errors.ts';
import { shapeOf, type ServiceModel, type Shape, type ShapeRef } from '../model.ts';

export function parseQueryRequest(
  model: ServiceModel,
  body: string,
  dialect: 'query' | 'ec2' = 'query',
): { operation: string; input: unknown } {
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(body)) if (!params.has(key)) params.set(key, value);
  const action = params.get('Action');
  if (!action) throw new AwsError('MissingAction', 'The request must contain the parameter Action.');
  const version = params.get('Version');
  if (version && version !== model.metadata.apiVersion) {
    throw new AwsError('InvalidAction', `Slipway serves ${model.metadata.serviceId} version ${model.metadata.apiVersion}, not ${version}`);
  }
  const operation = Object.hasOwn(model.operations, action) ? model.operations[action] : undefined;
  if (!operation) {
    throw new AwsError(
      'InvalidAction',
      `Could not find operation ${action} for version ${params.get('Version') ?? model.metadata.apiVersion}`,
    );
  }
  const reader = new Reader(model, params, dialect === 'ec2');
  const input = operation.input ? (reader.structure(shapeOf(model, operation.input.shape), '') ?? {}) : {};
  return { operation: action, input };
}

class Reader {
  /** Every dotted prefix of every key, to tell quickly whether anything lives under a path. */
  private readonly prefixes = new Set<string>();
  /** For each prefix followed by a number (`Names.member` in `Names.member.3`), the numbers seen. */
  private readonly indices = new Map<string, Set<string>>();

  constructor(
    private readonly model: ServiceModel,
    private readonly params: Map<string, string>,
    private readonly ec2: boolean,
  ) {
    for (const key of params.keys()) {
      let at = key.indexOf('.');
      while (at >= 0) {
        const prefix = key.slice(0, at);
        this.prefixes.add(prefix);
        const next = key.indexOf('.', at + 1);
        const segment = key.slice(at + 1, next < 0 ? undefined : next);
        if (/^\d+$/.test(segment)) {
          if (!this.indices.has(prefix)) this.indices.set(prefix, new Set());
          this.indices.get(prefix)!.add(segment);
        }
        at = next;
      }
      this.prefixes.add(key);
    }
  }

  /** How many members live under `base` (`base.1` … `base.n`); a gap, 0 or 01 names `param`. */
  private count(base: string, param: string): number {
    const seen = this.indices.get(base);
    if (!seen) return 0;
    const numbers = [...seen].map(Number).sort((a, b) => a - b);
    const numbered = numbers.every((n, i) => n === i + 1) && [...seen].every((s) => String(Number(s)) === s);
    if (!numbered) {
      throw new AwsError(
        'ValidationError',
        `The members of ${param} must be numbered 1, 2, 3 … with no gap; got ${[...seen].sort((a, b) => Number(a) - Number(b)).join(', ')}`,
      );
    }
    return numbers.length;
  }

  value(shape: Shape, key: string): unknown {
    switch (shape.type) {
      case 'structure':
        return this.structure(shape, key);
      case 'list':
        return this.list(shape, key);
      case 'map':
        return this.map(shape, key);
      default:
        return this.scalar(shape, key);
    }
  }

  structure(shape: Shape, prefix: string): Record<string, unknown> | undefined {
    if (prefix && !this.prefixes.has(prefix)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const key = join(prefix, this.ec2 ? ec2Name(ref, name) : (ref.locationName ?? name));
      const value = this.value(shapeOf(this.model, ref.shape), key);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  private list(shape: Shape, key: string): unknown[] | undefined {
    if (!this.prefixes.has(key)) return undefined;
    if (this.params.get(key) === '') return [];
    const member = shape.member as ShapeRef;
    const memberShape = shapeOf(this.model, member.shape);
    const base = shape.flattened || this.ec2 ? key : `${key}.${member.locationName ?? 'member'}`;
    const items: unknown[] = [];
    for (let i = 1, n = this.count(base, key); i <= n; i++) items.push(this.value(memberShape, `${base}.${i}`) ?? null);
    return items;
  }

  private map(shape: Shape, key: string): Record<string, unknown> | undefined {
    if (!this.prefixes.has(key)) return undefined;
    const base = shape.flattened ? key : `${key}.entry`;
    const keyName = shape.key?.locationName ?? 'key';
    const valueName = shape.value?.locationName ?? 'value';
    const valueShape = shapeOf(this.model, shape.value!.shape);
    const entries: [string, unknown][] = [];
    for (let i = 1, n = this.count(base, key); i <= n; i++) {
      const k = this.params.get(`${base}.${i}.${keyName}`);
      if (k !== undefined) entries.push([k, this.value(valueShape, `${base}.${i}.${valueName}`)]);
    }
    // fromEntries defines each key as its own property: a key named __proto__ stays a key.
    return Object.fromEntries(entries);
  }

  private scalar(shape: Shape, key: string): unknown {
    const text = this.params.get(key);
    if (text === undefined) return undefined;
    switch (shape.type) {
      case 'integer':
      case 'long':
        return /^-?\d+$/.test(text.trim()) ? Number(text) : text;
      case 'double':
      case 'float':
        return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
      case 'boolean':
        return text === 'true' ? true : text === 'false' ? false : text;
      default:
        return text;
    }
  }
}

function ec2Name(ref: ShapeRef, name: string): string {
  if (ref.queryName) return ref.queryName;
  return ref.locationName ? ref.locationName[0].toUpperCase() + ref.locationName.slice(1) : name;
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}
