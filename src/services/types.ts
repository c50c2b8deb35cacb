/**
 * @module services/types
 * What every service room receives and what it gives back to the edge.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import type { EventBus } from '../core/events.ts';
import type { ApiService } from '../protocol/types.ts';
import type { ContainerRuntime } from '../runtime/types.ts';
import type { Store } from '../store/index.ts';
import type { ResourceFacts } from './authorization.ts';

export interface AppContext {
  config: Config;
  /** Where the edge listens, filled in once it does (before any request is served). */
  edge: { url: string; host: string; port: number };
  store: Store;
  clock: Clock;
  runtime: ContainerRuntime;
  events: EventBus;
  /**
   * Set when signatures are required, before the edge listens: whether the holder of an access key
   * may perform `action` on `resource` (rooms with their own HTTP routes, the registry and git,
   * ask it); the AccessDenied message when not.
   */
  identity?: {
    denial(accessKeyId: string, action: string, resource: string, secure?: boolean): string | undefined;
    /** The same for an operation of a service, authorized as its room's map says (action, resources, roles handed over). */
    operationDenial(
      accessKeyId: string,
      call: { service: string; operation: string; input: Record<string, unknown>; region: string },
    ): string | undefined;
    /**
     * For a route that checks its own callers (access 'own') as the edge checks a signed one: why the
     * caller of `req` may not perform `action` on `resource` (AWS's code and words), or undefined.
     */
    endpointRefusal(req: IncomingMessage, action: string, resource: string): { status: number; code: string; message: string } | undefined;
    /** For git over HTTPS: 401 when its Basic credentials name no one, 403 with AWS's message when policies refuse. */
    gitRefusal(
      authorization: string | undefined,
      request: {
        host: string;
        path: string;
        action: string;
        resource: string;
        /** Slipway's own git host also takes an access key's secret as the password. */
        secretKeyPassword?: boolean;
        /** Over the edge's TLS port (aws:SecureTransport). */
        secure?: boolean;
      },
    ): { status: 401 | 403; message: string } | undefined;
  };
}

/** A plain HTTP route on the edge (Slipway's own endpoints under /_slipway, the registry, git). */
export interface Route {
  method: string;
  path: RegExp;
  /**
   * Who may call it when signatures are required (README, "Slipway's own endpoints"): anyone
   * (`public`, with why beside the route), callers the route checks itself (`own`: git's Basic
   * credentials, registry tokens, the console's token, a webhook's secret), or a SigV4-signed
   * caller whose policies allow `action` (the edge checks it, over the body as signed).
   */
  access: 'public' | 'own' | { action: string };
  handle(req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray): Promise<void> | void;
}

export interface Room {
  name: string;
  api?: ApiService;
  routes?: Route[];
  /** Starts controllers; called before the edge listens. */
  start?(): Promise<void> | void;
  /** Stops controllers; containers are left running. */
  stop?(): Promise<void> | void;
  /** What `slipway status` (/_slipway/health) shows of this room: its own processes and files. */
  status?(): Record<string, unknown>;
  /** What is wrong now that a user must act on (health turns `degraded` and lists them), each saying what to do. */
  problems?(): string[];
  /** What IAM weighs of this room's resource named by `resourceArn` (under the room's signing name); undefined when it holds none. */
  authorization?(resourceArn: string): ResourceFacts | undefined;
}

/** A room that offers other rooms a typed facade; src/services/index.ts hands it to them at registration. */
export interface RoomWithFacade<F> extends Room {
  facade: F;
}

/**
 * How one operation is authorized, as AWS's service authorization reference lists it: the IAM
 * action when it is not `<service>:<Operation>`, and the resources it acts on as ARN templates:
 * `{region}` and `{account}` are the request's, `{Member}` an input member's value (its last
 * segment when it holds an ARN; one resource per element of a list), `{Member=default}` with a
 * default, `{Member*}` the value verbatim (an S3 key), `{a.b}` a member of a member. No resources means `*`. passRole names the input members that hand a role over
 * (iam:PassRole is checked on each).
 */
export interface IamActionEntry {
  action?: string;
  resources?: string[];
  passRole?: string[];
  /** Service condition keys the call carries, each read from an input member (`s3:prefix` from `Prefix=`, empty when absent). */
  conditionKeys?: Record<string, string>;
}

/** A room's operations → their authorization, typed by the room's generated operation names. */
export type IamActions<Ops> = { [K in keyof Ops]?: IamActionEntry };
