/**
 * @module services
 * One line per service room.
 */
import * as codebuild from './codebuild/index.ts';
import * as codedeploy from './codedeploy/index.ts';
import * as ecr from './ecr/index.ts';
import * as ecs from './ecs/index.ts';
import * as elb from './elb/index.ts';
import { elbTrafficFacade } from './elb/traffic.ts';
import * as logs from './logs/index.ts';
import * as secrets from './secrets/index.ts';
import type { AppContext, Room } from './types.ts';

export function registerRooms(ctx: AppContext): Room[] {
  return [ecs.register(ctx), ecr.register(ctx), elb.register(ctx), codebuild.register(ctx), codedeploy.register(ctx, { ecs: codedeploy.ecsTaskSetsUnavailable, elb: elbTrafficFacade(ctx) }), logs.register(ctx), ...secrets.register(ctx)];
}
