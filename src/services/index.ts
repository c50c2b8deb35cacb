/**
 * @module services
 * The rooms, and the facades they hand each other at registration.
 */
import * as codebuild from './codebuild/index.ts';
import * as codecommit from './codecommit/index.ts';
import * as codedeploy from './codedeploy/index.ts';
import * as codepipeline from './codepipeline/index.ts';
import * as connections from './connections/index.ts';
import * as ec2 from './ec2/index.ts';
import * as ecr from './ecr/index.ts';
import * as ecs from './ecs/index.ts';
import * as elb from './elb/index.ts';
import * as iam from './iam/index.ts';
import * as logs from './logs/index.ts';
import * as s3 from './s3/index.ts';
import * as secrets from './secrets/index.ts';
import * as sts from './sts/index.ts';
import type { AppContext, Room, RoomWithFacade } from './types.ts';
import { type ActedService, actingFacade, type FacadeCalls } from './acting.ts';
import {
  codebuildCalls,
  codecommitCalls,
  codedeployCalls,
  connectionsCalls,
  ecrCalls,
  ecsCalls,
  elbCalls,
  s3Calls,
  SERVICES,
} from './acting-calls.ts';

export function registerRooms(ctx: AppContext): Room[] {
  // Rooms that others reach come first; each hands its facade to the rooms that use it.
  const iamRoom = iam.register(ctx);
  const stsRoom = sts.register(ctx, { iam: iamRoom.facade });
  const ecrRoom = ecr.register(ctx);
  const elbRoom = elb.register(ctx);
  const logsRoom = logs.register(ctx);
  const s3Room = s3.register(ctx);
  const [secretsRoom, ssmRoom] = secrets.register(ctx);
  const ecsRoom = ecs.register(ctx, {
    elb: elbRoom.facade,
    ecr: ecrRoom.facade,
    s3: s3Room.facade,
    secrets: secretsRoom.facade,
    logs: logsRoom.facade,
    credentials: stsRoom.facade.containerCredentials,
    roles: stsRoom.facade.roles,
    relay: stsRoom.facade.relay,
  });
  const codecommitRoom = codecommit.register(ctx);
  const connectionsRooms = connections.register(ctx, { codecommit: codecommitRoom.facade, secrets: secretsRoom.facade });
  const codebuildRoom = codebuild.register(ctx, {
    ecr: ecrRoom.facade,
    s3: s3Room.facade,
    logs: logsRoom.facade,
    secrets: secretsRoom.facade,
    credentials: stsRoom.facade.containerCredentials,
    connections: connectionsRooms[0].facade,
    codecommit: codecommitRoom.facade,
    relay: stsRoom.facade.relay,
    roles: stsRoom.facade.roles,
  });
  // CodeDeploy acts with its deployment groups' roles and CodePipeline with its pipelines' roles: the facades they are handed authorize as those.
  const actingAs =
    (room: string) =>
    <F extends object>(facade: F, service: ActedService, calls: FacadeCalls<F>): F =>
      actingFacade(room, facade, service, calls, stsRoom.facade.roles);
  const deployerSees = actingAs('codedeploy');
  const codedeployRoom = codedeploy.register(ctx, {
    ecs: deployerSees(ecsRoom.facade, SERVICES.ecs, ecsCalls),
    elb: deployerSees(elbRoom.facade, SERVICES.elb, elbCalls),
    s3: deployerSees(s3Room.facade, SERVICES.s3, s3Calls),
    roles: stsRoom.facade.roles,
  });
  const pipelineSees = actingAs('codepipeline');
  const codepipelineRoom = codepipeline.register(ctx, {
    s3: pipelineSees(s3Room.facade, SERVICES.s3, s3Calls),
    codecommit: pipelineSees(codecommitRoom.facade, SERVICES.codecommit, codecommitCalls),
    connections: pipelineSees(connectionsRooms[0].facade, SERVICES.connections, connectionsCalls),
    ecr: pipelineSees(ecrRoom.facade, SERVICES.ecr, ecrCalls),
    codebuild: pipelineSees(codebuildRoom.facade, SERVICES.codebuild, codebuildCalls),
    ecs: pipelineSees(ecsRoom.facade, SERVICES.ecs, ecsCalls),
    codedeploy: pipelineSees(codedeployRoom.facade, SERVICES.codedeploy, codedeployCalls),
    logs: logsRoom.facade,
    sts: stsRoom.facade,
  });
  const ec2Room = ec2.register(ctx);
  // ECS stops first: the changes it makes while stopping (target deregistrations) reach the rooms that carry them out.
  return [
    ecsRoom,
    ecrRoom,
    elbRoom,
    codepipelineRoom,
    codebuildRoom,
    codedeployRoom,
    codecommitRoom,
    ...connectionsRooms,
    logsRoom,
    s3Room,
    ec2Room,
    iamRoom,
    stsRoom,
    // Secrets Manager and SSM come last, as the health listing shows them.
    secretsRoom,
    ssmRoom,
  ];
}

/** The facade of the room named `name`, for the app (and tests) that hold the list of rooms. */
export function facadeOf<F>(rooms: Room[], name: string): F {
  const room = rooms.find((r) => r.name === name) as Partial<RoomWithFacade<F>> | undefined;
  if (!room?.facade) throw new Error(`no room ${name} with a facade`);
  return room.facade;
}
