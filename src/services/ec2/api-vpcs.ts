/**
 * @module services/ec2/api-vpcs
 * VPCs, and the region's facts (availability zones, regions, account attributes).
 */
import { ec2Id } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { formatIpv4Block, parseIpv4Block } from '../../core/net.ts';
import type { Ec2Context } from './context.ts';
import { vpcParts } from './defaults.ts';
import { describe } from './describe.ts';
import { ec2Error } from './errors.ts';
import type { VpcRecord } from './model.ts';
import type { Ec2Operations } from './shapes.ts';
import { tagsAtCreation } from './tags.ts';
import { vpcView } from './view.ts';
import { regionsFor, zonesOf } from './zones.ts';

/** A region's EC2 endpoint as AWS names it (Slipway answers for every region on its one port). */
const endpointOf = (region: string) => `ec2.${region}.amazonaws.com`;

export function vpcHandlers(ec2: Ec2Context): Handlers<Ec2Operations> {
  const { model } = ec2;
  return {
    CreateVpc(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      if (input.CidrBlock === undefined) throw ec2Error.missing('CidrBlock');
      const block = parseIpv4Block(input.CidrBlock);
      if (!block) throw ec2Error.invalidValue('cidrBlock', input.CidrBlock, 'This is not a valid CIDR block.');
      if (block.prefix < 16 || block.prefix > 28) throw ec2Error.vpcRange(input.CidrBlock);
      const tags = tagsAtCreation(input.TagSpecifications, 'vpc');
      const vpc: VpcRecord = {
        kind: 'vpc',
        id: ec2Id('vpc'),
        scope,
        tags,
        cidr: formatIpv4Block(block),
        isDefault: false,
        cidrAssociationId: ec2Id('vpc-cidr-assoc'),
        dhcpOptionsId: model.all(scope, 'vpc').find((v) => v.isDefault)?.dhcpOptionsId ?? ec2Id('dopt'),
      };
      model.write(scope, () => {
        model.put(vpc);
        for (const part of vpcParts(scope, vpc.id, vpc.cidr, ec2Id)) model.put(part);
      });
      return { Vpc: { ...vpcView(vpc), State: 'pending' } };
    },

    DeleteVpc(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const vpc = model.get(scope, 'vpc', input.VpcId);
      if (!vpc) throw ec2Error.notFound('vpc', input.VpcId);
      // What goes with the VPC: its default security group and main route table. Anything else is a dependency.
      const parts = model.inVpc(scope, vpc.id);
      const own = (r: (typeof parts)[number]) =>
        (r.kind === 'sg' && r.name === 'default') || (r.kind === 'rtb' && r.associations.some((a) => a.main));
      const gateway = model.all(scope, 'igw').some((g) => g.vpcId === vpc.id);
      if (gateway || parts.some((r) => !own(r))) throw ec2Error.dependency('vpc', vpc.id);
      model.write(scope, () => {
        for (const part of parts) model.delete(part.id);
        model.delete(vpc.id);
      });
      return {};
    },

    DescribeVpcs(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const page = describe(model.all(scope, 'vpc'), input, {
        operation: 'DescribeVpcs',
        id: { of: (v) => v.id, missing: (id) => ec2Error.notFound('vpc', id), ids: input.VpcIds },
        fields: {
          'vpc-id': (v) => [v.id],
          cidr: (v) => [v.cidr],
          'cidr-block': (v) => [v.cidr],
          'cidr-block-association.cidr-block': (v) => [v.cidr],
          'cidr-block-association.association-id': (v) => [v.cidrAssociationId],
          'cidr-block-association.state': () => ['associated'],
          'dhcp-options-id': (v) => [v.dhcpOptionsId],
          'is-default': (v) => [v.isDefault],
          'owner-id': (v) => [v.scope.split(':')[1]],
          state: () => ['available'],
        },
      });
      return { Vpcs: page.items.map(vpcView), NextToken: page.next };
    },

    DescribeAvailabilityZones(input, ctx) {
      const { region } = scopeOf(ctx);
      const zones = zonesOf(region).map((z) => ({ ...z, tags: [] }));
      const page = describe(zones, input, {
        operation: 'DescribeAvailabilityZones',
        id: {
          of: (z) => z.name,
          missing: (name) => ec2Error.invalidValue('ZoneName', name, 'Invalid availability zone.'),
          ids: input.ZoneNames,
        },
        fields: {
          'zone-name': (z) => [z.name],
          'zone-id': (z) => [z.id],
          'region-name': () => [region],
          state: () => ['available'],
          'zone-type': () => ['availability-zone'],
          'opt-in-status': () => ['opt-in-not-required'],
        },
      });
      const ids = new Set(input.ZoneIds ?? []);
      return {
        AvailabilityZones: page.items
          .filter((z) => !ids.size || ids.has(z.id))
          .map((z) => ({
            ZoneName: z.name,
            ZoneId: z.id,
            RegionName: region,
            State: 'available',
            OptInStatus: 'opt-in-not-required',
            ZoneType: 'availability-zone',
            GroupName: region,
            NetworkBorderGroup: region,
            Messages: [],
          })),
      };
    },

    DescribeRegions(input, ctx) {
      const regions = regionsFor(scopeOf(ctx).region).map((name) => ({ name, tags: [] }));
      const page = describe(regions, input, {
        operation: 'DescribeRegions',
        id: { of: (r) => r.name, missing: (name) => ec2Error.invalidValue('RegionName', name, 'Invalid region.'), ids: input.RegionNames },
        fields: {
          'region-name': (r) => [r.name],
          endpoint: (r) => [endpointOf(r.name)],
          'opt-in-status': () => ['opt-in-not-required'],
        },
      });
      return {
        Regions: page.items.map((r) => ({ RegionName: r.name, Endpoint: endpointOf(r.name), OptInStatus: 'opt-in-not-required' })),
      };
    },

    DescribeAccountAttributes(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const defaultVpc = model.all(scope, 'vpc').find((v) => v.isDefault)?.id ?? 'none';
      const attributes: Record<string, string[]> = {
        'supported-platforms': ['VPC'],
        'default-vpc': [defaultVpc],
        'max-instances': ['20'],
        'vpc-max-security-groups-per-interface': ['5'],
        'max-elastic-ips': ['5'],
        'vpc-max-elastic-ips': ['5'],
      };
      const names = input.AttributeNames ?? Object.keys(attributes);
      return {
        AccountAttributes: names
          .filter((n) => Object.hasOwn(attributes, n))
          .map((n) => ({ AttributeName: n, AttributeValues: attributes[n].map((v) => ({ AttributeValue: v })) })),
      };
    },
  };
}
