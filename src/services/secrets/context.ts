/**
 * @module services/secrets/context
 * What every part of the secrets room shares: the app's parts, the room's tables, its vault and its
 * purge loop — made once, at registration, for the room's handlers and its facade alike.
 */
import type { AppContext } from '../types.ts';
import { SecretsModel } from './model.ts';
import { purger, type Purger } from './purge.ts';
import { Vault } from './vault.ts';

export interface SecretsContext extends AppContext {
  model: SecretsModel;
  vault: Vault;
  purge: Purger;
  /** A secret was scheduled for deletion: the purge loop takes it up. */
  scheduled(secretArn: string): void;
}

export function secretsContext(app: AppContext): SecretsContext {
  const model = new SecretsModel(app.store);
  const purge = purger(model, app.clock);
  return { ...app, model, vault: new Vault(app.config.dataDir), purge, scheduled: (arn) => purge.enqueue(arn) };
}
