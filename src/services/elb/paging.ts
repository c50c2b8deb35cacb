/**
 * @module services/elb/paging
 * Marker/PageSize paging of ELBv2 describe calls: the marker is the index of the next item.
 */
import { elbError } from './errors.ts';

export function page<T>(items: T[], marker: string | undefined, pageSize: number | undefined): { items: T[]; next?: string } {
  const size = pageSize ?? 400;
  if (size < 1 || size > 400) throw elbError.validation(`Page size '${size}' must be between 1 and 400`);
  const from = marker ? Number(marker) : 0;
  if (!Number.isInteger(from) || from < 0) throw elbError.validation(`Marker '${marker}' is not valid`);
  const slice = items.slice(from, from + size);
  return { items: slice, next: from + size < items.length ? String(from + size) : undefined };
}
