/**
 * @module services/secrets/testing
 * Test fixtures for the room's unit tests: an app on an in-memory store under a manual clock, the
 * room registered on it, and a way to call its handlers as the edge would.
 */
import { createManualClock, type ManualClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import type { AppContext, Room } from '../types.ts';
import { register, type SecretsFacade } from './index.ts';

export const TEST_SCOPE = { region: 'eu-west-1', account: '123456789012' };

export function secretsTestApp(scale = 1): {
  app: AppContext & { clock: ManualClock };
  call(api: 'secretsmanager' | 'ssm', op: string, input: unknown): Promise<any>;
  rooms: Room[];
  facade: SecretsFacade;
} {
  const app = {
    config: { ...loadConfig({}, {}), dataDir: ':memory:' },
    edge: { url: 'http://127.0.0.1:4566', host: '127.0.0.1', port: 4566 },
    store: Store.open(':memory:'),
    clock: createManualClock({ start: Date.UTC(2026, 0, 1), scale }),
    runtime: {} as ContainerRuntime,
    events: new EventBus(),
  };
  const rooms = register(app);
  const ctx: RequestContext = { ...TEST_SCOPE, requestId: 'test', endpoint: app.edge.url };
  return {
    app,
    rooms,
    facade: rooms[0].facade,
    call: async (api, op, input) => rooms.find((r) => r.name === api)!.api!.handlers[op]!(input, ctx),
  };
}
