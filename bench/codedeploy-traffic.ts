/**
 * How weight steps reach the traffic: a client that asks a listener for its version every few ms
 * (bounded in count and time), a watcher of the listener's rules, and when each step the rules
 * showed was first served: the most likely change point of the answers between the old share
 * and the new. A step to 100% ends at the last old answer, one from 0% at the first new answer
 * (which at a 10% share comes some ten requests late on average); a step between is blurred by
 * chance over a few hundred ms.
 */
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { Agent } from 'node:http';
import { get } from '../test/support/elb.ts';

/** Pause between the traffic client's requests, and between looks at the listener's rules. */
export const SAMPLE_GAP_MS = 2;
export const RULES_POLL_MS = 20;
/** Upper bound on the traffic client's requests per deployment. */
const MAX_SAMPLES = 100_000;

export interface Sample {
  t: number;
  /** Answered by the version being deployed. */
  fresh: boolean;
}

export interface Step {
  /** When the listener's rules first showed this share (ms since the epoch). */
  t: number;
  percent: number;
}

export const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Each step's gap from the rules showing it to HAProxy serving it: `edge` steps (from 0% or to
 * 100%: a first new or last old answer marks them), the `middle` ones, and how many were never seen.
 */
export function stepGaps(samples: Sample[], steps: Step[], began: number) {
  const out = { edge: [] as number[], middle: [] as number[], unseen: 0 };
  for (const [k, step] of steps.entries()) {
    const from = steps[k - 1]?.percent ?? 0;
    const window = samples.filter((s) => s.t >= (steps[k - 1]?.t ?? began) && s.t < (steps[k + 1]?.t ?? Infinity));
    const served = changePoint(window, from, step.percent);
    if (served === undefined) out.unseen++;
    else (from === 0 || step.percent === 100 ? out.edge : out.middle).push(served - step.t);
  }
  return out;
}

/**
 * When the answers moved from `fromPercent` to `toPercent` new: the split that makes the samples
 * most likely (undefined when no split beats "never").
 */
function changePoint(samples: Sample[], fromPercent: number, toPercent: number): number | undefined {
  const p = (percent: number) => Math.min(1 - 1e-6, Math.max(1e-6, percent / 100));
  const logLikelihood = (fresh: boolean, q: number) => Math.log(fresh ? q : 1 - q);
  const [before, after] = [p(fromPercent), p(toPercent)];
  // Everything under the new share, then the split moved right one sample at a time.
  let score = samples.reduce((sum, s) => sum + logLikelihood(s.fresh, after), 0);
  let best = { score, t: samples[0]?.t as number | undefined };
  for (const [i, s] of samples.entries()) {
    score += logLikelihood(s.fresh, before) - logLikelihood(s.fresh, after);
    if (score > best.score) best = { score, t: samples[i + 1]?.t };
  }
  return best.t;
}

/** How far the rules fell behind the config's schedule, counted from the first step. */
export function rulesLateMs(steps: Step[], plan: { afterMinutes: number }[], minuteMs: number): number {
  let due = steps[0].t;
  let late = 0;
  for (let k = 1; k < steps.length; k++) {
    due += plan[k].afterMinutes * minuteMs;
    late = Math.max(late, steps[k].t - due);
  }
  return late;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Asks `url` one request at a time, every few ms, until stopped or bounded; which answers are `fresh`. */
export function sampleTraffic(url: string, fresh: string, timeoutMs: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out = { list: [] as Sample[], failed: 0, firstError: '' };
  const deadline = now() + timeoutMs;
  let running = true;
  const loop = (async () => {
    while (running && out.list.length < MAX_SAMPLES && now() < deadline) {
      try {
        const r = await get(url, { agent });
        if (r.status === 200) out.list.push({ t: now(), fresh: r.body === fresh });
        else {
          out.failed++;
          out.firstError ||= ` (first: HTTP ${r.status})`;
        }
      } catch (err) {
        out.failed++;
        out.firstError ||= ` (first: ${(err as Error).message})`;
      }
      await sleep(SAMPLE_GAP_MS);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return out;
    },
  };
}

/** Polls the listener's rules; each change of the share its weighted forward gives `group`. */
export function watchRules(elb: E.ElasticLoadBalancingV2Client, listenerArn: string, group: string, timeoutMs: number) {
  const steps: Step[] = [];
  const deadline = now() + timeoutMs;
  let running = true;
  let last: number | undefined;
  const loop = (async () => {
    while (running && now() < deadline) {
      const action = await elb.send(new E.DescribeListenersCommand({ ListenerArns: [listenerArn] })).then(
        (out) => out.Listeners![0].DefaultActions![0],
        () => undefined,
      );
      if (action) {
        const weights = action.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }];
        const total = weights.reduce((sum, w) => sum + (w.Weight ?? 1), 0);
        const percent = Math.round((100 * (weights.find((w) => w.TargetGroupArn === group)?.Weight ?? 0)) / (total || 1));
        if (last !== undefined && percent !== last) steps.push({ t: now(), percent });
        last = percent;
      }
      await sleep(RULES_POLL_MS);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return steps;
    },
  };
}
