/**
 * @module services/codepipeline/actions/connection-source
 * The CodeStarSourceConnection source action (Source/AWS/CodeStarSourceConnection/1): a branch of
 * a repository read through a connection — Slipway's own git host, the real provider, or a host.
 *
 *   CODE_ZIP             the commit's tree, zipped, at the output artifact's location
 *   CODEBUILD_CLONE_REF  a small JSON object there instead (codebuild's CloneReference): the
 *                        connection, repository and commit, which the CodeBuild action clones
 *                        (and, for a fork's pull request, the fork its head is fetched from)
 *
 * Changes arrive as `connections.change` events (pushes to the local host, webhooks, polling),
 * each with the files changed computed from git.
 */
import { join } from 'node:path';
import type { SlipwayEvent } from '../../../core/events.ts';
import { connectionsArn, type Scope } from '../../../core/ids.ts';
import {
  CHANGED,
  type ChangeDetail,
  type CommitInfo,
  type ConnectionsFacade,
  repositorySegments,
  SourceError,
  type SourceRepository,
} from '../../connections/index.ts';
import type { CloneReference } from '../../codebuild/index.ts';
import type { S3Facade } from '../../s3/index.ts';
import { withScratch, writeFileArtifact, writeJsonArtifact } from './artifacts.ts';
import type { ActionExecutor, SourceChange, SourceRevision } from './types.ts';

const FORMATS = ['CODE_ZIP', 'CODEBUILD_CLONE_REF'];

/** The connection id an ARN of either service names, so a codeconnections ARN matches its codestar-connections twin. */
const connectionId = (arn: string | undefined) => (arn ? connectionsArn.parse(arn)?.id : undefined);

/** CodePipeline's revision summary for a connection source: the provider and the commit message, as JSON. */
function revisionOf(repo: SourceRepository, commit: CommitInfo): SourceRevision {
  const id = repo.fullRepositoryId;
  const web: Record<string, string> = { GitHub: 'https://github.com', GitLab: 'https://gitlab.com', Bitbucket: 'https://bitbucket.org' };
  const base = repo.location.kind === 'remote' && !repo.connection.hostId ? web[repo.connection.providerType] : undefined;
  return {
    revisionType: 'COMMIT_ID',
    revisionValue: commit.commitId,
    revisionSummary: JSON.stringify({ ProviderType: repo.connection.providerType, CommitMessage: commit.message }),
    revisionUrl: base && `${base}/${id}/commit/${commit.commitId}`,
    created: Date.parse(commit.authorDate) || undefined,
  };
}

export function connectionSourceAction(deps: { connections: ConnectionsFacade; s3: S3Facade }): ActionExecutor {
  const { connections, s3 } = deps;
  const open = (configuration: Record<string, string>, scope: Scope) =>
    connections.open(configuration.ConnectionArn ?? '', configuration.FullRepositoryId ?? '', scope);

  return {
    type: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
    properties: [
      { name: 'ConnectionArn', required: true, key: true, secret: false },
      { name: 'FullRepositoryId', required: true, key: false, secret: false },
      { name: 'BranchName', required: true, key: false, secret: false },
      { name: 'OutputArtifactFormat', required: false, key: false, secret: false },
      { name: 'DetectChanges', required: false, key: false, secret: false },
    ],
    artifacts: { input: { min: 0, max: 0 }, output: { min: 1, max: 1 } },
    watches: [CHANGED],

    check(configuration, scope) {
      if (!connections.connection(configuration.ConnectionArn ?? '', scope))
        return `ConnectionArn ${configuration.ConnectionArn} does not name a connection in ${scope.region}`;
      if (!repositorySegments(configuration.FullRepositoryId ?? ''))
        return `FullRepositoryId '${configuration.FullRepositoryId}' is not owner/repository`;
      if (configuration.OutputArtifactFormat !== undefined && !FORMATS.includes(configuration.OutputArtifactFormat))
        return `OutputArtifactFormat must be ${FORMATS.join(' or ')}`;
      if (configuration.DetectChanges !== undefined && !/^(true|false)$/i.test(configuration.DetectChanges))
        return 'DetectChanges must be true or false';
      return undefined;
    },

    async latest(configuration, scope) {
      try {
        const repo = open(configuration, scope);
        await repo.refresh('poll');
        const commitId = await repo.commitOf(configuration.BranchName ?? '');
        return commitId ? revisionOf(repo, await repo.commit(commitId)) : undefined;
      } catch (err) {
        if (err instanceof SourceError) return undefined;
        throw err;
      }
    },

    async changeFrom(event: SlipwayEvent, configuration, scope): Promise<SourceChange | undefined> {
      if (event.type !== CHANGED || /^false$/i.test(configuration.DetectChanges ?? '')) return undefined;
      const detail = event.detail as unknown as ChangeDetail;
      // Every push and tag of the repository is handed over: the engine applies the V2 trigger, or
      // by default the configured branch.
      if (detail.fullRepositoryId !== repositorySegments(configuration.FullRepositoryId ?? '')?.join('/')) return undefined;
      let repo: SourceRepository;
      try {
        repo = open(configuration, scope);
      } catch (err) {
        if (err instanceof SourceError) return undefined;
        throw err;
      }
      // A remote change belongs to the connection whose mirror saw it; a local push to every connection that reads the local host.
      const ours = detail.connectionArn ? connectionId(detail.connectionArn) === repo.connection.id : repo.location.kind === 'local';
      if (!ours) return undefined;
      const pr = detail.pullRequest;
      return {
        // A pull request's run builds its source branch's head, and says that branch is the one built.
        revision: {
          ...revisionOf(repo, await repo.commit(detail.newCommitId)),
          branch: detail.branch,
          headRepository: detail.headRepository,
        },
        git: {
          branch: detail.branch,
          tag: detail.tag,
          changedFiles: detail.changedFiles,
          ...(pr ? { pullRequest: { event: pr.event, sourceBranch: pr.sourceBranch, destinationBranch: pr.destinationBranch } } : {}),
        },
        triggerType: detail.via === 'poll' ? 'PollForSourceChanges' : 'WebhookV2',
        triggerDetail: repo.connection.arn,
      };
    },

    async run(job) {
      const { configuration, scope } = job;
      const repo = open(configuration, scope);
      await repo.refresh('poll');
      const branch = job.sourceRevision?.branch ?? configuration.BranchName ?? '';
      const fork = job.sourceRevision?.headRepository;
      const chosen = job.sourceRevision?.revisionValue;
      // A fork's head the mirror no longer (or never) held is fetched from the fork's branch, and must be that very commit.
      const commitId = chosen && fork ? await repo.headFromFork(fork, branch, chosen) : (chosen ?? (await repo.commitOf(branch)));
      if (!commitId && fork)
        throw new SourceError(`commit ${chosen} is neither in ${repo.fullRepositoryId} nor on branch ${branch} of the fork ${fork}`);
      if (!commitId) throw new SourceError(`branch ${branch} does not exist in ${repo.fullRepositoryId}`);
      const commit = await repo.commit(commitId);
      const output = job.outputArtifacts[0];
      if (!output) throw new SourceError(`action ${job.actionName} has no output artifact`);
      if (configuration.OutputArtifactFormat === 'CODEBUILD_CLONE_REF') {
        const ref: CloneReference = {
          Type: 'CODEBUILD_CLONE_REF',
          ConnectionArn: repo.connection.arn,
          FullRepositoryId: repo.fullRepositoryId,
          BranchName: branch,
          CommitId: commit.commitId,
          ...(fork ? { HeadRepositoryId: fork } : {}),
          CloneUrl: repo.dir,
        };
        await writeJsonArtifact(s3, output, ref);
      } else {
        job.progress(`zipping ${repo.fullRepositoryId} at ${commit.commitId.slice(0, 8)}`);
        await withScratch(async (dir) => {
          await repo.writeZip(commit.commitId, join(dir, 'source.zip'));
          await writeFileArtifact(s3, output, join(dir, 'source.zip'));
        });
      }
      const revision = revisionOf(repo, commit);
      return {
        status: 'Succeeded',
        summary: commit.message.split('\n')[0],
        revision,
        externalExecutionId: commit.commitId,
        externalExecutionUrl: revision.revisionUrl,
        outputVariables: {
          AuthorDate: commit.authorDate,
          BranchName: branch,
          CommitId: commit.commitId,
          CommitMessage: commit.message,
          ConnectionArn: repo.connection.arn,
          FullRepositoryName: repo.fullRepositoryId,
        },
      };
    },
  };
}
