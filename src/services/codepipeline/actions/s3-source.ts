/**
 * @module services/codepipeline/actions/s3-source
 * The S3 source (Source/AWS/S3/1): the object S3Bucket/S3ObjectKey names — its newest version, or
 * the version or key StartPipelineExecution's sourceRevisions chose — copied as it is to the
 * output artifact. With PollForSourceChanges false an upload to that key (`s3.object` ObjectCreated)
 * starts the pipeline, as AWS's EventBridge rule does; otherwise the poller finds it (poller.ts).
 */
import type { SlipwayEvent } from '../../../core/events.ts';
import { s3Arn } from '../../../core/ids.ts';
import { type ObjectEvent, type S3Facade, S3ObjectError } from '../../s3/index.ts';
import { downloadArtifact, withScratch, writeFileArtifact } from './artifacts.ts';
import type { ActionExecutor } from './types.ts';

export function s3SourceAction(deps: { s3: S3Facade }): ActionExecutor {
  const { s3 } = deps;
  return {
    type: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
    properties: [
      { name: 'S3Bucket', required: true, key: true, secret: false },
      { name: 'S3ObjectKey', required: true, key: true, secret: false },
      { name: 'PollForSourceChanges', required: false, key: false, secret: false, type: 'Boolean' },
      { name: 'AllowOverrideForS3ObjectKey', required: false, key: false, secret: false, type: 'Boolean' },
    ],
    artifacts: { input: { min: 0, max: 0 }, output: { min: 1, max: 1 } },
    async latest(configuration) {
      try {
        const head = s3.headObject(configuration.S3Bucket, configuration.S3ObjectKey);
        return head.versionId
          ? { revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: head.versionId, created: head.lastModified }
          : { revisionType: 'S3_OBJECT_KEY', revisionValue: head.key, created: head.lastModified };
      } catch {
        return undefined;
      }
    },
    async run(job, started) {
      const bucket = job.configuration.S3Bucket;
      const chosen = job.sourceRevision;
      const key = chosen?.revisionType === 'S3_OBJECT_KEY' ? chosen.revisionValue : job.configuration.S3ObjectKey;
      const versionId = chosen?.revisionType === 'S3_OBJECT_VERSION_ID' ? chosen.revisionValue : undefined;
      let head;
      try {
        head = s3.headObject(bucket, key, versionId);
      } catch (err) {
        if (!(err instanceof S3ObjectError)) throw err;
        throw new Error(
          `The object s3://${bucket}/${key}${versionId ? ` (version ${versionId})` : ''} could not be read: ${err.code}: ${err.message}`,
        );
      }
      const etag = head.etag.replace(/"/g, '');
      const revisionValue = head.versionId ?? etag;
      started({ externalExecutionId: revisionValue, summary: `s3://${bucket}/${key}` });
      const [output] = job.outputArtifacts;
      const source = { name: 'source', location: { bucketName: bucket, objectKey: key } };
      await withScratch(async (dir) => {
        const file = `${dir}/object`;
        await downloadArtifact(s3, source, file);
        await writeFileArtifact(s3, output, file, head.contentType);
      });
      job.progress(`Copied s3://${bucket}/${key} (${head.size} bytes) to the artifact ${output.name}`);
      return {
        status: 'Succeeded',
        summary: `s3://${bucket}/${key}`,
        externalExecutionId: revisionValue,
        revision: {
          revisionType: head.versionId ? 'S3_OBJECT_VERSION_ID' : 'S3_OBJECT_KEY',
          revisionValue: head.versionId ?? key,
          revisionSummary: head.metadata['codepipeline-artifact-revision-summary'] ?? `s3://${bucket}/${key}`,
          revisionUrl: s3Arn.object(bucket, key),
          created: head.lastModified,
        },
        outputVariables: { ObjectKey: key, ETag: etag, ...(head.versionId && { VersionId: head.versionId }) },
      };
    },
    watches: ['s3.object'],
    changeFrom(event: SlipwayEvent, configuration) {
      const d = event.detail as unknown as ObjectEvent;
      // With PollForSourceChanges (AWS's default) the poller finds the upload instead.
      if (configuration.PollForSourceChanges !== 'false') return undefined;
      if (!d.eventName?.startsWith('ObjectCreated:') || d.bucket !== configuration.S3Bucket || d.key !== configuration.S3ObjectKey)
        return undefined;
      return {
        revision: d.versionId
          ? { revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: d.versionId }
          : { revisionType: 'S3_OBJECT_KEY', revisionValue: d.key },
        triggerType: 'CloudWatchEvent',
        triggerDetail: s3Arn.object(d.bucket, d.key),
      };
    },
  };
}
