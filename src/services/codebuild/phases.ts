/**
 * @module services/codebuild/phases
 * A build's phases as BatchGetBuilds shows them while they happen: the phase under way has a start
 * time and no status; a finished one has its status, end time, whole-second duration and contexts;
 * COMPLETED has only a start time. Pure functions over the Build shape.
 */
import type { Build, BuildPhase, BuildPhaseType, PhaseContext, StatusType } from './shapes.ts';

export const PHASE_ORDER: BuildPhaseType[] = [
  'SUBMITTED',
  'QUEUED',
  'PROVISIONING',
  'DOWNLOAD_SOURCE',
  'INSTALL',
  'PRE_BUILD',
  'BUILD',
  'POST_BUILD',
  'UPLOAD_ARTIFACTS',
  'FINALIZING',
  'COMPLETED',
];

export function currentPhase(build: Build): BuildPhase | undefined {
  const last = build.phases?.[build.phases.length - 1];
  return last && !last.phaseStatus && last.phaseType !== 'COMPLETED' ? last : undefined;
}

/** Ends the phase under way (if any) and starts `type`. */
export function beginPhase(build: Build, type: BuildPhaseType, now: number): void {
  const open = currentPhase(build);
  if (open) finish(open, 'SUCCEEDED', now);
  const phase: BuildPhase = { phaseType: type, startTime: now };
  build.phases = [...(build.phases ?? []), phase];
  build.currentPhase = type;
}

/** Ends the phase under way with `status`; a context says why it did not succeed. */
export function endPhase(build: Build, status: StatusType, now: number, context?: PhaseContext): void {
  const open = currentPhase(build);
  if (open) finish(open, status, now, context);
}

function finish(phase: BuildPhase, status: StatusType, now: number, context?: PhaseContext): void {
  phase.phaseStatus = status;
  phase.endTime = Math.max(now, phase.startTime ?? now);
  phase.durationInSeconds = Math.round((phase.endTime - (phase.startTime ?? now)) / 1000);
  phase.contexts = context ? [context] : (phase.contexts ?? []);
}

/** The build's final status from its phases and how it ended. */
export function finalStatus(build: Build, ended?: 'STOPPED' | 'TIMED_OUT' | 'FAULT'): StatusType {
  if (ended) return ended;
  return (build.phases ?? []).some((p) => p.phaseStatus && p.phaseStatus !== 'SUCCEEDED') ? 'FAILED' : 'SUCCEEDED';
}

/** FINALIZING ran: COMPLETED closes the build. */
export function complete(build: Build, status: StatusType, now: number): void {
  endPhase(build, 'SUCCEEDED', now);
  build.phases = [...(build.phases ?? []), { phaseType: 'COMPLETED', startTime: now }];
  build.currentPhase = 'COMPLETED';
  build.buildStatus = status;
  build.buildComplete = true;
  build.endTime = now;
}
