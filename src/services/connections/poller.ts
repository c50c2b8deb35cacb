/**
 * @module services/connections/poller
 * Polling, for remote repositories whose provider sends no webhook here (the connection has no
 * `slipway:webhook-secret` tag): every such mirror is fetched once a minute (scaled by
 * SLIPWAY_TIME_SCALE) on the shared reconcile controller, and each ref the fetch moved is
 * published as a change. Keys are `<connection id>|<FullRepositoryId>`; a
 * mirror whose connection is gone, or no longer reads that repository remotely, is removed.
 */
import { Controller } from '../../core/reconcile.ts';
import { removeRepository } from '../codecommit/index.ts';
import type { ConnectionsContext } from './context.ts';
import { listMirrors, mirrorDir } from './mirrors.ts';
import { repositoryOf, SourceError } from './repository.ts';
import { WEBHOOK_TAG } from './source.ts';

/** CodePipeline's polling interval for sources without events. */
export const POLL_MS = 60_000;

export function pollController(cc: ConnectionsContext): Controller {
  return new Controller({
    name: 'connections.poll',
    concurrency: 2,
    resyncMs: cc.clock.duration(POLL_MS),
    listKeys: () => listMirrors(cc).map(([id, repo]) => `${id}|${repo}`),
    async reconcile(key) {
      const bar = key.indexOf('|');
      const [id, fullRepositoryId] = [key.slice(0, bar), key.slice(bar + 1)];
      const connection = cc.model.connections.get(id);
      let repository;
      try {
        repository = connection && repositoryOf(cc, connection, fullRepositoryId);
      } catch (err) {
        if (!(err instanceof SourceError)) throw err;
      }
      if (repository?.location.kind !== 'remote') {
        await cc.fetches.take(mirrorDir(cc, id, fullRepositoryId), async () => removeRepository(mirrorDir(cc, id, fullRepositoryId)));
        return;
      }
      if (!repository.connection.tags[WEBHOOK_TAG]) await repository.refresh('poll');
    },
  });
}
