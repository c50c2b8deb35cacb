/**
 * @module services/codepipeline/actions/codecommit-source
 * The CodeCommit source (Source/AWS/CodeCommit/1): the branch's commit (or the one a trigger or
 * StartPipelineExecution's sourceRevisions chose) zipped as the output artifact through the
 * CodeCommit facade (or, with OutputArtifactFormat CODEBUILD_CLONE_REF, a reference the CodeBuild
 * action clones), with the output variables CodePipeline gives it. With PollForSourceChanges
 * false a push to the configured branch (`codecommit.push`) starts the pipeline, as AWS's
 * EventBridge rule does; otherwise the poller finds the commit (poller.ts).
 */
import type { SlipwayEvent } from '../../../core/events.ts';
import { codecommitArn } from '../../../core/ids.ts';
import type { CloneReference } from '../../codebuild/index.ts';
import type { CodecommitFacade } from '../../codecommit/index.ts';
import type { S3Facade } from '../../s3/index.ts';
import { withScratch, writeFileArtifact, writeJsonArtifact } from './artifacts.ts';
import type { ActionExecutor, SourceRevision } from './types.ts';

const ZERO = /^0+$/;

/** A git date ("1700000000 +0100") as CodePipeline's variables show it: ISO 8601 in UTC. */
function isoDate(gitDate: string): string {
  const seconds = Number(gitDate.split(' ')[0]);
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : gitDate;
}

export function codecommitSourceAction(deps: { codecommit: CodecommitFacade; s3: S3Facade }): ActionExecutor {
  const { codecommit, s3 } = deps;
  return {
    type: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
    properties: [
      { name: 'RepositoryName', required: true, key: true, secret: false, queryable: true },
      { name: 'BranchName', required: true, key: false, secret: false },
      { name: 'PollForSourceChanges', required: false, key: false, secret: false, type: 'Boolean' },
      { name: 'OutputArtifactFormat', required: false, key: false, secret: false },
    ],
    artifacts: { input: { min: 0, max: 0 }, output: { min: 1, max: 1 } },
    check(configuration) {
      const format = configuration.OutputArtifactFormat;
      if (format !== undefined && format !== 'CODE_ZIP' && format !== 'CODEBUILD_CLONE_REF') {
        return `OutputArtifactFormat '${format}' is not valid: use CODE_ZIP or CODEBUILD_CLONE_REF`;
      }
      const poll = configuration.PollForSourceChanges;
      if (poll !== undefined && poll !== 'true' && poll !== 'false')
        return `PollForSourceChanges '${poll}' is not valid: use true or false`;
      return undefined;
    },
    async latest(configuration, scope) {
      const commit = await codecommit.resolveCommit({ scope, repositoryName: configuration.RepositoryName }, configuration.BranchName);
      return commit ? { revisionType: 'COMMIT_ID', revisionValue: commit } : undefined;
    },
    async run(job, started) {
      const { RepositoryName: repositoryName, BranchName: branch } = job.configuration;
      const repo = { scope: job.scope, repositoryName };
      const commitId = job.sourceRevision?.revisionValue ?? (await codecommit.resolveCommit(repo, branch));
      if (!commitId) {
        throw new Error(
          `The action failed because no branch named ${branch} was found in the selected AWS CodeCommit repository ${repositoryName}. Make sure you are using the correct branch name, and then try again.`,
        );
      }
      const commit = await codecommit.commit(repo, commitId);
      const message = commit.message.trim();
      started({ externalExecutionId: commitId, summary: message });
      const [output] = job.outputArtifacts;
      if (job.configuration.OutputArtifactFormat === 'CODEBUILD_CLONE_REF') {
        const ref: CloneReference = {
          Type: 'CODEBUILD_CLONE_REF',
          RepositoryName: repositoryName,
          BranchName: branch,
          CommitId: commitId,
          CloneUrl: codecommit.gitDir(repo),
        };
        await writeJsonArtifact(s3, output, ref);
      } else {
        job.progress(`Zipping ${repositoryName}@${commitId.slice(0, 7)} (${branch}): ${message.split('\n')[0]}`);
        await withScratch(async (dir) => {
          const zip = `${dir}/source.zip`;
          await codecommit.writeZip(repo, commitId, zip);
          await writeFileArtifact(s3, output, zip);
        });
      }
      const revision: SourceRevision = {
        revisionType: 'COMMIT_ID',
        revisionValue: commitId,
        revisionSummary: message,
        revisionUrl: `${codecommitArn.repository(job.scope, repositoryName)}/commit/${commitId}`,
      };
      return {
        status: 'Succeeded',
        summary: message,
        revision,
        externalExecutionId: commitId,
        outputVariables: {
          CommitId: commitId,
          CommitMessage: message,
          AuthorDate: isoDate(commit.author.date),
          CommitterDate: isoDate(commit.committer.date),
          BranchName: branch,
          RepositoryName: repositoryName,
        },
      };
    },
    watches: ['codecommit.push'],
    changeFrom(event: SlipwayEvent, configuration, scope) {
      // With PollForSourceChanges (AWS's default) the poller finds the commit instead.
      if (configuration.PollForSourceChanges !== 'false') return undefined;
      const d = event.detail as { repositoryName?: string; repositoryArn?: string; ref?: string; newCommitId?: string };
      if (d.repositoryArn !== codecommitArn.repository(scope, configuration.RepositoryName)) return undefined;
      if (d.ref !== `refs/heads/${configuration.BranchName}` || !d.newCommitId || ZERO.test(d.newCommitId)) return undefined;
      return {
        revision: { revisionType: 'COMMIT_ID', revisionValue: d.newCommitId },
        git: { branch: configuration.BranchName },
        triggerType: 'CloudWatchEvent',
        triggerDetail: `arn:aws:events:${scope.region}:${scope.account}:rule/codepipeline-${configuration.RepositoryName}`,
      };
    },
  };
}
