/**
 * @module services/codedeploy/revision
 * The revision a deployment takes: an AppSpec given inline (AppSpecContent, or the older String
 * type), checked against its sha256 when one is given. S3 and GitHub revisions need stores Slipway
 * does not have yet and are refused, saying so.
 */
import { checkSha256, parseAppSpec, type AppSpec } from './appspec.ts';
import { codedeployError } from './errors.ts';
import type { RevisionLocation } from './shapes.ts';

export function appSpecOf(revision: RevisionLocation | undefined): AppSpec {
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
    case 'S3':
    case 'GitHub':
      throw codedeployError.invalidRevision(
        `revisionType ${revision.revisionType} is not available in Slipway yet: give the AppSpec inline (revisionType AppSpecContent)`,
      );
    default:
      throw codedeployError.revisionRequired();
  }
}
