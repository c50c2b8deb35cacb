/**
 * @module services/elb/health-checker
 * Slipway's own health checks: an HTTP GET per target of every target group a listener uses, on
 * the group's path, port, interval, timeout and matcher (intervals and timeouts through the clock,
 * so SLIPWAY_TIME_SCALE shortens them). Each result goes through health.ts; a change of state or
 * reason is written to the target's record and reported, which wakes the data plane sync. Runs on
 * core's reconcile controller, one key per target.
 */
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { Clock } from '../../core/clock.ts';
import { logger } from '../../core/log.ts';
import { Controller, type ReconcileResult } from '../../core/reconcile.ts';
import { HEALTH_DEFAULTS, initialHealth, judge, parseMatcher, type Probe, type Streak } from './health.ts';
import { targetKey, type ElbModel, type TargetRecord } from './model.ts';
import type { TargetGroup } from './shapes.ts';
import { targetAddress } from './targets.ts';

const log = logger('elb.health');

/** Targets probed at the same time (each waits on its target, not on the CPU). */
const CONCURRENCY = 64;

/** One key per checked target (its target key): a run probes it once and asks to run again an interval later. */
export class HealthChecker {
  private readonly controller: Controller;
  /** The targets being checked, with their current streak of passes and fails. */
  private readonly streaks = new Map<string, Streak>();
  private stopped = false;

  constructor(private readonly deps: { model: ElbModel; clock: Clock; onChange(t: TargetRecord): void }) {
    this.controller = new Controller({ name: 'elb.health', concurrency: CONCURRENCY, reconcile: (key) => this.check(key) });
  }

  /** Starts checking new targets, stops checking gone ones; targets of unused groups go back to initial. */
  refresh(): void {
    if (this.stopped) return;
    const { model } = this.deps;
    const used = model.usage();
    const groups = new Map(model.targetGroups.find().map((r) => [r.tg.TargetGroupArn, r.tg]));
    const wanted = new Set<string>();
    for (const t of model.targets.find()) {
      const key = targetKey(t.targetGroupArn, t.id, t.port);
      const tg = groups.get(t.targetGroupArn);
      if (!tg || t.drainingSince !== undefined) continue;
      if (!used.has(t.targetGroupArn)) {
        if (t.health.state !== 'initial' || t.health.reason !== 'Elb.RegistrationInProgress') {
          model.updateTarget(key, (r) => (r.health = initialHealth(this.deps.clock.now())));
        }
        continue;
      }
      if (tg.HealthCheckEnabled === false) continue;
      wanted.add(key);
      if (!this.streaks.has(key)) {
        this.streaks.set(key, { passes: 0, fails: 0 });
        this.controller.enqueue(key);
      }
    }
    // A target no longer wanted is dropped here; its next run finds it gone and asks for no other.
    for (const key of this.streaks.keys()) if (!wanted.has(key)) this.streaks.delete(key);
  }

  /** Stops checking (a probe under way is left to end on its own). */
  stop(): void {
    this.stopped = true;
    this.streaks.clear();
    void this.controller.stop(0);
  }

  private async check(key: string): Promise<ReconcileResult> {
    const streak = this.streaks.get(key);
    if (!streak || this.stopped) return {};
    const { model, clock } = this.deps;
    const target = model.targets.get(key);
    const tg = target && model.targetGroups.get(target.targetGroupArn)?.tg;
    if (!target || !tg || target.drainingSince !== undefined) {
      this.streaks.delete(key);
      return {};
    }
    const started = Date.now();
    const interval = clock.duration((tg.HealthCheckIntervalSeconds ?? HEALTH_DEFAULTS.HealthCheckIntervalSeconds) * 1000);
    try {
      const probe = await probeTarget(target, tg, clock);
      const fresh = model.targets.get(key);
      if (!fresh || fresh.drainingSince !== undefined || this.streaks.get(key) !== streak) return {};
      const judged = judge(fresh.health, streak, probe, tg);
      if (judged.state !== fresh.health.state || judged.reason !== fresh.health.reason) {
        const updated = model.updateTarget(key, (r) => (r.health = { ...judged, since: clock.now() }));
        if (updated) {
          log.debug(
            `${target.id}:${target.port} in ${tg.TargetGroupName}: ${fresh.health.state} → ${judged.state}${judged.reason ? ` (${judged.reason})` : ''}`,
          );
          this.deps.onChange(updated);
        }
      }
    } catch (err) {
      log.warn(`health check of ${target.id}:${target.port} failed to run`, err);
    }
    return { requeueAfterMs: Math.max(10, interval - (Date.now() - started)) };
  }
}

/** One health check: GET path on the target's health-check port, over HTTP or HTTPS; the matcher decides. */
export function probeTarget(target: TargetRecord, tg: TargetGroup, clock: Clock): Promise<Probe> {
  const nominal = (tg.HealthCheckTimeoutSeconds ?? HEALTH_DEFAULTS.HealthCheckTimeoutSeconds) * 1000;
  // Scaled like every wait, but a check on a busy machine still gets up to a second.
  const timeout = Math.max(clock.duration(nominal), Math.min(nominal, 1000));
  const portText = tg.HealthCheckPort ?? 'traffic-port';
  const port = portText === 'traffic-port' ? target.port : Number(portText);
  const host = targetAddress(target.id);
  const matches = parseMatcher(tg.Matcher?.HttpCode ?? HEALTH_DEFAULTS.Matcher.HttpCode);
  return new Promise((resolve) => {
    let settled = false;
    const done = (p: Probe) => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve(p);
    };
    // Like ALB, an HTTPS check does not verify the target's certificate (targets often use self-signed ones).
    const tls = tg.HealthCheckProtocol === 'HTTPS';
    const req = (tls ? httpsRequest : request)(
      {
        host,
        port,
        ...(tls ? { rejectUnauthorized: false, servername: isIP(host) ? undefined : host } : {}),
        path: tg.HealthCheckPath ?? HEALTH_DEFAULTS.HealthCheckPath,
        method: 'GET',
        agent: false,
        headers: { 'User-Agent': 'ELB-HealthChecker/2.0', Host: `${host.includes(':') ? `[${host}]` : host}:${port}`, Connection: 'close' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        done(
          matches(status)
            ? { ok: true }
            : { ok: false, reason: 'Target.ResponseCodeMismatch', description: `Health checks failed with these codes: [${status}]` },
        );
      },
    );
    const timer = setTimeout(() => done({ ok: false, reason: 'Target.Timeout', description: 'Request timed out' }), timeout);
    req.once('close', () => clearTimeout(timer));
    req.once('error', () => done({ ok: false, reason: 'Target.FailedHealthChecks', description: 'Health checks failed' }));
    req.end();
  });
}
