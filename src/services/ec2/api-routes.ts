/**
 * @module services/ec2/api-routes
 * Route tables: each VPC's main table, tables of one's own, routes to an internet gateway (or
 * `local`, which each table has for its VPC), and subnet associations — a subnet belongs to one
 * table at a time, else to the main one.
 */
import { ec2Id } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { formatIpv4Block, parseIpv4Block } from '../../core/net.ts';
import type { Ec2Context } from './context.ts';
import { describe } from './describe.ts';
import { ec2Error } from './errors.ts';
import type { RouteTableRecord } from './model.ts';
import type { Ec2Operations } from './shapes.ts';
import { tagsAtCreation } from './tags.ts';
import { routeTableView } from './view.ts';

export function routeHandlers(ec2: Ec2Context): Handlers<Ec2Operations> {
  const { model } = ec2;
  const tableOf = (scope: string, id: string) => {
    const table = model.get(scope, 'rtb', id);
    if (!table) throw ec2Error.notFound('rtb', id);
    return table;
  };
  const destinationOf = (cidr: string | undefined) => {
    if (cidr === undefined) throw ec2Error.missing('DestinationCidrBlock');
    const block = parseIpv4Block(cidr);
    if (!block) throw ec2Error.invalidValue('destinationCidrBlock', cidr, 'This is not a valid CIDR block.');
    return formatIpv4Block(block);
  };
  return {
    CreateRouteTable(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const vpc = model.get(scope, 'vpc', input.VpcId);
      if (!vpc) throw ec2Error.notFound('vpc', input.VpcId);
      const table: RouteTableRecord = {
        kind: 'rtb',
        id: ec2Id('rtb'),
        scope,
        tags: tagsAtCreation(input.TagSpecifications, 'rtb'),
        vpcId: vpc.id,
        routes: [{ destination: vpc.cidr, gatewayId: 'local', origin: 'CreateRouteTable' }],
        associations: [],
      };
      model.write(scope, () => model.put(table));
      return { RouteTable: routeTableView(table) };
    },

    DeleteRouteTable(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const table = tableOf(scope, input.RouteTableId);
      if (table.associations.length) throw ec2Error.dependency('routeTable', table.id);
      model.write(scope, () => model.delete(table.id));
      return {};
    },

    CreateRoute(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const table = tableOf(scope, input.RouteTableId);
      const destination = destinationOf(input.DestinationCidrBlock);
      if (input.GatewayId === undefined) throw ec2Error.missing('GatewayId');
      const gateway = model.get(scope, 'igw', input.GatewayId);
      if (!gateway) throw ec2Error.notFound('igw', input.GatewayId);
      if (gateway.vpcId !== table.vpcId) throw ec2Error.notAttached(gateway.id, table.vpcId);
      if (table.routes.some((r) => r.destination === destination)) throw ec2Error.routeExists(destination);
      model.write(scope, () =>
        model.put({ ...table, routes: [...table.routes, { destination, gatewayId: gateway.id, origin: 'CreateRoute' }] }),
      );
      return { Return: true };
    },

    DeleteRoute(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const table = tableOf(scope, input.RouteTableId);
      const destination = destinationOf(input.DestinationCidrBlock);
      const route = table.routes.find((r) => r.destination === destination && r.gatewayId !== 'local');
      if (!route) throw ec2Error.routeNotFound(destination, table.id);
      model.write(scope, () => model.put({ ...table, routes: table.routes.filter((r) => r !== route) }));
      return {};
    },

    AssociateRouteTable(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const table = tableOf(scope, input.RouteTableId);
      if (input.SubnetId === undefined) throw ec2Error.missing('SubnetId');
      const subnet = model.get(scope, 'subnet', input.SubnetId);
      if (!subnet) throw ec2Error.notFound('subnet', input.SubnetId);
      if (subnet.vpcId !== table.vpcId)
        throw ec2Error.combination(`route table ${table.id} and subnet ${subnet.id} belong to different networks`);
      const holder = model.all(scope, 'rtb').find((t) => t.associations.some((a) => a.subnetId === subnet.id));
      if (holder) throw ec2Error.subnetAssociated(subnet.id, holder.id);
      const association = { id: ec2Id('rtbassoc'), subnetId: subnet.id, main: false };
      model.write(scope, () => model.put({ ...table, associations: [...table.associations, association] }));
      return { AssociationId: association.id, AssociationState: { State: 'associated' } };
    },

    DisassociateRouteTable(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const table = model.all(scope, 'rtb').find((t) => t.associations.some((a) => a.id === input.AssociationId));
      const association = table?.associations.find((a) => a.id === input.AssociationId);
      if (!table || !association) throw ec2Error.associationNotFound(input.AssociationId);
      if (association.main) throw ec2Error.combination(`${association.id} is the main route table association; replace it instead`);
      model.write(scope, () => model.put({ ...table, associations: table.associations.filter((a) => a !== association) }));
      return {};
    },

    DescribeRouteTables(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const page = describe(model.all(scope, 'rtb'), input, {
        operation: 'DescribeRouteTables',
        id: { of: (t) => t.id, missing: (id) => ec2Error.notFound('rtb', id), ids: input.RouteTableIds },
        fields: {
          'route-table-id': (t) => [t.id],
          'vpc-id': (t) => [t.vpcId],
          'association.main': (t) => [t.associations.some((a) => a.main)],
          'association.subnet-id': (t) => t.associations.map((a) => a.subnetId),
          'association.route-table-association-id': (t) => t.associations.map((a) => a.id),
          'association.route-table-id': (t) => (t.associations.length ? [t.id] : []),
          'route.destination-cidr-block': (t) => t.routes.map((r) => r.destination),
          'route.gateway-id': (t) => t.routes.map((r) => r.gatewayId),
          'route.origin': (t) => t.routes.map((r) => r.origin),
          'route.state': () => ['active'],
          'owner-id': (t) => [t.scope.split(':')[1]],
        },
      });
      return { RouteTables: page.items.map(routeTableView), NextToken: page.next };
    },
  };
}
