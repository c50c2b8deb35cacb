/**
 * @module services/logs/iam-actions
 * CloudWatch Logs' operations as IAM authorizes them: a log group's calls act on
 * `log-group:<name>:log-stream:` (which a policy's `log-group:<name>:*` matches, as on AWS), a
 * stream's on `log-group:<name>:log-stream:<stream>`.
 */
import type { IamActions } from '../types.ts';
import type { LogsOperations } from './shapes.ts';

const arn = (resource: string) => `arn:aws:logs:{region}:{account}:${resource}`;
const group = { resources: [arn('log-group:{logGroupName|logGroupIdentifier}:log-stream:')] };
const stream = { resources: [arn('log-group:{logGroupName|logGroupIdentifier}:log-stream:{logStreamName}')] };
const byArn = { resources: ['{resourceArn}'] };

export const logsIamActions: IamActions<LogsOperations> = {
  CreateLogGroup: group,
  DeleteLogGroup: group,
  DescribeLogGroups: { resources: [arn('log-group::log-stream:')] },
  PutRetentionPolicy: group,
  DeleteRetentionPolicy: group,
  PutLogGroupDeletionProtection: group,
  CreateLogStream: stream,
  DeleteLogStream: stream,
  DescribeLogStreams: group,
  PutLogEvents: stream,
  GetLogEvents: stream,
  FilterLogEvents: group,
  TagLogGroup: group,
  UntagLogGroup: group,
  ListTagsLogGroup: group,
  TagResource: byArn,
  UntagResource: byArn,
  ListTagsForResource: byArn,
};
