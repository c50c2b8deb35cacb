/**
 * @module cli/git
 * `slipway git pr …`: pull requests on Slipway's own git host, through its /_slipway/git/<owner>/<repo>/pulls
 * endpoints (services/connections/pulls.ts). Opening one, pushing to its source branch and closing
 * it are the pull request events V2 pipeline triggers filter on.
 */
import { parseArgs } from './args.ts';
import type { Edge } from './pipeline.ts';

export const gitUsage = `  git pr open <owner/repo> --source BRANCH --destination BRANCH [--title T] [--source-repository FORK]
                   Open a pull request on Slipway's git host (a push to its source updates it); its
                   source may be a branch of another owner/repo there (a fork).
  git pr close|reopen <owner/repo> <number>    git pr list <owner/repo>       [--endpoint URL]`;

export async function gitCommand(argv: string[], edge: Edge): Promise<number> {
  const post = (url: string, body: unknown) =>
    edge.reach(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const { positional, flags } = parseArgs(argv);
  const [noun, verb, repository, number] = positional;
  const base = repository && `${edge.endpointOf(flags)}/_slipway/git/${repository.split('/').map(encodeURIComponent).join('/')}/pulls`;
  let res: Response;
  if (noun === 'pr' && verb === 'open' && base && flags.source && flags.destination)
    res = await post(base, {
      source: flags.source,
      destination: flags.destination,
      title: flags.title,
      sourceRepository: flags['source-repository'],
    });
  else if (noun === 'pr' && (verb === 'close' || verb === 'reopen') && base && /^\d+$/.test(number ?? ''))
    res = await post(`${base}/${number}/${verb}`, {});
  else if (noun === 'pr' && verb === 'list' && base) res = await edge.reach(base);
  else {
    console.error(`slipway git: use\n${gitUsage}`);
    return 2;
  }
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) {
    console.error(`slipway git pr ${verb}: ${body.message}`);
    return 1;
  }
  console.log(JSON.stringify(body, null, 2));
  return 0;
}
