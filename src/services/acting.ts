/**
 * @module services/acting
 * Rooms that act for a user with a role — CodePipeline with the pipeline's role, CodeDeploy with
 * the deployment group's — reach other rooms through facades that know it. A unit of work runs
 * inside `actAs` (an action's run, a deployment's step); each facade handed to that room
 * (src/services/index.ts) authorizes the calls it lists as the API operation they stand for,
 * as that role, and refuses with RoleDenied. Calls made outside such work, and every call in open
 * mode, pass as before. The controllers' runs start outside any role (core/reconcile), so work a
 * call merely wakes is not done as the caller's role.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type RoleSessions, type ServiceRole, ServiceRoleError } from './sts/index.ts';

interface Acting {
  room: string;
  role: ServiceRole;
}

const acting = new AsyncLocalStorage<Acting>();

/** Runs `work` (and everything it awaits) as `room` acting with `role`. */
export function actAs<T>(room: string, role: ServiceRole, work: () => T): T {
  return acting.run({ room, role }, work);
}

/** A facade call as an API operation: the operation, its input. */
export interface OperationCall {
  operation: string;
  input: Record<string, unknown>;
}

/** Each facade method's call as the API operation it stands for; a method returning a promise refuses by rejecting it. */
export type FacadeCalls<F> = {
  [K in keyof F]?: F[K] extends (...args: infer A) => infer R
    ? (...args: A) => OperationCall & (R extends Promise<unknown> ? { async: true } : { async?: never })
    : never;
};

/** The service a facade belongs to: its IAM prefix and the name AWS's SDK errors give it. */
export interface ActedService {
  signingName: string;
  /** As in "(Service: AWSCodeBuild; Status Code: 400; Error Code: AccessDeniedException)". */
  sdkName: string;
  /** S3 refuses with 403 AccessDenied; the JSON services with 400 AccessDeniedException. */
  rest?: boolean;
}

/** A call the role may not make: the message is what the acting service reports (pipeline errorDetails, deployment errorInformation). */
export class RoleDenied extends Error {
  constructor(
    message: string,
    readonly roleArn: string,
    readonly service: ActedService,
  ) {
    super(message);
    this.name = 'RoleDenied';
  }
}

/** `facade` as `room` reaches it: the calls `calls` lists are authorized as the role `room` acts with at the time. */
export function actingFacade<F extends object>(
  room: string,
  facade: F,
  service: ActedService,
  calls: FacadeCalls<F>,
  roles: RoleSessions,
): F {
  return new Proxy(facade, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      const call = (calls as Record<PropertyKey, ((...args: unknown[]) => OperationCall & { async?: true }) | undefined>)[prop];
      if (typeof value !== 'function' || !call) return value;
      return (...args: unknown[]) => {
        const now = acting.getStore();
        if (now?.room === room) {
          const operation = call(...args);
          try {
            authorize(roles, now.role, service, operation);
          } catch (err) {
            if (operation.async) return Promise.reject(err);
            throw err;
          }
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function authorize(roles: RoleSessions, role: ServiceRole, service: ActedService, call: OperationCall): void {
  let denied: string | undefined;
  try {
    denied = roles.denial(role, { service: service.signingName, ...call });
  } catch (err) {
    if (!(err instanceof ServiceRoleError)) throw err;
    denied = `${role.servicePrincipal} is not authorized to perform AssumeRole on role ${role.roleArn}`;
  }
  if (!denied) return;
  const method = call.operation[0].toLowerCase() + call.operation.slice(1);
  throw new RoleDenied(
    `Error calling ${method}: ${denied} (Service: ${service.sdkName}; ${service.rest ? 'Status Code: 403; Error Code: AccessDenied' : 'Status Code: 400; Error Code: AccessDeniedException'})`,
    role.roleArn,
    service,
  );
}
