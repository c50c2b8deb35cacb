/**
 * @module services/codedeploy/revision
 * The revision a deployment takes: an AppSpec given inline (AppSpecContent, or the older String
 * type), checked against its sha256 when one is given, or an AppSpec file in an S3 bucket (an ECS
 * deployment's S3 revision is the AppSpec itself, bundleType YAML or JSON), at the version and
 * eTag given. GitHub revisions are refused, saying so.
 */
import type { S3Facade } from '../s3/index.ts';
import { S3ObjectError } from '../s3/facade.ts';
import { checkSha256, parseAppSpec, type AppSpec } from './appspec.ts';
import { codedeployError } from './errors.ts';
import type { RevisionLocation, S3Location } from './shapes.ts';

/** An AppSpec file is small; anything larger is not one. */
const MAX_APPSPEC_BYTES = 1024 * 1024;

export async function appSpecOf(revision: RevisionLocation | undefined, s3: S3Facade): Promise<AppSpec> {
  if (revision?.revisionType === 'S3') return parseAppSpec(await appSpecFromS3(revision.s3Location, s3));
  return inlineAppSpec(revision);
}

async function appSpecFromS3(location: S3Location | undefined, s3: S3Facade): Promise<string> {
  if (!location?.bucket || !location.key) throw codedeployError.invalidRevision('revision.s3Location needs a bucket and a key');
  const { bucket, key, version, eTag, bundleType } = location;
  if (bundleType && bundleType !== 'YAML' && bundleType !== 'JSON') {
    throw codedeployError.invalidRevision(
      `An ECS deployment's S3 revision is the AppSpec file itself: bundleType YAML or JSON, not ${bundleType}`,
    );
  }
  let object: Awaited<ReturnType<S3Facade['readText']>>;
  try {
    object = await s3.readText(bucket, key, { versionId: version, maxBytes: MAX_APPSPEC_BYTES });
  } catch (err) {
    if (!(err instanceof S3ObjectError)) throw err;
    if (err.code === 'EntityTooLarge')
      throw codedeployError.invalidRevision(`s3://${bucket}/${key}: ${err.message}, too large for an AppSpec file`);
    throw codedeployError.revisionDoesNotExist(`s3://${bucket}/${key}${version ? ` (version ${version})` : ''}: ${err.message}`);
  }
  if (eTag && eTag.replace(/"/g, '') !== object.etag.replace(/"/g, '')) {
    throw codedeployError.invalidRevision(`s3://${bucket}/${key} has eTag ${object.etag}, not ${eTag}`);
  }
  return object.text;
}

function inlineAppSpec(revision: RevisionLocation | undefined): AppSpec {
  if (!revision) throw codedeployError.revisionRequired();
  switch (revision.revisionType) {
    case 'AppSpecContent':
    case 'String': {
      const field = revision.revisionType === 'AppSpecContent' ? 'appSpecContent' : 'string';
      const inline = revision.revisionType === 'AppSpecContent' ? revision.appSpecContent : revision.string;
      if (!inline?.content)
        throw codedeployError.invalidRevision(`revision.${field}.content is required for revisionType ${revision.revisionType}`);
      checkSha256(inline.content, inline.sha256);
      return parseAppSpec(inline.content);
    }
    case 'GitHub':
      throw codedeployError.invalidRevision(
        `revisionType ${revision.revisionType} is not available in Slipway yet: give the AppSpec inline (revisionType AppSpecContent)`,
      );
    default:
      throw codedeployError.revisionRequired();
  }
}
