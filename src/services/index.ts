/**
 * @module services
 * One line per service room.
 */
import * as ecs from './ecs/index.ts';
import type { AppContext, Room } from './types.ts';

export function registerRooms(ctx: AppContext): Room[] {
  return [ecs.register(ctx)];
}
