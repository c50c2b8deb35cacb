/**
 * @module services/ec2/view
 * Records as EC2's Describe and Create calls show them.
 */
import { ec2Arn, type Scope } from '../../core/ids.ts';
import { blockSize, parseIpv4Block } from '../../core/net.ts';
import type { GatewayRecord, GroupRecord, KeyRecord, RouteTableRecord, RuleRecord, SubnetRecord, VpcRecord } from './model.ts';
import type { InternetGateway, IpPermission, KeyPairInfo, RouteTable, SecurityGroup, SecurityGroupRule, Subnet, Vpc } from './shapes.ts';
import { zonesOf } from './zones.ts';

export function scopeOfRecord(record: { scope: string }): Scope {
  const [region, account] = record.scope.split(':');
  return { region, account };
}

const owner = (record: { scope: string }) => scopeOfRecord(record).account;

export function vpcView(vpc: VpcRecord): Vpc {
  return {
    VpcId: vpc.id,
    OwnerId: owner(vpc),
    State: 'available',
    CidrBlock: vpc.cidr,
    CidrBlockAssociationSet: [{ AssociationId: vpc.cidrAssociationId, CidrBlock: vpc.cidr, CidrBlockState: { State: 'associated' } }],
    DhcpOptionsId: vpc.dhcpOptionsId,
    InstanceTenancy: 'default',
    IsDefault: vpc.isDefault,
    Tags: vpc.tags,
  };
}

/** The addresses a subnet offers: AWS keeps the first four and the last. */
function usableAddresses(cidr: string): number {
  return Math.max(0, blockSize(parseIpv4Block(cidr)!) - 5);
}

export function subnetView(subnet: SubnetRecord): Subnet {
  const scope = scopeOfRecord(subnet);
  return {
    SubnetId: subnet.id,
    SubnetArn: ec2Arn.resource(scope, 'subnet', subnet.id),
    OwnerId: scope.account,
    VpcId: subnet.vpcId,
    State: 'available',
    CidrBlock: subnet.cidr,
    AvailableIpAddressCount: usableAddresses(subnet.cidr),
    AvailabilityZone: subnet.zone,
    AvailabilityZoneId: zonesOf(scope.region).find((z) => z.name === subnet.zone)?.id,
    DefaultForAz: subnet.defaultForAz,
    MapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
    Tags: subnet.tags,
  };
}

/** A group's rules, gathered as EC2 shows IpPermissions: one permission per protocol and port range. */
export function permissions(group: GroupRecord, egress: boolean): IpPermission[] {
  const out = new Map<string, IpPermission>();
  for (const rule of group.rules.filter((r) => r.egress === egress)) {
    const key = `${rule.protocol}/${rule.fromPort}/${rule.toPort}`;
    let p = out.get(key);
    if (!p) {
      p = { IpProtocol: rule.protocol, FromPort: rule.fromPort, ToPort: rule.toPort, IpRanges: [], UserIdGroupPairs: [] };
      out.set(key, p);
    }
    if (rule.cidr) p.IpRanges!.push({ CidrIp: rule.cidr, Description: rule.description });
    if (rule.groupId) p.UserIdGroupPairs!.push({ GroupId: rule.groupId, UserId: owner(group), Description: rule.description });
  }
  return [...out.values()];
}

export function groupView(group: GroupRecord): SecurityGroup {
  return {
    GroupId: group.id,
    GroupName: group.name,
    Description: group.description,
    VpcId: group.vpcId,
    OwnerId: owner(group),
    SecurityGroupArn: ec2Arn.resource(scopeOfRecord(group), 'security-group', group.id),
    IpPermissions: permissions(group, false),
    IpPermissionsEgress: permissions(group, true),
    Tags: group.tags,
  };
}

export function ruleView(group: GroupRecord, rule: RuleRecord): SecurityGroupRule {
  return {
    SecurityGroupRuleId: rule.id,
    SecurityGroupRuleArn: ec2Arn.resource(scopeOfRecord(group), 'security-group-rule', rule.id),
    GroupId: group.id,
    GroupOwnerId: owner(group),
    IsEgress: rule.egress,
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort ?? -1,
    ToPort: rule.toPort ?? -1,
    CidrIpv4: rule.cidr,
    ReferencedGroupInfo: rule.groupId ? { GroupId: rule.groupId, UserId: owner(group) } : undefined,
    Description: rule.description,
    Tags: [],
  };
}

export function gatewayView(gateway: GatewayRecord): InternetGateway {
  return {
    InternetGatewayId: gateway.id,
    OwnerId: owner(gateway),
    // EC2 shows an attached gateway as 'available', a value its model's enum does not list.
    Attachments: gateway.vpcId ? [{ VpcId: gateway.vpcId, State: 'available' as never }] : [],
    Tags: gateway.tags,
  };
}

export function routeTableView(table: RouteTableRecord): RouteTable {
  return {
    RouteTableId: table.id,
    VpcId: table.vpcId,
    OwnerId: owner(table),
    Routes: table.routes.map((r) => ({ DestinationCidrBlock: r.destination, GatewayId: r.gatewayId, Origin: r.origin, State: 'active' })),
    Associations: table.associations.map((a) => ({
      RouteTableAssociationId: a.id,
      RouteTableId: table.id,
      SubnetId: a.subnetId,
      Main: a.main,
      AssociationState: { State: 'associated' },
    })),
    PropagatingVgws: [],
    Tags: table.tags,
  };
}

export function keyView(key: KeyRecord, withPublicKey = false): KeyPairInfo {
  return {
    KeyPairId: key.id,
    KeyName: key.name,
    KeyType: key.keyType,
    KeyFingerprint: key.fingerprint,
    PublicKey: withPublicKey ? key.publicKey : undefined,
    CreateTime: key.createTime,
    Tags: key.tags,
  };
}
