/**
 * @module services/ec2/api-groups
 * Security groups and their rules. Groups are a record: Slipway's load balancers and tasks do not
 * filter traffic by them (the README says so).
 */
import { ec2Id } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers, RequestContext } from '../../protocol/types.ts';
import type { Ec2Context } from './context.ts';
import { describe } from './describe.ts';
import { ec2Error } from './errors.ts';
import type { GroupRecord } from './model.ts';
import { quoted, type RuleRequest, rulesOf, sameRule } from './rules.ts';
import type { Ec2Operations } from './shapes.ts';
import { tagsAtCreation } from './tags.ts';
import { groupView, permissions, ruleView } from './view.ts';

/** The characters EC2 allows in a VPC security group's name and description. */
const GROUP_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/;
const GROUP_CHARACTERS = 'a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*';

export function groupHandlers(ec2: Ec2Context): Handlers<Ec2Operations> {
  const { model } = ec2;
  const defaultVpc = (scope: string) => model.all(scope, 'vpc').find((v) => v.isDefault);

  /** The group a call names by GroupId, or by GroupName in the default VPC. */
  function groupOf(scope: string, ref: { GroupId?: string; GroupName?: string }, vpcId?: string): GroupRecord {
    if (ref.GroupId !== undefined) {
      const group = model.get(scope, 'sg', ref.GroupId);
      if (!group) throw ec2Error.notFound('sg', ref.GroupId);
      return group;
    }
    if (ref.GroupName === undefined) throw ec2Error.missing('GroupId');
    const vpc = vpcId ?? defaultVpc(scope)?.id ?? '';
    const group = model.all(scope, 'sg').find((g) => g.vpcId === vpc && g.name === ref.GroupName);
    if (!group) throw ec2Error.groupNameNotFound(ref.GroupName, vpc);
    return group;
  }

  function authorize(input: RuleRequest & { GroupId?: string; GroupName?: string }, ctx: RequestContext, egress: boolean) {
    const scope = scopeKey(scopeOf(ctx));
    const group = groupOf(scope, input);
    const added = rulesOf(input, egress, (ref) => groupOf(scope, ref, group.vpcId));
    for (const [i, rule] of added.entries()) {
      if (group.rules.some((r) => sameRule(r, rule)) || added.slice(0, i).some((r) => sameRule(r, rule)))
        throw ec2Error.ruleDuplicate(quoted(rule));
    }
    const updated = { ...group, rules: [...group.rules, ...added] };
    model.write(scope, () => model.put(updated));
    return { Return: true, SecurityGroupRules: added.map((r) => ruleView(updated, r)) };
  }

  function revoke(
    input: RuleRequest & { GroupId?: string; GroupName?: string; SecurityGroupRuleIds?: string[] },
    ctx: RequestContext,
    egress: boolean,
  ) {
    const scope = scopeKey(scopeOf(ctx));
    const group = groupOf(scope, input);
    let gone;
    let unknown: GroupRecord['rules'] = [];
    if (input.SecurityGroupRuleIds?.length) {
      const missing = input.SecurityGroupRuleIds.find((id) => !group.rules.some((r) => r.id === id && r.egress === egress));
      if (missing !== undefined) throw ec2Error.ruleIdNotFound(missing);
      gone = group.rules.filter((r) => input.SecurityGroupRuleIds!.includes(r.id));
    } else {
      const asked = rulesOf(input, egress, (ref) => groupOf(scope, ref, group.vpcId));
      gone = group.rules.filter((r) => asked.some((a) => sameRule(a, r)));
      unknown = asked.filter((a) => !group.rules.some((r) => sameRule(a, r)));
      if (!gone.length) throw ec2Error.ruleNotFound();
    }
    model.write(scope, () => model.put({ ...group, rules: group.rules.filter((r) => !gone.includes(r)) }));
    return {
      Return: true,
      UnknownIpPermissions: unknown.length ? permissions({ ...group, rules: unknown }, egress) : undefined,
      RevokedSecurityGroupRules: gone.map((r) => ({
        SecurityGroupRuleId: r.id,
        GroupId: group.id,
        IsEgress: egress,
        IpProtocol: r.protocol,
        FromPort: r.fromPort,
        ToPort: r.toPort,
        CidrIpv4: r.cidr,
        ReferencedGroupId: r.groupId,
        Description: r.description,
      })),
    };
  }

  return {
    CreateSecurityGroup(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const vpcId = input.VpcId ?? defaultVpc(scope)?.id;
      if (!vpcId) throw ec2Error.missing('VpcId');
      if (!model.get(scope, 'vpc', vpcId)) throw ec2Error.notFound('vpc', vpcId);
      if (!GROUP_TEXT.test(input.GroupName) || input.GroupName.toLowerCase().startsWith('sg-')) {
        throw ec2Error.invalidValue(
          'GroupName',
          input.GroupName,
          `Group names are 1 to 255 of ${GROUP_CHARACTERS} and do not start with 'sg-'.`,
        );
      }
      if (!GROUP_TEXT.test(input.Description)) {
        throw ec2Error.invalidValue('GroupDescription', input.Description, `Descriptions are 1 to 255 of ${GROUP_CHARACTERS}.`);
      }
      if (model.all(scope, 'sg').some((g) => g.vpcId === vpcId && g.name === input.GroupName))
        throw ec2Error.groupDuplicate(input.GroupName, vpcId);
      const group: GroupRecord = {
        kind: 'sg',
        id: ec2Id('sg'),
        scope,
        tags: tagsAtCreation(input.TagSpecifications, 'sg'),
        vpcId,
        name: input.GroupName,
        description: input.Description,
        rules: [{ id: ec2Id('sgr'), egress: true, protocol: '-1', cidr: '0.0.0.0/0' }],
      };
      model.write(scope, () => model.put(group));
      const view = groupView(group);
      return { GroupId: group.id, SecurityGroupArn: view.SecurityGroupArn, Tags: group.tags };
    },

    DeleteSecurityGroup(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const group = groupOf(scope, input);
      if (group.name === 'default') throw ec2Error.defaultGroup(group.id);
      const referrer = model.all(scope, 'sg').find((g) => g.id !== group.id && g.rules.some((r) => r.groupId === group.id));
      if (referrer) throw ec2Error.groupInUse(group.id, referrer.id);
      model.write(scope, () => model.delete(group.id));
      return { Return: true, GroupId: group.id };
    },

    DescribeSecurityGroups(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const named = (input.GroupNames ?? []).map((name) => groupOf(scope, { GroupName: name }).id);
      const ids = [...(input.GroupIds ?? []), ...named];
      const rulesOf = (g: GroupRecord, egress: boolean) => g.rules.filter((r) => r.egress === egress);
      const page = describe(model.all(scope, 'sg'), input, {
        operation: 'DescribeSecurityGroups',
        id: { of: (g) => g.id, missing: (id) => ec2Error.notFound('sg', id), ids },
        fields: {
          'group-id': (g) => [g.id],
          'group-name': (g) => [g.name],
          description: (g) => [g.description],
          'vpc-id': (g) => [g.vpcId],
          'owner-id': (g) => [g.scope.split(':')[1]],
          'ip-permission.cidr': (g) => rulesOf(g, false).map((r) => r.cidr),
          'ip-permission.from-port': (g) => rulesOf(g, false).map((r) => r.fromPort),
          'ip-permission.to-port': (g) => rulesOf(g, false).map((r) => r.toPort),
          'ip-permission.protocol': (g) => rulesOf(g, false).map((r) => r.protocol),
          'ip-permission.group-id': (g) => rulesOf(g, false).map((r) => r.groupId),
          'egress.ip-permission.cidr': (g) => rulesOf(g, true).map((r) => r.cidr),
          'egress.ip-permission.from-port': (g) => rulesOf(g, true).map((r) => r.fromPort),
          'egress.ip-permission.to-port': (g) => rulesOf(g, true).map((r) => r.toPort),
          'egress.ip-permission.protocol': (g) => rulesOf(g, true).map((r) => r.protocol),
          'egress.ip-permission.group-id': (g) => rulesOf(g, true).map((r) => r.groupId),
        },
      });
      return { SecurityGroups: page.items.map(groupView), NextToken: page.next };
    },

    DescribeSecurityGroupRules(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      const all = model.all(scope, 'sg').flatMap((group) => group.rules.map((rule) => ({ group, rule, tags: [] })));
      const page = describe(all, input, {
        operation: 'DescribeSecurityGroupRules',
        id: { of: (r) => r.rule.id, missing: (id) => ec2Error.ruleIdNotFound(id), ids: input.SecurityGroupRuleIds },
        fields: { 'group-id': (r) => [r.group.id], 'security-group-rule-id': (r) => [r.rule.id] },
      });
      return { SecurityGroupRules: page.items.map((r) => ruleView(r.group, r.rule)), NextToken: page.next };
    },

    AuthorizeSecurityGroupIngress: (input, ctx) => authorize(input, ctx, false),
    AuthorizeSecurityGroupEgress: (input, ctx) => authorize(input, ctx, true),
    RevokeSecurityGroupIngress: (input, ctx) => revoke(input, ctx, false),
    RevokeSecurityGroupEgress: (input, ctx) => revoke(input, ctx, true),
  };
}
