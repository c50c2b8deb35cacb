/**
 * @module services/codepipeline/actions/s3-deploy
 * The S3 deploy action (Deploy/AWS/S3/1): the input artifact stored in BucketName — as it is, at
 * ObjectKey, when Extract is false; unpacked, each file under the ObjectKey folder (if any), when
 * Extract is true. Object content types follow the file names, as S3's console sets them.
 */
import type { S3Facade } from '../../s3/index.ts';
import { walk } from '../../codebuild/glob.ts';
import { copyArtifact, readArtifact, withScratch } from './artifacts.ts';
import type { ActionExecutor } from './types.ts';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  png: 'image/png',
  svg: 'image/svg+xml',
  zip: 'application/zip',
};

export function s3DeployAction(deps: { s3: S3Facade }): ActionExecutor {
  const { s3 } = deps;
  return {
    type: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' },
    properties: [
      { name: 'BucketName', required: true, key: true, secret: false },
      { name: 'Extract', required: true, key: false, secret: false, type: 'Boolean' },
      { name: 'ObjectKey', required: false, key: false, secret: false },
      { name: 'KMSEncryptionKeyARN', required: false, key: false, secret: false },
      { name: 'CannedACL', required: false, key: false, secret: false },
      { name: 'CacheControl', required: false, key: false, secret: false },
    ],
    artifacts: { input: { min: 1, max: 1 }, output: { min: 0, max: 0 } },
    check(configuration) {
      const extract = configuration.Extract?.toLowerCase();
      if (extract !== 'true' && extract !== 'false') return `Extract must be true or false, not '${configuration.Extract}'`;
      if (extract === 'false' && !configuration.ObjectKey) return 'ObjectKey is required when Extract is false';
      return undefined;
    },
    async run(job) {
      const { BucketName: bucket, ObjectKey: key } = job.configuration;
      if (!s3.bucketExists(bucket)) throw new Error(`The deployment bucket '${bucket}' does not exist in region '${job.scope.region}'`);
      const input = job.inputArtifacts[0];
      if (job.configuration.Extract.toLowerCase() === 'false') {
        await copyArtifact(s3, input, { name: input.name, location: { bucketName: bucket, objectKey: key } });
        return { status: 'Succeeded', summary: `Deployed ${input.name} to s3://${bucket}/${key}` };
      }
      const prefix = key ? `${key.replace(/\/+$/, '')}/` : '';
      const count = await withScratch(async (dir) => {
        await readArtifact(s3, input, dir);
        const files = (await walk(dir)).filter((f) => !f.symlink);
        for (const f of files) {
          const contentType = CONTENT_TYPES[f.path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
          job.progress(`Uploading ${f.path}`);
          await s3.putObject(bucket, `${prefix}${f.path}`, { file: f.absolute }, { contentType });
        }
        return files.length;
      });
      return { status: 'Succeeded', summary: `Extracted ${count} files of ${input.name} to s3://${bucket}/${prefix}` };
    },
  };
}
