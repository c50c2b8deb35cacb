/**
 * @module services/ec2/defaults
 * The network every region has before anyone asks, as AWS gives each account: a default VPC
 * (172.31.0.0/16) with a /20 default subnet in each availability zone, its default security group,
 * its main route table sending 0.0.0.0/0 to an internet gateway attached to it. A pure function of
 * the region: ids are derived from it, so they are the same before and after the records are stored.
 */
import { defaultVpcId, stableEc2Id } from '../../core/ids.ts';
import { formatIpv4Block, parseIpv4Block } from '../../core/net.ts';
import type { Ec2Record, GroupRecord, RouteTableRecord } from './model.ts';
import { zonesOf } from './zones.ts';

export const DEFAULT_VPC_CIDR = '172.31.0.0/16';

/** What a new VPC gets with it: its default security group and its main route table. */
export function vpcParts(scope: string, vpcId: string, cidr: string, ids: (prefix: string) => string): [GroupRecord, RouteTableRecord] {
  const groupId = ids('sg');
  const group: GroupRecord = {
    kind: 'sg',
    id: groupId,
    scope,
    tags: [],
    vpcId,
    name: 'default',
    description: 'default VPC security group',
    rules: [
      { id: ids('sgr'), egress: false, protocol: '-1', groupId },
      { id: ids('sgr'), egress: true, protocol: '-1', cidr: '0.0.0.0/0' },
    ],
  };
  const table: RouteTableRecord = {
    kind: 'rtb',
    id: ids('rtb'),
    scope,
    tags: [],
    vpcId,
    routes: [{ destination: cidr, gatewayId: 'local', origin: 'CreateRouteTable' }],
    associations: [{ id: ids('rtbassoc'), main: true }],
  };
  return [group, table];
}

export function defaultNetwork(scope: string): Ec2Record[] {
  const [region, account] = scope.split(':');
  let n = 0;
  const ids = (prefix: string) => stableEc2Id(prefix, `${scope}/default/${prefix}/${n++}`);
  const vpcId = defaultVpcId({ region, account });
  const gatewayId = ids('igw');
  const [group, table] = vpcParts(scope, vpcId, DEFAULT_VPC_CIDR, ids);
  table.routes.push({ destination: '0.0.0.0/0', gatewayId, origin: 'CreateRouteTable' });
  const base = parseIpv4Block(DEFAULT_VPC_CIDR)!.base;
  const subnets: Ec2Record[] = zonesOf(region).map((zone, i) => ({
    kind: 'subnet',
    id: ids('subnet'),
    scope,
    tags: [],
    vpcId,
    cidr: formatIpv4Block({ base: base + i * 4096, prefix: 20 }),
    zone: zone.name,
    defaultForAz: true,
    mapPublicIpOnLaunch: true,
  }));
  return [
    {
      kind: 'vpc',
      id: vpcId,
      scope,
      tags: [],
      cidr: DEFAULT_VPC_CIDR,
      isDefault: true,
      cidrAssociationId: ids('vpc-cidr-assoc'),
      dhcpOptionsId: ids('dopt'),
    },
    ...subnets,
    group,
    table,
    { kind: 'igw', id: gatewayId, scope, tags: [], vpcId },
  ];
}
