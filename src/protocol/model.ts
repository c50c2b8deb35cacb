/**
 * @module protocol/model
 * Loads a vendored AWS service model (botocore service-2 JSON) once, applies Slipway's patches, and
 * answers questions about operations and shapes. The model decides members, requiredness, types,
 * enums and serialisation; nothing here is hand-written per service.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { patches } from './patches.ts';

export interface ShapeRef {
  shape: string;
  locationName?: string;
  /** EC2's name for the member on input, when not its capitalised locationName. */
  queryName?: string;
  flattened?: boolean;
  xmlNamespace?: unknown;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp' | 'blob';
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  document?: boolean;
  /** The member holds a secret: messages never quote it. */
  sensitive?: boolean;
  timestampFormat?: string;
  flattened?: boolean;
  locationName?: string;
}

export interface Operation {
  name: string;
  input?: ShapeRef;
  output?: ShapeRef & { resultWrapper?: string };
  errors?: ShapeRef[];
}

export interface ServiceModel {
  /** The key under models/, e.g. 'ecs'. */
  key: string;
  metadata: {
    apiVersion: string;
    protocol: string;
    targetPrefix?: string;
    signingName?: string;
    endpointPrefix: string;
    serviceId: string;
    xmlNamespace?: string;
    jsonVersion?: string;
  };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

const modelsDir = fileURLToPath(new URL('../../models/', import.meta.url));
const cache = new Map<string, ServiceModel>();

export function loadModel(key: string): ServiceModel {
  let model = cache.get(key);
  if (!model) {
    const raw = JSON.parse(readFileSync(`${modelsDir}${key}.json`, 'utf8')) as Omit<ServiceModel, 'key'>;
    for (const shape of Object.values(raw.shapes) as (Shape & { documentation?: string })[]) delete shape.documentation;
    model = { key, ...raw };
    patches[key]?.(model);
    cache.set(key, model);
  }
  return model;
}

export function shapeOf(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`${model.key} model has no shape ${name}`);
  return shape;
}

export interface Member {
  name: string;
  shape: Shape;
}

const memberLists = new WeakMap<Shape, Member[]>();

/** A structure's members with their shapes resolved, in the model's order; listed once per shape. */
export function membersOf(model: ServiceModel, shape: Shape): Member[] {
  let members = memberLists.get(shape);
  if (!members) {
    members = Object.entries(shape.members ?? {}).map(([name, ref]) => ({ name, shape: shapeOf(model, ref.shape) }));
    memberLists.set(shape, members);
  }
  return members;
}

/**
 * `build` made once per shape: what a request then runs is the built function, with each nested
 * shape's own resolved at build time. A recursive shape meets itself while being built: that use
 * goes through a forward to the function still being built.
 */
export function compiledPerShape<F extends (value: unknown) => unknown>(
  build: (model: ServiceModel, shape: Shape) => F,
): (model: ServiceModel, shape: Shape) => F {
  const built = new WeakMap<Shape, F>();
  return (model, shape) => {
    let fn = built.get(shape);
    if (!fn) {
      let done: F | undefined;
      built.set(shape, ((value: unknown) => done!(value)) as F);
      done = build(model, shape);
      built.set(shape, done);
      fn = done;
    }
    return fn;
  };
}

/** The error shapes an operation or the whole service declares, by code. */
export function errorShape(model: ServiceModel, code: string): Shape | undefined {
  const shape = model.shapes[code];
  if (shape?.exception) return shape;
  return Object.values(model.shapes).find((s) => s.exception && s.error?.code === code);
}
