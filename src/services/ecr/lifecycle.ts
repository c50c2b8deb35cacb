/**
 * @module services/ecr/lifecycle
 * Applying lifecycle policies: housekeeping calls `applyLifecyclePolicies` soon after each push and
 * on a timer (ECR itself acts within 24 hours; here it is seconds). Each run reads the repository's
 * images as they are now, evaluates the policy and deletes what it expires through the registry's
 * own deleteImage, so tags, events and blob references stay consistent with a DELETE over /v2/.
 */
import { DAY_MS } from '../../core/clock.ts';
import { logger } from '../../core/log.ts';
import type { EcrContext } from './context.ts';
import {
  evaluateLifecyclePolicy,
  validateLifecyclePolicy,
  type ExpiringImage,
  type LifecycleImage,
  type LifecyclePolicy,
} from './lifecycle-policy.ts';
import { deleteImage } from './manifests.ts';
import type { RepositoryRecord } from './model.ts';

export { evaluateLifecyclePolicy, validateLifecyclePolicy } from './lifecycle-policy.ts';
export type { ExpiringImage, LifecycleImage, LifecyclePolicy, LifecycleRule } from './lifecycle-policy.ts';

const log = logger('ecr.lifecycle');

/** The repository's images as the evaluator sees them. */
export function lifecycleImages(ecr: EcrContext, repositoryArn: string): LifecycleImage[] {
  return ecr.model.images.find({ repo: repositoryArn }).map((image) => ({
    digest: image.digest,
    tags: ecr.model.tagsOf(repositoryArn, image.digest),
    pushedAt: image.pushedAt,
    lastPulledAt: image.lastPulledAt,
  }));
}

/** What the policy would expire in the repository right now (previews and real runs alike). */
export function expiringNow(ecr: EcrContext, repositoryArn: string, policy: LifecyclePolicy): ExpiringImage[] {
  return evaluateLifecyclePolicy(policy, lifecycleImages(ecr, repositoryArn), ecr.clock.now(), ecr.clock.duration(DAY_MS));
}

/** Applies the lifecycle policy of one repository, or of every repository that has one; runs of one repository never overlap. */
export async function applyLifecyclePolicies(ecr: EcrContext, repositoryArn?: string): Promise<void> {
  const repositories = repositoryArn
    ? [ecr.model.repositories.get(repositoryArn)].filter((r): r is RepositoryRecord => r !== undefined)
    : ecr.model.repositories.find();
  for (const record of repositories) {
    if (!record.lifecyclePolicyText) continue;
    const arn = record.repository.repositoryArn;
    await ecr.lifecycleRuns.take(arn, () => applyOne(ecr, arn));
  }
}

async function applyOne(ecr: EcrContext, repositoryArn: string): Promise<void> {
  // Re-read: the policy or the repository may have changed while an earlier run held the turn.
  const record = ecr.model.repositories.get(repositoryArn);
  if (!record?.lifecyclePolicyText) return;
  let policy: LifecyclePolicy;
  try {
    policy = validateLifecyclePolicy(record.lifecyclePolicyText);
  } catch (err) {
    // Stored policies were validated when put; one that no longer parses is skipped, not fatal.
    log.warn(`skipping the lifecycle policy of ${repositoryArn}: ${(err as Error).message}`);
    return;
  }
  const expiring = expiringNow(ecr, repositoryArn, policy);
  for (const image of expiring) {
    if (!ecr.model.image(repositoryArn, image.digest)) continue;
    log.info(
      `lifecycle rule ${image.rulePriority} expires ${record.repository.repositoryName}@${image.digest}${image.tags.length ? ` (${image.tags.join(', ')})` : ''}`,
    );
    await deleteImage(ecr, record, image.digest);
  }
  ecr.model.tx(() => {
    const current = ecr.model.repositories.get(repositoryArn);
    if (!current || current.lifecyclePolicyText !== record.lifecyclePolicyText) return;
    current.lifecycleEvaluatedAt = ecr.clock.now();
    ecr.model.putRepository(current);
  });
}
