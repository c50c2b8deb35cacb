/**
 * @module services/elb/api-target-groups
 * CreateTargetGroup, DescribeTargetGroups, ModifyTargetGroup, DeleteTargetGroup and their
 * attributes, with ALB's health check defaults and limits.
 */
import { defaultVpcId, elbArn, hex16 } from '../../core/ids.ts';
import { paginate } from '../../core/paging.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { RequestContext } from '../../protocol/types.ts';
import { requireLoadBalancer } from './api-load-balancers.ts';
import { asList, defaultAttributes, modifyAttributes } from './attributes.ts';
import type { ElbContext } from './context.ts';
import { checkName, describePaging, elbError } from './errors.ts';
import { HEALTH_DEFAULTS, validMatcher } from './health.ts';
import type { HealthCheckSettings, StoredTargetGroup, TargetGroupRecord } from './model.ts';
import type { Elbv2Operations, ModifyTargetGroupInput, TargetGroup } from './shapes.ts';
import { checkTags } from './tags.ts';
import { requireTargetGroup } from './targets.ts';

type Ops = Elbv2Operations;
type HealthSettings = Omit<ModifyTargetGroupInput, 'TargetGroupArn'>;

/** Health check settings with ALB's defaults, checked against ALB's limits. */
function healthSettings(input: HealthSettings, base: HealthCheckSettings): HealthCheckSettings {
  const s: HealthCheckSettings = {
    HealthCheckProtocol: input.HealthCheckProtocol ?? base.HealthCheckProtocol,
    HealthCheckPort: input.HealthCheckPort ?? base.HealthCheckPort,
    HealthCheckEnabled: input.HealthCheckEnabled ?? base.HealthCheckEnabled,
    HealthCheckPath: input.HealthCheckPath ?? base.HealthCheckPath,
    HealthCheckIntervalSeconds: input.HealthCheckIntervalSeconds ?? base.HealthCheckIntervalSeconds,
    HealthCheckTimeoutSeconds: input.HealthCheckTimeoutSeconds ?? base.HealthCheckTimeoutSeconds,
    HealthyThresholdCount: input.HealthyThresholdCount ?? base.HealthyThresholdCount,
    UnhealthyThresholdCount: input.UnhealthyThresholdCount ?? base.UnhealthyThresholdCount,
    Matcher: input.Matcher ?? base.Matcher,
  };
  if (s.HealthCheckProtocol !== 'HTTP' && s.HealthCheckProtocol !== 'HTTPS')
    throw elbError.validation(
      `Health check protocol '${s.HealthCheckProtocol}' must be HTTP or HTTPS for target groups of an application load balancer`,
    );
  const port = s.HealthCheckPort;
  if (port !== 'traffic-port' && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    throw elbError.validation(`Health check port '${port}' must be 'traffic-port' or between 1 and 65535`);
  }
  if (!s.HealthCheckPath.startsWith('/') || s.HealthCheckPath.length > 1024)
    throw elbError.validation(`Health check path '${s.HealthCheckPath}' must start with '/' and be at most 1024 characters`);
  const range = (name: string, v: number, lo: number, hi: number) => {
    if (v < lo || v > hi) throw elbError.validation(`${name} '${v}' must be between ${lo} and ${hi}`);
  };
  range('Health check interval', s.HealthCheckIntervalSeconds, 5, 300);
  range('Health check timeout', s.HealthCheckTimeoutSeconds, 2, 120);
  range('Healthy threshold count', s.HealthyThresholdCount, 2, 10);
  range('Unhealthy threshold count', s.UnhealthyThresholdCount, 2, 10);
  if (s.HealthCheckTimeoutSeconds >= s.HealthCheckIntervalSeconds) {
    throw elbError.validation(
      `Health check timeout '${s.HealthCheckTimeoutSeconds}' must be smaller than the interval '${s.HealthCheckIntervalSeconds}'`,
    );
  }
  if (s.Matcher.GrpcCode !== undefined || !validMatcher(s.Matcher.HttpCode ?? '')) {
    throw elbError.validation(
      `Health check matcher HTTP code '${s.Matcher.HttpCode ?? ''}' must be within '200-499' ("200", "200,202" or "200-299")`,
    );
  }
  return s;
}

export function targetGroupHandlers(elb: ElbContext) {
  const { model } = elb;
  const view = (r: TargetGroupRecord, usage = model.usage()): TargetGroup => ({
    ...r.tg,
    LoadBalancerArns: [...(usage.get(r.tg.TargetGroupArn) ?? [])],
  });
  return {
    CreateTargetGroup(input: Ops['CreateTargetGroup']['input'], ctx: RequestContext): Ops['CreateTargetGroup']['output'] {
      checkName('Target group', input.Name);
      checkTags(input.Tags);
      const type = input.TargetType ?? 'instance';
      if (type === 'lambda' || type === 'alb') throw elbError.unsupported(`target groups of type '${type}'`);
      if (!input.Protocol) throw elbError.validation('A protocol must be specified');
      if (input.Protocol !== 'HTTP' && input.Protocol !== 'HTTPS')
        throw elbError.unsupported(`target groups with protocol ${input.Protocol} (application load balancers forward HTTP and HTTPS)`);
      if (input.Port === undefined) throw elbError.validation('A port must be specified');
      if (input.Port < 1 || input.Port > 65535) throw elbError.validation(`Port '${input.Port}' must be between 1 and 65535`);
      if (input.ProtocolVersion && !['HTTP1', 'HTTP2'].includes(input.ProtocolVersion))
        throw elbError.unsupported(`protocol version ${input.ProtocolVersion}`);
      const tg: Omit<StoredTargetGroup, 'TargetGroupArn'> = {
        TargetGroupName: input.Name,
        Protocol: input.Protocol,
        Port: input.Port,
        VpcId: input.VpcId ?? defaultVpcId(scopeOf(ctx)),
        // Health checks speak the target group's protocol unless told otherwise, as ALB's do.
        ...healthSettings(input, { ...HEALTH_DEFAULTS, HealthCheckProtocol: input.Protocol }),
        TargetType: type,
        ProtocolVersion: input.ProtocolVersion ?? 'HTTP1',
        IpAddressType: input.IpAddressType ?? 'ipv4',
      };
      const record = model.tx(() => {
        const existing = model.targetGroups.find({ scope: scopeKey(scopeOf(ctx)), name: input.Name })[0];
        if (existing) {
          const { TargetGroupArn: _arn, ...settings } = existing.tg;
          if (JSON.stringify(settings) !== JSON.stringify(tg)) throw elbError.duplicateTargetGroup(input.Name);
          return existing;
        }
        const created: TargetGroupRecord = {
          tg: { TargetGroupArn: elbArn.targetGroup(scopeOf(ctx), input.Name, hex16()), ...tg },
          attributes: defaultAttributes('tg'),
          tags: input.Tags ?? [],
        };
        model.putTargetGroup(created);
        return created;
      });
      return { TargetGroups: [view(record)] };
    },

    DescribeTargetGroups(input: Ops['DescribeTargetGroups']['input'], ctx: RequestContext): Ops['DescribeTargetGroups']['output'] {
      const usage = model.usage();
      const scope = scopeKey(scopeOf(ctx));
      const lbArn = input.LoadBalancerArn;
      let found: TargetGroupRecord[];
      if (input.TargetGroupArns?.length) {
        found = input.TargetGroupArns.map((arn) => requireTargetGroup(model, arn));
      } else if (input.Names?.length) {
        const all = model.targetGroups.find({ scope });
        found = input.Names.map(
          (n) =>
            all.find((r) => r.tg.TargetGroupName === n) ??
            (() => {
              throw elbError.targetGroupNotFound(`One or more target groups not found`);
            })(),
        );
      } else if (lbArn) {
        requireLoadBalancer(elb, lbArn);
        found = model.targetGroups.find({ scope }, 'name').filter((r) => usage.get(r.tg.TargetGroupArn)?.has(lbArn));
      } else {
        found = model.targetGroups.find({ scope }, 'name');
      }
      const page = paginate(found, { token: input.Marker, size: input.PageSize }, describePaging('DescribeTargetGroups'));
      return { TargetGroups: page.items.map((r) => view(r, usage)), NextMarker: page.next };
    },

    ModifyTargetGroup(input: Ops['ModifyTargetGroup']['input']): Ops['ModifyTargetGroup']['output'] {
      const record = model.tx(() => {
        const r = requireTargetGroup(model, input.TargetGroupArn);
        r.tg = { ...r.tg, ...healthSettings(input, r.tg) };
        model.putTargetGroup(r);
        return r;
      });
      elb.changed();
      return { TargetGroups: [view(record)] };
    },

    DeleteTargetGroup(input: Ops['DeleteTargetGroup']['input']): Ops['DeleteTargetGroup']['output'] {
      model.tx(() => {
        if (!model.targetGroups.get(input.TargetGroupArn)) return;
        if (model.usage().has(input.TargetGroupArn)) {
          throw elbError.resourceInUse(`Target group '${input.TargetGroupArn}' is currently in use by a listener or a rule`);
        }
        for (const t of model.targets.find({ tg: input.TargetGroupArn })) model.deleteTarget(t);
        model.targetGroups.delete(input.TargetGroupArn);
      });
      elb.changed();
      return {};
    },

    DescribeTargetGroupAttributes(input: Ops['DescribeTargetGroupAttributes']['input']): Ops['DescribeTargetGroupAttributes']['output'] {
      return { Attributes: asList({ ...defaultAttributes('tg'), ...requireTargetGroup(model, input.TargetGroupArn).attributes }) };
    },

    ModifyTargetGroupAttributes(input: Ops['ModifyTargetGroupAttributes']['input']): Ops['ModifyTargetGroupAttributes']['output'] {
      const record = model.tx(() => {
        const r = requireTargetGroup(model, input.TargetGroupArn);
        r.attributes = modifyAttributes('tg', r.attributes, input.Attributes);
        model.putTargetGroup(r);
        return r;
      });
      elb.changed();
      return { Attributes: asList(record.attributes) };
    },
  };
}
