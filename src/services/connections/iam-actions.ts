/**
 * @module services/connections/iam-actions
 * The connections API's operations as IAM authorizes them, under either prefix it answers to
 * (codestar-connections, codeconnections): connections and hosts by their ARNs.
 */
import type { IamActions } from '../types.ts';
import type { CodeconnectionsOperations } from './shapes-codeconnections.ts';

export function connectionsIamActions(service: 'codestar-connections' | 'codeconnections'): IamActions<CodeconnectionsOperations> {
  const arn = (resource: string) => `arn:aws:${service}:{region}:{account}:${resource}`;
  const connection = { resources: ['{ConnectionArn}'] };
  const host = { resources: ['{HostArn}'] };
  const byArn = { resources: ['{ResourceArn}'] };
  return {
    CreateConnection: { resources: [arn('connection/*')] },
    GetConnection: connection,
    DeleteConnection: connection,
    CreateHost: { resources: [arn('host/*')] },
    GetHost: host,
    DeleteHost: host,
    UpdateHost: host,
    TagResource: byArn,
    UntagResource: byArn,
    ListTagsForResource: byArn,
    ListConnections: {},
    ListHosts: {},
  };
}
