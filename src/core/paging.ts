/**
 * @module core/paging
 * Paging through a stably ordered list: the token is opaque to the caller and carries the offset of
 * the next item and the operation that issued it, so a token from one operation is refused by
 * another. Each room says how a bad token or size is refused, in its own error.
 */

export interface PageRequest {
  /** The token an earlier page returned (nextToken, Marker). */
  token?: string;
  /** Items asked for (maxResults, PageSize); `defaultSize` when absent. */
  size?: number;
}

export interface PageRules {
  /** The operation (or list) the token belongs to. */
  kind: string;
  defaultSize: number;
  /** The most one page may hold; a larger size is cut to it (the model refuses sizes past its own maximum). */
  maxSize?: number;
  /** Builds the room's error for a bad token or size, naming the field. */
  invalid(field: 'token' | 'size', message: string): Error;
}

export interface Page<T> {
  items: T[];
  /** The token for the next page; undefined on the last. */
  next?: string;
}

export function paginate<T>(all: readonly T[], request: PageRequest, rules: PageRules): Page<T> {
  let start = 0;
  if (request.token !== undefined && request.token !== '') {
    const [kind, offset] = Buffer.from(request.token, 'base64url').toString().split(':');
    start = Number(offset);
    if (kind !== rules.kind || !Number.isInteger(start) || start < 0) {
      throw rules.invalid('token', 'the token was not returned by an earlier call to this operation');
    }
  }
  const asked = request.size ?? rules.defaultSize;
  if (!Number.isInteger(asked) || asked < 1) throw rules.invalid('size', 'must be at least 1');
  const size = Math.min(asked, rules.maxSize ?? asked);
  const items = all.slice(start, start + size);
  const end = start + items.length;
  return { items, next: end < all.length ? Buffer.from(`${rules.kind}:${end}`).toString('base64url') : undefined };
}
