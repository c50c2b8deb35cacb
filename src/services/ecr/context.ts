/**
 * @module services/ecr/context
 * What every part of the ECR room shares.
 */
import type { AppContext } from '../types.ts';
import type { BlobStore } from './blobs.ts';
import type { EcrModel } from './model.ts';
import type { Turns } from '../../core/turns.ts';

export interface EcrContext extends AppContext {
  model: EcrModel;
  blobs: BlobStore;
  /** Lifecycle runs, which take turns per repository ARN: a push and the sweep may ask at once (lifecycle.ts). */
  lifecycleRuns: Turns;
}

/**
 * The registry's address as Docker sees it: <host>:<port>. On loopback it is 127.0.0.1:<port>,
 * which Docker treats as a plain-HTTP registry with no daemon configuration.
 */
export function registryHost(ctx: AppContext): string {
  const configured = ctx.config.registryHost;
  if (configured) return configured.includes(':') ? configured : `${configured}:${ctx.edge.port}`;
  const host = ctx.config.host === '0.0.0.0' || ctx.config.host === '::' || ctx.config.host === 'localhost' ? '127.0.0.1' : ctx.config.host;
  return `${host}:${ctx.edge.port}`;
}
