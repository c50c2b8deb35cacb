/**
 * @module services/ec2/api-gateways
 * Internet gateways: one per VPC, attached and detached as a record.
 */
import { ec2Id } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { Ec2Context } from './context.ts';
import { describe } from './describe.ts';
import { ec2Error } from './errors.ts';
import type { GatewayRecord } from './model.ts';
import type { Ec2Operations } from './shapes.ts';
import { tagsAtCreation } from './tags.ts';
import { gatewayView } from './view.ts';

export function gatewayHandlers(ec2: Ec2Context): Handlers<Ec2Operations> {
  const { model } = ec2;
  const gatewayOf = (scope: string, id: string) => {
    const gateway = model.get(scope, 'igw', id);
    if (!gateway) throw ec2Error.notFound('igw', id);
    return gateway;
  };
  return {
    CreateInternetGateway(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const gateway: GatewayRecord = { kind: 'igw', id: ec2Id('igw'), scope, tags: tagsAtCreation(input.TagSpecifications, 'igw') };
      model.write(scope, () => model.put(gateway));
      return { InternetGateway: gatewayView(gateway) };
    },

    AttachInternetGateway(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const gateway = gatewayOf(scope, input.InternetGatewayId);
      if (!model.get(scope, 'vpc', input.VpcId)) throw ec2Error.notFound('vpc', input.VpcId);
      if (gateway.vpcId) throw ec2Error.alreadyAttached(gateway.id, gateway.vpcId);
      const other = model.all(scope, 'igw').find((g) => g.vpcId === input.VpcId);
      if (other) throw ec2Error.vpcHasGateway(input.VpcId, other.id);
      model.write(scope, () => model.put({ ...gateway, vpcId: input.VpcId }));
      return {};
    },

    DetachInternetGateway(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const gateway = gatewayOf(scope, input.InternetGatewayId);
      if (gateway.vpcId !== input.VpcId) throw ec2Error.notAttached(gateway.id, input.VpcId);
      model.write(scope, () => model.put({ ...gateway, vpcId: undefined }));
      return {};
    },

    DeleteInternetGateway(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const gateway = gatewayOf(scope, input.InternetGatewayId);
      if (gateway.vpcId) throw ec2Error.dependency('internetGateway', gateway.id);
      model.write(scope, () => model.delete(gateway.id));
      return {};
    },

    DescribeInternetGateways(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const page = describe(model.all(scope, 'igw'), input, {
        operation: 'DescribeInternetGateways',
        id: { of: (g) => g.id, missing: (id) => ec2Error.notFound('igw', id), ids: input.InternetGatewayIds },
        fields: {
          'internet-gateway-id': (g) => [g.id],
          'attachment.vpc-id': (g) => [g.vpcId],
          'attachment.state': (g) => [g.vpcId ? 'available' : undefined],
          'owner-id': (g) => [g.scope.split(':')[1]],
        },
      });
      return { InternetGateways: page.items.map(gatewayView), NextToken: page.next };
    },
  };
}
