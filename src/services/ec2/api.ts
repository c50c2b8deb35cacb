/**
 * @module services/ec2/api
 * The EC2 operations Slipway serves: the VPC surface the documents' network steps use. Every call
 * with DryRun set answers DryRunOperation once its input is valid, writing nothing; the rest of
 * EC2 (instances, volumes, NAT gateways, …) answers 501.
 */
import type { Handler, Handlers } from '../../protocol/types.ts';
import { gatewayHandlers } from './api-gateways.ts';
import { groupHandlers } from './api-groups.ts';
import { keyHandlers } from './api-keys.ts';
import { routeHandlers } from './api-routes.ts';
import { subnetHandlers } from './api-subnets.ts';
import { tagHandlers } from './api-tags.ts';
import { vpcHandlers } from './api-vpcs.ts';
import type { Ec2Context } from './context.ts';
import { ec2Error } from './errors.ts';
import type { Ec2Operations } from './shapes.ts';

export function ec2Handlers(ec2: Ec2Context): Handlers<Ec2Operations> {
  const handlers: Record<string, Handler<any, any> | undefined> = {
    ...vpcHandlers(ec2),
    ...subnetHandlers(ec2),
    ...groupHandlers(ec2),
    ...gatewayHandlers(ec2),
    ...routeHandlers(ec2),
    ...keyHandlers(ec2),
    ...tagHandlers(ec2),
  };
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (input: { DryRun?: boolean }, ctx: Parameters<Handler<unknown, unknown>>[1]) => {
        if (input.DryRun === true) throw ec2Error.dryRun();
        return handler!(input, ctx);
      },
    ]),
  ) as Handlers<Ec2Operations>;
}
