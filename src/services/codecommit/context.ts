/**
 * @module services/codecommit/context
 * What every part of the CodeCommit room shares: the app's parts, the room's model and the folder
 * its bare repositories live under (<data-dir>/git, GIT_PROJECT_ROOT for git http-backend).
 */
import type { Turns } from '../../core/turns.ts';
import type { AppContext } from '../types.ts';
import type { CodecommitModel } from './model.ts';

/** Published on the event bus for each ref a push moved (resource: the repository's ARN or owner/repo). */
export const PUSHED = 'codecommit.push';

export interface CodecommitContext extends AppContext {
  model: CodecommitModel;
  gitRoot: string;
  /** Pushes to one repository (by folder) take turns, so each push's events name only its own refs. */
  pushes: Turns;
}
