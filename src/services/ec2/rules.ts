/**
 * @module services/ec2/rules
 * Security group rules as EC2 reads them from IpPermissions (or the older CidrIp/IpProtocol/
 * FromPort/ToPort members): one rule per source, protocols by name, ports checked.
 */
import { ec2Id } from '../../core/ids.ts';
import { formatIpv4Block, parseIpv4Block } from '../../core/net.ts';
import { ec2Error } from './errors.ts';
import type { GroupRecord, RuleRecord } from './model.ts';
import type { IpPermission } from './shapes.ts';

/** The members Authorize* and Revoke* share. */
export interface RuleRequest {
  IpPermissions?: IpPermission[];
  CidrIp?: string;
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  SourceSecurityGroupName?: string;
}

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1', '58': 'icmpv6' };

function protocolOf(text: string | undefined): string {
  if (text === undefined || text === '') throw ec2Error.missing('IpProtocol');
  const name = PROTOCOL_NAMES[text.toLowerCase()] ?? text.toLowerCase();
  if (['tcp', 'udp', 'icmp', 'icmpv6', '-1'].includes(name) || (/^\d{1,3}$/.test(name) && Number(name) <= 255)) return name;
  throw ec2Error.invalidValue('ipProtocol', text, 'Invalid value for portRange. Must specify a valid protocol.');
}

function portsOf(protocol: string, from: number | undefined, to: number | undefined): Pick<RuleRecord, 'fromPort' | 'toPort'> {
  if (protocol === '-1') return {};
  if (protocol === 'tcp' || protocol === 'udp') {
    if (from === undefined || to === undefined) throw ec2Error.missing(from === undefined ? 'FromPort' : 'ToPort');
    if (from < 0 || to > 65535 || from > to)
      throw ec2Error.invalidValue('portRange', `${from}-${to}`, 'Must be within 0 and 65535, from no greater than to.');
    return { fromPort: from, toPort: to };
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    const type = from ?? -1;
    const code = to ?? -1;
    if (type < -1 || type > 255 || code < -1 || code > 255)
      throw ec2Error.invalidValue('icmpTypeCode', `${type}/${code}`, 'ICMP type and code must be within -1 and 255.');
    return { fromPort: type, toPort: code };
  }
  return {};
}

/**
 * The rules a request names, with fresh ids. `groupOf` resolves a referenced group (by id, or by
 * name in the rule's own VPC) and throws when it does not exist.
 */
export function rulesOf(
  request: RuleRequest,
  egress: boolean,
  groupOf: (ref: { GroupId?: string; GroupName?: string }) => GroupRecord,
): RuleRecord[] {
  const permissions: IpPermission[] = request.IpPermissions?.length
    ? request.IpPermissions
    : [
        {
          IpProtocol: request.IpProtocol,
          FromPort: request.FromPort,
          ToPort: request.ToPort,
          IpRanges: request.CidrIp !== undefined ? [{ CidrIp: request.CidrIp }] : [],
          UserIdGroupPairs: request.SourceSecurityGroupName !== undefined ? [{ GroupName: request.SourceSecurityGroupName }] : [],
        },
      ];
  const rules: RuleRecord[] = [];
  for (const p of permissions) {
    const protocol = protocolOf(p.IpProtocol);
    const ports = portsOf(protocol, p.FromPort, p.ToPort);
    const base = { egress, protocol, ...ports };
    for (const range of p.IpRanges ?? []) {
      const block = parseIpv4Block(range.CidrIp ?? '');
      if (!block) throw ec2Error.invalidValue('cidrIp', range.CidrIp, `CIDR block ${range.CidrIp} is malformed`);
      rules.push({ id: ec2Id('sgr'), ...base, cidr: formatIpv4Block(block), description: range.Description });
    }
    for (const pair of p.UserIdGroupPairs ?? []) {
      rules.push({ id: ec2Id('sgr'), ...base, groupId: groupOf(pair).id, description: pair.Description });
    }
  }
  if (!rules.length) throw ec2Error.missing('IpPermissions');
  return rules;
}

/** Two rules that allow the same traffic from the same source. */
export function sameRule(a: RuleRecord, b: RuleRecord): boolean {
  return (
    a.egress === b.egress &&
    a.protocol === b.protocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.cidr === b.cidr &&
    a.groupId === b.groupId
  );
}

/** A rule as EC2 quotes it in InvalidPermission.Duplicate. */
export function quoted(rule: RuleRecord): string {
  const protocol = rule.protocol === '-1' ? 'ALL' : rule.protocol.toUpperCase();
  const ports = rule.fromPort === undefined ? '' : `, from port: ${rule.fromPort}, to port: ${rule.toPort}`;
  return `peer: ${rule.cidr ?? rule.groupId}, ${protocol}${ports}, ALLOW`;
}
