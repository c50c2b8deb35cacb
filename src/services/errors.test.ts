/**
 * Every room's error catalogue kept honest, as Fastify keeps its error list: each code a catalogue
 * produces is one its service's model declares (or one AWS documents for every service), each
 * entry is used by the room, and no file of the room builds an AwsError of its own. A room joins
 * by having an errors.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AwsError } from '../core/errors.ts';
import { errorShape, loadModel } from '../protocol/model.ts';

/** AWS's common errors (documented for every service's API) that a catalogue may use beyond its model. */
const COMMON_ERRORS = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'InvalidClientTokenId',
  'InvalidParameterCombination',
  'InvalidParameterValue',
  'MissingParameter',
  'ThrottlingException',
  'ValidationError',
]);

const servicesDir = fileURLToPath(new URL('./', import.meta.url));
const rooms = readdirSync(servicesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(servicesDir, d.name, 'errors.ts')))
  .map((d) => d.name)
  .sort();

/** The room's source files (tests aside), by name. */
function sources(room: string): Map<string, string> {
  const dir = join(servicesDir, room);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  return new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** The models the room serves, as its index.ts loads them. */
function modelsOf(room: string): string[] {
  const index = readFileSync(join(servicesDir, room, 'index.ts'), 'utf8');
  return [...index.matchAll(/loadModel\('([\w-]+)'\)/g)].map((m) => m[1]);
}

type Entry = (...args: unknown[]) => unknown;

/** The exported catalogues: objects whose every member builds an error. */
async function catalogues(room: string): Promise<Map<string, Entry>> {
  const exports = (await import(pathToFileURL(join(servicesDir, room, 'errors.ts')).href)) as Record<string, unknown>;
  const entries = new Map<string, Entry>();
  for (const value of Object.values(exports)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const members = Object.entries(value);
    if (members.length && members.every(([, m]) => typeof m === 'function')) for (const [key, fn] of members) entries.set(key, fn as Entry);
  }
  return entries;
}

/** Stands in for any argument: every property and call gives itself back, and it prints as 'x'. */
const anything: any = new Proxy(() => {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => 'x' : key === Symbol.iterator ? function* () {} : anything),
  apply: () => anything,
});

describe('error catalogues', () => {
  it(`are checked in every room that has one (${rooms.join(', ')}), elb and ecr among them`, () => {
    for (const room of ['elb', 'ecr']) assert.ok(rooms.includes(room), `${room} has an errors.ts`);
  });

  for (const room of rooms) {
    describe(room, () => {
      it("produces only codes of the room's model or AWS's common errors", async () => {
        const models = modelsOf(room).map(loadModel);
        assert.ok(models.length, `${room}/index.ts loads its model`);
        const entries = await catalogues(room);
        assert.ok(entries.size, `${room}/errors.ts exports a catalogue`);
        for (const [key, build] of entries) {
          const error = build(...Array.from({ length: Math.max(build.length, 4) }, () => anything));
          assert.ok(error instanceof AwsError, `${room} ${key} builds an AwsError`);
          const known = COMMON_ERRORS.has(error.code) || models.some((m) => errorShape(m, error.code));
          assert.ok(known, `${room} ${key}: '${error.code}' is in neither ${modelsOf(room).join(', ')} nor the common errors`);
        }
      });

      it('has every entry used by the room', async () => {
        // Entries are defined as `key: …`, used as `….key`; errors.ts may use one entry in another.
        const text = [...sources(room)].map(([, source]) => source).join('\n');
        const unused = [...(await catalogues(room)).keys()].filter((key) => !new RegExp(`\\.${key}\\b`).test(text));
        assert.deepEqual(unused, [], `${room}/errors.ts entries nothing uses`);
      });

      it('builds AwsErrors only in errors.ts', () => {
        const elsewhere = [...sources(room)]
          .filter(([file, source]) => file !== 'errors.ts' && source.includes('new AwsError('))
          .map(([file]) => file);
        assert.deepEqual(elsewhere, [], `${room} files that construct an AwsError outside errors.ts`);
      });
    });
  }
});
