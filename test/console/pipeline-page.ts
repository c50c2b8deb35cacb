/**
 * What the pipeline console tests share: a stage's status as the open page shows it, and a first
 * commit pushed to a Slipway CodeCommit repository as a developer pushes it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { gitIn } from '../support/codepipeline.ts';
import { waitFor } from '../support/slipway.ts';

/** The status the page gives stage `name` (its latest execution's), or null while it is not shown. */
export const stageStatus = (page: Page, name: string) =>
  page
    .locator(`section.stage[data-stage="${name}"]`)
    .getAttribute('data-status', { timeout: 1000 })
    .catch(() => null);

export async function stageReaches(page: Page, name: string, status: string, timeoutMs = 90_000): Promise<void> {
  await waitFor(`stage ${name} ${status} in the page`, async () => (await stageStatus(page, name)) === status, timeoutMs, 100);
}

/** Makes a repository of `files` under `work` and pushes it as `message` to the main branch of Slipway's `repository`; returns the commit id. */
export async function pushFirstCommit(
  endpoint: string,
  work: string,
  repository: string,
  files: Record<string, string>,
  message: string,
): Promise<string> {
  const repo = join(work, repository);
  mkdirSync(work, { recursive: true });
  await gitIn(work)('init', '-q', '-b', 'main', repo);
  const g = gitIn(repo);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(repo, name), text);
  await g('add', '.');
  await g('commit', '-q', '-m', message);
  await g('remote', 'add', 'origin', `${endpoint.replace('://', '://dev-at-000000000000:secret@')}/v1/repos/${repository}`);
  await g('push', '-q', 'origin', 'main');
  return g('rev-parse', 'HEAD');
}
