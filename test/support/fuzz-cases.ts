/**
 * Hostile requests for one operation of a service model. Every case is invalid:
 *
 *   fault    one value the model forbids (wrong type, out of range, too long, not in the enum,
 *            against the pattern, a required member missing or null), on a sample input that is
 *            otherwise valid, with hostile extras around it: members and map keys named like
 *            Object.prototype properties, control characters, lone surrogates, very long strings;
 *   room     an otherwise valid input whose one identifier (a name, id or ARN member) is one no
 *            AWS identifier accepts: control characters, lone surrogates, 5000 characters, a
 *            malformed or foreign ARN; or whose one count the model leaves unbounded is negative.
 *            It reaches the room's handler, which must refuse it or find nothing by it;
 *   raw      (JSON) a body that is not a JSON object at all; (REST-XML) a request only that wire
 *            can make wrong (fuzz-restxml.ts).
 *
 * On REST-XML a member travels where the model puts it, so a fault HTTP cannot carry there (a
 * control character in a header, a label or route-deciding member left out, a line past 8 KB) is
 * not drawn: it would test HTTP, not the API.
 */
import { shapeOf, type ServiceModel, type Shape } from '../../src/protocol/model.ts';
import { FRAMING_HEADERS, locationOf, MAX_WIRE_TEXT, restXmlRawCases, UNSENDABLE_IN_HEADER } from './fuzz-restxml.ts';
import { faults, hostileIdentifiers, PROTOTYPE_NAMES, Rand, sample, show, type Wire } from './fuzz-values.ts';

export interface FuzzCase {
  kind: 'fault' | 'room' | 'raw';
  /** What the case does, for a failure message. */
  label: string;
  input?: Record<string, unknown>;
  /** A body sent as is. */
  raw?: string | Buffer;
  /** Headers sent as is, over what the input gives (REST-XML). */
  headers?: Record<string, string>;
}

type Step = string | number;

/** A place in an input where a value can go. */
interface Slot {
  path: Step[];
  shape: Shape;
  /** The member name the slot is reached by. */
  name: string;
  required: boolean;
}

const IDENTIFIER =
  /(name|arn|id|ids|cluster|clusters|service|services|family|taskdefinition|task|tasks|repository|project|projects|listener|rule|group|loadbalancer|target|instance|registry)$/i;
/** S3 names things in the path and a few headers and query members. */
const REST_IDENTIFIER = /^(Bucket|Key|UploadId|VersionId|CopySource|ContinuationToken|KeyMarker|UploadIdMarker|VersionIdMarker)$/;

const RAW_BODIES: (string | Buffer)[] = [
  '[]',
  '"a string"',
  '42',
  'true',
  '{"unterminated": ',
  '{"a": 1}}',
  '['.repeat(20_000) + ']'.repeat(20_000),
  `${'[{"a":'.repeat(5_000)}1${'}]'.repeat(5_000)}`,
  '\x00',
  Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
];

export function casesFor(model: ServiceModel, operation: string, wire: Wire, count: number, seed: number): FuzzCase[] {
  const rand = new Rand(seed);
  const inputName = model.operations[operation].input?.shape;
  const root = inputName ? shapeOf(model, inputName) : undefined;
  const slots = root ? slotsOf(model, root, [], 0) : [];
  const named =
    wire === 'rest-xml' ? (s: Slot) => s.path.length === 1 && REST_IDENTIFIER.test(s.name) : (s: Slot) => IDENTIFIER.test(s.name);
  const identifiers = slots.filter((s) => s.shape.type === 'string' && !s.shape.enum && named(s));
  const rawRest = wire === 'rest-xml' ? restXmlRawCases(model, operation) : [];
  // A count, size, port or limit the model leaves unbounded below: no AWS API takes it negative.
  const counts = slots.filter(
    (s) => (s.shape.type === 'integer' || s.shape.type === 'long') && s.shape.min === undefined && carriable(model, operation, s, -1, wire),
  );
  const reachable = [...identifiers, ...counts];
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const base = root ? (sample(model, root) as Record<string, unknown>) : {};
    const roll = i % 6;
    if (roll === 5 && reachable.length) {
      const slot = rand.pick(reachable);
      const value = slot.shape.type === 'string' ? rand.pick(hostileIdentifiers(slot.name, wire)) : rand.pick([-1, -2147483648]);
      cases.push({ kind: 'room', label: `${slot.path.join('.')} = ${show(value)}`, input: put(model, root!, base, slot.path, value) });
      continue;
    }
    if (roll === 4 && rawRest.length) {
      cases.push(rawRest[((i / 6 + seed) % rawRest.length) | 0]);
      continue;
    }
    if (roll === 4 && wire === 'json') {
      const raw = RAW_BODIES[((i / 6 + seed) % RAW_BODIES.length) | 0];
      cases.push({ kind: 'raw', label: `body ${show(raw.toString()).slice(0, 60)}`, raw });
      continue;
    }
    const fault = root ? pickFault(model, operation, root, slots, base, wire, rand) : undefined;
    if (!fault) continue;
    const extras = roll % 2 === 0 ? withExtras(model, operation, root!, fault.input, slots, wire, rand) : fault.input;
    // An extra that reached the fault's own place would hide it: then the fault goes alone.
    const input = same(valueAt(extras, fault.path), valueAt(fault.input, fault.path)) ? extras : fault.input;
    cases.push({ kind: 'fault', label: fault.label + (input === fault.input ? '' : ' (with hostile extras)'), input });
  }
  return cases;
}

function slotsOf(model: ServiceModel, shape: Shape, path: Step[], depth: number): Slot[] {
  if (depth > 5 || shape.document) return [];
  const out: Slot[] = [];
  const add = (step: Step, name: string, target: Shape, required: boolean) => {
    const slot = { path: [...path, step], shape: target, name, required };
    out.push(slot);
    if (target.type === 'structure') out.push(...slotsOf(model, target, slot.path, depth + 1));
    if (target.type === 'list') add2(slot.path, name, shapeOf(model, target.member!.shape));
    if (target.type === 'map') add2(slot.path, name, shapeOf(model, target.value!.shape), 'fuzzkey');
  };
  const add2 = (at: Step[], name: string, item: Shape, key: Step = 0) => {
    const slot = { path: [...at, key], shape: item, name, required: false };
    out.push(slot);
    if (item.type === 'structure') out.push(...slotsOf(model, item, slot.path, depth + 1));
  };
  for (const [name, ref] of Object.entries(shape.members ?? {}))
    add(name, name, shapeOf(model, ref.shape), (shape.required ?? []).includes(name));
  return out;
}

/**
 * Whether `value` can travel in `slot` on the wire as the value itself (undefined: left out). On
 * REST-XML a top-level member sits in the path, query or a header unless it is the payload.
 */
function carriable(model: ServiceModel, operation: string, slot: Slot, value: unknown, wire: Wire): boolean {
  if (wire !== 'rest-xml') return true;
  const location = locationOf(model, operation, String(slot.path[0]));
  if (!location) return true;
  // A label or a route-deciding member left out (or empty) calls another operation.
  if (value === undefined || (location === 'uri' && value === '')) return false;
  const text = typeof value === 'string' ? value : String(value);
  if (text.length > MAX_WIRE_TEXT) return false;
  if (location !== 'header' && location !== 'headers') return true;
  const header = (shapeOf(model, model.operations[operation].input!.shape).members![slot.path[0]].locationName ?? '').toLowerCase();
  return !FRAMING_HEADERS.has(header) && !UNSENDABLE_IN_HEADER.test(text);
}

function pickFault(
  model: ServiceModel,
  operation: string,
  root: Shape,
  slots: Slot[],
  base: Record<string, unknown>,
  wire: Wire,
  rand: Rand,
) {
  const candidates: { label: string; path: Step[]; value: unknown }[] = [];
  for (const slot of slots) {
    for (const value of faults(model, slot.shape, wire)) {
      if (carriable(model, operation, slot, value, wire))
        candidates.push({ label: `${slot.path.join('.')} = ${show(value)}`, path: slot.path, value });
    }
    if (slot.required && valueAt(base, slot.path) !== undefined && carriable(model, operation, slot, undefined, wire)) {
      candidates.push({ label: `${slot.path.join('.')} missing`, path: slot.path, value: undefined });
      if (wire === 'json') candidates.push({ label: `${slot.path.join('.')} = null`, path: slot.path, value: null });
    }
  }
  if (!candidates.length) return undefined;
  const chosen = rand.pick(candidates);
  return { label: chosen.label, path: chosen.path, input: put(model, root, base, chosen.path, chosen.value) };
}

/** Adds prototype-named members and map keys, and hostile text in optional string members. */
function withExtras(
  model: ServiceModel,
  operation: string,
  root: Shape,
  input: Record<string, unknown>,
  slots: Slot[],
  wire: Wire,
  rand: Rand,
): Record<string, unknown> {
  let out = structuredCloneOwn(input) as Record<string, unknown>;
  defineOwn(out, rand.pick(PROTOTYPE_NAMES), rand.pick([{ polluted: 'yes' }, 'x', [1, 2]]));
  for (const slot of slots) {
    if (rand.next() > 0.3) continue;
    if (slot.shape.type === 'map' && !slot.required) {
      const map: Record<string, unknown> = {};
      defineOwn(map, rand.pick(PROTOTYPE_NAMES), sample(model, shapeOf(model, slot.shape.value!.shape)));
      out = put(model, root, out, slot.path, map, true);
    } else if (slot.shape.type === 'string' && !slot.required && !slot.shape.enum && wire !== 'query') {
      const text = rand.pick(['\x00\x01', 'a\ud800', 'y'.repeat(20_000), ...PROTOTYPE_NAMES]);
      if (carriable(model, operation, slot, text, wire)) out = put(model, root, out, slot.path, text, true);
    }
  }
  return out;
}

/** Sets an own property, even one named __proto__, so JSON.stringify sends it. */
function defineOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function valueAt(input: unknown, path: Step[]): unknown {
  let at: any = input;
  for (const step of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, step)) return undefined;
    at = at[step];
  }
  return at;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A copy of `input` with `value` at `path` (undefined removes it). Containers missing on the way
 * are filled with a sample, so the value is the input's only fault. With `keep`, a slot already
 * holding a value is left alone, so an extra never hides the fault.
 */
function put(
  model: ServiceModel,
  root: Shape,
  input: Record<string, unknown>,
  path: Step[],
  value: unknown,
  keep = false,
): Record<string, unknown> {
  const out = structuredCloneOwn(input) as Record<string, unknown>;
  let at: any = out;
  let shape = root;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i];
    shape = childShape(model, shape, step);
    if (at[step] === undefined || at[step] === null || typeof at[step] !== 'object') {
      if (keep && at[step] !== undefined) return out;
      at[step] = shape.type === 'list' ? [] : shape.type === 'structure' ? sample(model, shape) : {};
    }
    at = at[step];
  }
  const last = path[path.length - 1];
  if (keep && at[last] !== undefined) return out;
  if (value === undefined) delete at[last];
  else defineOwn(at, String(last), value);
  return out;
}

function childShape(model: ServiceModel, shape: Shape, step: Step): Shape {
  if (shape.type === 'list') return shapeOf(model, shape.member!.shape);
  if (shape.type === 'map') return shapeOf(model, shape.value!.shape);
  return shapeOf(model, shape.members![step as string].shape);
}

/** A deep copy that keeps an own `__proto__` member as a member (structuredClone would drop it). */
function structuredCloneOwn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneOwn);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) defineOwn(out, key, structuredCloneOwn((value as Record<string, unknown>)[key]));
  return out;
}
