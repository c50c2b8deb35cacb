/**
 * Hostile input against every operation of every API Slipway serves (see README.md here): no
 * reply is a 5xx, none hangs, each parses in the API's own protocol, a fault the model forbids
 * is refused by validation, and the store is unchanged after every request.
 *
 *   SLIPWAY_FUZZ_ROOM=ecs           only the API whose model key is ecs (ecr, codebuild, elbv2, s3, …)
 *   SLIPWAY_FUZZ_OPERATION=Create   only operations whose name contains the text
 *   SLIPWAY_FUZZ_SEED=7             another fixed seed (default 20261206)
 *   SLIPWAY_FUZZ_CASES=20           cases per operation (default 20)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApiService } from '../../src/protocol/types.ts';
import { casesFor, type FuzzCase } from '../support/fuzz-cases.ts';
import { reachable, restXmlFixture } from '../support/fuzz-restxml.ts';
import { changedTables, encode, send, servedApis, storeChecksum } from '../support/fuzz-wire.ts';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const SEED = Number(process.env.SLIPWAY_FUZZ_SEED ?? 20261206);
const CASES = Number(process.env.SLIPWAY_FUZZ_CASES ?? 20);
/** A hang detector, not a performance bound: far above any reply on a loaded machine. */
const HANG_MS = 30_000;

const apis = servedApis().filter((api) => !process.env.SLIPWAY_FUZZ_ROOM || api.model.key === process.env.SLIPWAY_FUZZ_ROOM);
const PROTOTYPE_OPERATIONS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', ''];

let slipway: TestSlipway;
before(async () => {
  slipway = await startTestSlipway();
  // S3's cases name a bucket and object that exist, so that they reach past NoSuchBucket.
  for (const api of apis.filter((a) => a.model.metadata.protocol === 'rest-xml')) {
    for (const { operation, c } of restXmlFixture(api.model)) {
      const reply = await send(slipway.endpoint, encode(api, operation, c), 'rest-xml', HANG_MS);
      assert.equal(reply.status, 200, `${c.label}: ${reply.text}`);
    }
  }
});
after(async () => {
  await slipway?.close();
});

function seedOf(text: string): number {
  let h = SEED >>> 0;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** Sends one case and checks the reply and the store; returns what went wrong, if anything. */
async function attempt(api: ApiService, operation: string, c: FuzzCase): Promise<string | undefined> {
  const before = storeChecksum(slipway.app.ctx.store);
  let reply;
  try {
    reply = await send(slipway.endpoint, encode(api, operation, c), api.model.metadata.protocol, HANG_MS);
  } catch (err) {
    return `no reply: ${(err as Error).message}`;
  }
  const changed = changedTables(before, storeChecksum(slipway.app.ctx.store));
  const served = typeof api.handlers[operation] === 'function' && Object.hasOwn(api.handlers, operation);
  const problems: string[] = [];
  const unimplemented = reply.status === 501 && reply.code === 'NotImplemented' && !served;
  if (reply.status >= 500 && !unimplemented) problems.push(`answered ${reply.status}`);
  if (reply.unreadable) problems.push(`reply unreadable (${reply.unreadable})`);
  if (changed.length) problems.push(`wrote to ${changed.join(', ')}`);
  if (c.kind !== 'room' && !unimplemented && reply.status < 400) problems.push(`accepted (${reply.status})`);
  if (c.kind === 'fault' && served && reply.status < 500 && !reply.headless && !Object.values(api.validation).includes(reply.code ?? '')) {
    problems.push(`refused with ${reply.code}, not by validation`);
  }
  // A HEAD reply carries no code; validation's refusal is a 400 all the same.
  if (c.kind === 'fault' && served && reply.headless && reply.status !== 400)
    problems.push(`refused with ${reply.status}, not by validation`);
  if (!problems.length) return undefined;
  return `${problems.join('; ')} — ${reply.status} ${reply.text.slice(0, 300)}`;
}

for (const api of apis) {
  const protocol = api.model.metadata.protocol;
  describe(`${api.model.key} (${protocol}) under hostile input`, () => {
    test('operation names that are properties of every object are unknown operations', async () => {
      const failures: string[] = [];
      for (const name of PROTOTYPE_OPERATIONS) {
        const problem = await attempt(api, name, { kind: 'raw', label: `operation '${name}'`, input: {} });
        if (problem) failures.push(`${api.model.key}.(operation) [raw] operation '${name}': ${problem}`);
      }
      assert.deepEqual(failures, []);
    });

    const operations = Object.keys(api.model.operations).filter((op) => op.includes(process.env.SLIPWAY_FUZZ_OPERATION ?? ''));
    for (const operation of operations) {
      const skip = protocol === 'rest-xml' && !reachable(api.model, operation) && 'shares its method and path with another operation here';
      test(operation, { skip }, async () => {
        // EC2's dialect carries values as Query does.
        const wire = protocol === 'query' || protocol === 'ec2' ? 'query' : protocol === 'rest-xml' ? protocol : 'json';
        const failures: string[] = [];
        for (const c of casesFor(api.model, operation, wire, CASES, seedOf(`${api.model.key}.${operation}`))) {
          const problem = await attempt(api, operation, c);
          if (problem) failures.push(`${api.model.key}.${operation} [${c.kind}] ${c.label}: ${problem}`);
        }
        assert.deepEqual(failures, [], `${api.model.key} ${operation} (seed ${SEED})`);
      });
    }
  });
}
