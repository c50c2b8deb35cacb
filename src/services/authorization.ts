/**
 * @module services/authorization
 * What IAM weighs of a room's resource when it authorizes a request on it (Room.authorization):
 * its stored ARN, its resource-based policy, its tags, in one shape for every room.
 */

export interface ResourceFacts {
  /** The stored ARN, when the request named the resource only in part (a secret without its suffix, a role without its path). */
  arn?: string;
  /** The resource's own policy (text), for the rooms that have resource-based policies (ECR, S3). */
  policy?: string;
  /** Its tags, for aws:ResourceTag/<key>. */
  tags?: Record<string, string>;
}

type TagList = readonly ({ Key?: string; Value?: string } | { key?: string; value?: string })[];

/** A room's stored tags (`[{Key, Value}]`, `[{key, value}]` or already a map) as a map. */
export function tagMap(tags: TagList | Record<string, string> | undefined): Record<string, string> {
  if (!tags) return {};
  if (!Array.isArray(tags)) return { ...(tags as Record<string, string>) };
  const out: Record<string, string> = {};
  for (const t of tags as TagList) {
    const key = 'Key' in t ? t.Key : 'key' in t ? t.key : undefined;
    const value = 'Key' in t ? t.Value : 'key' in t ? t.value : undefined;
    if (key !== undefined) out[key] = value ?? '';
  }
  return out;
}

/**
 * What a room's own lookup finds by ARN (the lookup its API calls use); undefined when that
 * lookup refuses the ARN (no such resource, or not one of the room's).
 */
export function found<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
