/**
 * @module services/codecommit
 * The CodeCommit room: repositories and branches (AWS JSON 1.1) whose content is real git, served
 * over smart HTTP by git http-backend at /v1/repos/<name>; the same server is the local git host
 * at /_slipway/git/<owner>/<repo>.git. Other rooms read commits through the facade (facade.ts).
 */
import { join } from 'node:path';
import { Turns } from '../../core/turns.ts';
import { loadModel } from '../../protocol/model.ts';
import { tagMap } from '../authorization.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { codecommitHandlers } from './api.ts';
import type { CodecommitContext } from './context.ts';
import { type CodecommitFacade, createFacade } from './facade.ts';
import { CodecommitModel } from './model.ts';
import { gitRoutes } from './routes.ts';

export { PUSHED } from './context.ts';
export type { CodecommitFacade, RepositoryLocator } from './facade.ts';
/** Reading and fetching git repositories, for rooms that keep their own (connections' mirrors). */
export { diffTrees, git, initBare, readCommit, refs, removeRepository, resolveCommit, writeZip, type CommitObject } from './git.ts';

export function register(app: AppContext): RoomWithFacade<CodecommitFacade> {
  const cc: CodecommitContext = {
    ...app,
    model: new CodecommitModel(app.store),
    gitRoot: join(app.config.dataDir, 'git'),
    pushes: new Turns(),
  };
  return {
    name: 'codecommit',
    facade: createFacade(cc),
    api: {
      model: loadModel('codecommit'),
      handlers: codecommitHandlers(cc),
      validation: { constraint: 'ValidationException', type: 'SerializationException' },
    },
    routes: gitRoutes(cc),
    authorization(arn) {
      const record = cc.model.repositories.get(arn);
      return record && { tags: tagMap(record.tags) };
    },
    status() {
      return { repositories: cc.model.repositories.count() };
    },
  };
}
