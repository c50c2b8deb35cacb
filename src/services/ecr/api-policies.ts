/**
 * @module services/ecr/api-policies
 * A repository's two policies. Lifecycle policies are validated, stored, applied within seconds
 * (lifecycle.ts) and previewable. Repository (permission) policies are validated and stored;
 * Slipway does not enforce them yet, as it does not authenticate API callers yet.
 */
import { logger } from '../../core/log.ts';
import type { Handlers, RequestContext } from '../../protocol/types.ts';
import { listPage, refusePagingWithIds, repositoryFor } from './api-common.ts';
import type { EcrContext } from './context.ts';
import { ecrError } from './errors.ts';
import { applyLifecyclePolicies, expiringNow, validateLifecyclePolicy } from './lifecycle.ts';
import type { RepositoryRecord } from './model.ts';
import type { EcrOperations, LifecyclePolicyPreviewResult } from './shapes.ts';

const log = logger('ecr.policies');

/** A repository policy must be an IAM policy document: JSON with one or more statements. */
function validateRepositoryPolicy(text: string): void {
  const invalid = (problem: string): never => {
    throw ecrError.invalidParameter('PolicyText', `Invalid repository policy provided: ${problem}`);
  };
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch (err) {
    invalid(`it is not valid JSON (${(err as Error).message})`);
  }
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) invalid('it must be a JSON object');
  const statement = (policy as Record<string, unknown>).Statement;
  const statements = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  if (statements.length === 0) invalid('it must have a Statement');
  statements.forEach((s, i) => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) invalid(`Statement ${i + 1} must be an object`);
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') invalid(`Statement ${i + 1} needs Effect "Allow" or "Deny"`);
    if (st.Principal === undefined && st.NotPrincipal === undefined)
      invalid(`Statement ${i + 1} needs a Principal (a repository policy is resource-based)`);
    if (st.Action === undefined && st.NotAction === undefined) invalid(`Statement ${i + 1} needs an Action`);
  });
}

export function policyHandlers(ecr: EcrContext): Handlers<EcrOperations> {
  const m = ecr.model;

  /** Reads, changes and saves the repository in one transaction; returns the record as it was and as saved. */
  const update = (
    ctx: RequestContext,
    input: { repositoryName: string; registryId?: string },
    change: (r: RepositoryRecord) => RepositoryRecord,
  ) =>
    m.tx(() => {
      const previous = repositoryFor(ecr, ctx, input);
      const saved = change(structuredClone(previous));
      m.putRepository(saved);
      return { previous, saved };
    });

  return {
    PutLifecyclePolicy(input, ctx) {
      validateLifecyclePolicy(input.lifecyclePolicyText);
      const repo = update(ctx, input, (r) => ({
        ...r,
        lifecyclePolicyText: input.lifecyclePolicyText,
        lifecyclePolicyUpdatedAt: ecr.clock.now(),
      })).saved;
      // ECR acts within a day; here the images it expires go now, after the reply.
      setImmediate(() =>
        applyLifecyclePolicies(ecr, repo.repository.repositoryArn).catch((err) =>
          log.warn(`applying the lifecycle policy of ${repo.repository.repositoryName} failed: ${err}`),
        ),
      );
      return {
        registryId: repo.repository.registryId,
        repositoryName: repo.repository.repositoryName,
        lifecyclePolicyText: input.lifecyclePolicyText,
      };
    },

    GetLifecyclePolicy(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      if (!repo.lifecyclePolicyText) throw ecrError.lifecyclePolicyNotFound(repo);
      return {
        registryId: repo.repository.registryId,
        repositoryName: repo.repository.repositoryName,
        lifecyclePolicyText: repo.lifecyclePolicyText,
        ...(repo.lifecycleEvaluatedAt ? { lastEvaluatedAt: repo.lifecycleEvaluatedAt } : {}),
      };
    },

    DeleteLifecyclePolicy(input, ctx) {
      const { previous: removed } = update(ctx, input, (r) => {
        if (!r.lifecyclePolicyText) throw ecrError.lifecyclePolicyNotFound(r);
        const { lifecyclePolicyText: _text, lifecyclePolicyUpdatedAt: _at, lifecycleEvaluatedAt: _evaluated, ...rest } = r;
        return rest;
      });
      return {
        registryId: removed.repository.registryId,
        repositoryName: removed.repository.repositoryName,
        lifecyclePolicyText: removed.lifecyclePolicyText,
        ...(removed.lifecycleEvaluatedAt ? { lastEvaluatedAt: removed.lifecycleEvaluatedAt } : {}),
      };
    },

    StartLifecyclePolicyPreview(input, ctx) {
      const current = repositoryFor(ecr, ctx, input);
      const text = input.lifecyclePolicyText ?? current.lifecyclePolicyText;
      if (!text) throw ecrError.lifecyclePolicyNotFound(current);
      const policy = validateLifecyclePolicy(text);
      // Evaluated at once against the images as they are now; GetLifecyclePolicyPreview shows it.
      const expiring = expiringNow(ecr, current.repository.repositoryArn, policy);
      const repo = update(ctx, input, (r) => ({
        ...r,
        lifecyclePreview: { status: 'COMPLETE', lifecyclePolicyText: text, expiring },
      })).saved;
      // ECR answers IN_PROGRESS and completes later; the waiter and every caller poll Get for COMPLETE.
      return {
        registryId: repo.repository.registryId,
        repositoryName: repo.repository.repositoryName,
        lifecyclePolicyText: text,
        status: 'IN_PROGRESS',
      };
    },

    GetLifecyclePolicyPreview(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      const preview = repo.lifecyclePreview;
      if (!preview) {
        throw ecrError.lifecyclePolicyPreviewNotFound(repo);
      }
      const ids = input.imageIds ?? [];
      refusePagingWithIds('imageIds', ids.length > 0, input);
      // Asked-for images that the policy does not expire simply have no result.
      const asked = (e: { digest: string; tags: string[] }) =>
        ids.some((id) => (!id.imageDigest || e.digest === id.imageDigest) && (!id.imageTag || e.tags.includes(id.imageTag)));
      let expiring = ids.length ? preview.expiring.filter(asked) : preview.expiring;
      const status = input.filter?.tagStatus;
      expiring = expiring.filter((e) => (status === 'TAGGED' ? e.tags.length > 0 : status === 'UNTAGGED' ? e.tags.length === 0 : true));
      const results: LifecyclePolicyPreviewResult[] = expiring.map((e) => ({
        ...(e.tags.length ? { imageTags: e.tags } : {}),
        imageDigest: e.digest,
        imagePushedAt: e.pushedAt,
        action: { type: 'EXPIRE' },
        appliedRulePriority: e.rulePriority,
      }));
      const page = listPage(results, input, { kind: 'preview', maxSize: 100 });
      return {
        registryId: repo.repository.registryId,
        repositoryName: repo.repository.repositoryName,
        lifecyclePolicyText: preview.lifecyclePolicyText,
        status: preview.status as 'COMPLETE',
        previewResults: page.items,
        nextToken: page.next,
        summary: { expiringImageTotalCount: preview.expiring.length },
      };
    },

    SetRepositoryPolicy(input, ctx) {
      validateRepositoryPolicy(input.policyText);
      const repo = update(ctx, input, (r) => ({ ...r, policyText: input.policyText })).saved;
      return { registryId: repo.repository.registryId, repositoryName: repo.repository.repositoryName, policyText: input.policyText };
    },

    GetRepositoryPolicy(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      if (!repo.policyText) throw ecrError.repositoryPolicyNotFound(repo);
      return { registryId: repo.repository.registryId, repositoryName: repo.repository.repositoryName, policyText: repo.policyText };
    },

    DeleteRepositoryPolicy(input, ctx) {
      const { previous } = update(ctx, input, (r) => {
        if (!r.policyText) throw ecrError.repositoryPolicyNotFound(r);
        const { policyText: _text, ...rest } = r;
        return rest;
      });
      return {
        registryId: previous.repository.registryId,
        repositoryName: previous.repository.repositoryName,
        policyText: previous.policyText,
      };
    },
  };
}
