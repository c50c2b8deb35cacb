/**
 * @module services
 * One line per service room.
 */
import * as codebuild from './codebuild/index.ts';
import * as ecr from './ecr/index.ts';
import * as ecs from './ecs/index.ts';
import * as elb from './elb/index.ts';
import * as logs from './logs/index.ts';
import * as s3 from './s3/index.ts';
import * as secrets from './secrets/index.ts';
import type { AppContext, Room } from './types.ts';

export function registerRooms(ctx: AppContext): Room[] {
  return [ecs.register(ctx), ecr.register(ctx), elb.register(ctx), codebuild.register(ctx), logs.register(ctx), s3.register(ctx), ...secrets.register(ctx)];
}
