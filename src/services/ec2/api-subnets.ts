/**
 * @module services/ec2/api-subnets
 * Subnets: a CIDR inside its VPC's, overlapping no other subnet of the VPC, in one of the region's
 * availability zones.
 */
import { ec2Id } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { blockContains, blocksOverlap, formatIpv4Block, parseIpv4Block } from '../../core/net.ts';
import type { Ec2Context } from './context.ts';
import { describe } from './describe.ts';
import { ec2Error } from './errors.ts';
import type { SubnetRecord } from './model.ts';
import type { Ec2Operations } from './shapes.ts';
import { tagsAtCreation } from './tags.ts';
import { subnetView } from './view.ts';
import { zonesOf } from './zones.ts';

export function subnetHandlers(ec2: Ec2Context): Handlers<Ec2Operations> {
  const { model } = ec2;
  return {
    CreateSubnet(input, ctx) {
      const { region } = scopeOf(ctx);
      const scope = scopeKey(scopeOf(ctx));
      const vpc = model.get(scope, 'vpc', input.VpcId);
      if (!vpc) throw ec2Error.notFound('vpc', input.VpcId);
      if (input.CidrBlock === undefined) throw ec2Error.missing('CidrBlock');
      const block = parseIpv4Block(input.CidrBlock);
      if (!block) throw ec2Error.invalidValue('cidrBlock', input.CidrBlock, 'This is not a valid CIDR block.');
      if (block.prefix < 16 || block.prefix > 28 || !blockContains(parseIpv4Block(vpc.cidr)!, block))
        throw ec2Error.subnetRange(input.CidrBlock);
      const siblings = model.all(scope, 'subnet').filter((s) => s.vpcId === vpc.id);
      if (siblings.some((s) => blocksOverlap(parseIpv4Block(s.cidr)!, block))) throw ec2Error.subnetConflict(input.CidrBlock);
      const zones = zonesOf(region);
      let zone = zones[0];
      if (input.AvailabilityZone !== undefined || input.AvailabilityZoneId !== undefined) {
        const found = zones.find((z) => z.name === input.AvailabilityZone || z.id === input.AvailabilityZoneId);
        if (!found) {
          const [parameter, value] =
            input.AvailabilityZone !== undefined
              ? ['availabilityZone', input.AvailabilityZone]
              : ['availabilityZoneId', input.AvailabilityZoneId];
          throw ec2Error.invalidValue(
            parameter,
            value,
            `Subnets can currently only be created in the following availability zones: ${zones.map((z) => z.name).join(', ')}.`,
          );
        }
        zone = found;
      }
      const subnet: SubnetRecord = {
        kind: 'subnet',
        id: ec2Id('subnet'),
        scope,
        tags: tagsAtCreation(input.TagSpecifications, 'subnet'),
        vpcId: vpc.id,
        cidr: formatIpv4Block(block),
        zone: zone.name,
        defaultForAz: false,
        mapPublicIpOnLaunch: false,
      };
      model.write(scope, () => model.put(subnet));
      return { Subnet: subnetView(subnet) };
    },

    DeleteSubnet(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const subnet = model.get(scope, 'subnet', input.SubnetId);
      if (!subnet) throw ec2Error.notFound('subnet', input.SubnetId);
      const tables = model.all(scope, 'rtb').filter((t) => t.associations.some((a) => a.subnetId === subnet.id));
      model.write(scope, () => {
        // A subnet's route table association goes with it, as in EC2.
        for (const table of tables) model.put({ ...table, associations: table.associations.filter((a) => a.subnetId !== subnet.id) });
        model.delete(subnet.id);
      });
      return {};
    },

    DescribeSubnets(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const page = describe(model.all(scope, 'subnet'), input, {
        operation: 'DescribeSubnets',
        id: { of: (s) => s.id, missing: (id) => ec2Error.notFound('subnet', id), ids: input.SubnetIds },
        fields: {
          'subnet-id': (s) => [s.id],
          'vpc-id': (s) => [s.vpcId],
          'cidr-block': (s) => [s.cidr],
          cidr: (s) => [s.cidr],
          cidrBlock: (s) => [s.cidr],
          'availability-zone': (s) => [s.zone],
          availabilityZone: (s) => [s.zone],
          'availability-zone-id': (s) => [subnetView(s).AvailabilityZoneId],
          'default-for-az': (s) => [s.defaultForAz],
          defaultForAz: (s) => [s.defaultForAz],
          'map-public-ip-on-launch': (s) => [s.mapPublicIpOnLaunch],
          'owner-id': (s) => [s.scope.split(':')[1]],
          state: () => ['available'],
          'subnet-arn': (s) => [subnetView(s).SubnetArn],
        },
      });
      return { Subnets: page.items.map(subnetView), NextToken: page.next };
    },

    ModifySubnetAttribute(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const subnet = model.get(scope, 'subnet', input.SubnetId);
      if (!subnet) throw ec2Error.notFound('subnet', input.SubnetId);
      const value = input.MapPublicIpOnLaunch?.Value;
      if (value === undefined) throw ec2Error.missing('MapPublicIpOnLaunch');
      model.write(scope, () => model.put({ ...subnet, mapPublicIpOnLaunch: value }));
      return {};
    },
  };
}
