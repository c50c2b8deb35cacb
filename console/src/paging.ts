/** Reading whole collections through operations that page or take a limited number of names. */
import { call } from './api.ts';

/** In chunks of `size`, as Describe* operations take at most 10 or 100 names. */
export async function inChunks<T>(names: string[], size: number, describe: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < names.length; i += size) out.push(...(await describe(names.slice(i, i + size))));
  return out;
}

/** Every page of a List* operation's `member`. */
export async function listAll(service: Parameters<typeof call>[0], op: string, input: object, member: string): Promise<string[]> {
  const out: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await call(service, op, { ...input, ...(nextToken && { nextToken }) });
    out.push(...(page[member] ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}
