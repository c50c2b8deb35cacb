/**
 * @module services/elb/api-load-balancers
 * CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer and their attributes. Each load
 * balancer gets a loopback address of its own and a DNSName that resolves to it (hosts.ts).
 */
import { decimalId, defaultVpcId, elbArn, hex16 } from '../../core/ids.ts';
import { paginate } from '../../core/paging.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { RequestContext } from '../../protocol/types.ts';
import { asList, defaultAttributes, modifyAttributes } from './attributes.ts';
import type { ElbContext } from './context.ts';
import { checkEc2Ids, checkName, describePaging, elbError } from './errors.ts';
import { addressesOfOthers, allocateAddress, dnsName } from './hosts.ts';
import type { LoadBalancerRecord, StoredLoadBalancer } from './model.ts';
import type { AvailabilityZone, Elbv2Operations } from './shapes.ts';
import { checkTags } from './tags.ts';

type Ops = Elbv2Operations;
/** ALB's hosted zone id in us-east-1; what Route 53 alias records would name. */
const HOSTED_ZONE = 'Z35SXDOTRQ7X7K';

export function requireLoadBalancer(elb: ElbContext, arn: string): LoadBalancerRecord {
  const r = elb.model.loadBalancers.get(arn);
  if (!r) throw elbError.loadBalancerNotFound(`Load balancer '${arn}' not found`);
  return r;
}

export function loadBalancerHandlers(elb: ElbContext) {
  const { model } = elb;
  return {
    CreateLoadBalancer(input: Ops['CreateLoadBalancer']['input'], ctx: RequestContext): Ops['CreateLoadBalancer']['output'] {
      checkName('Load balancer', input.Name);
      if (input.Type && input.Type !== 'application')
        throw elbError.unsupported(`load balancers of type '${input.Type}' (it runs application load balancers)`);
      checkTags(input.Tags);
      const scope = scopeOf(ctx);
      const subnets = input.Subnets ?? input.SubnetMappings?.map((m) => m.SubnetId ?? missingSubnet()) ?? [];
      checkEc2Ids(input);
      const created = model.tx(() => {
        const existing = model.loadBalancers.find({ scope: scopeKey(scope), name: input.Name })[0];
        if (existing) {
          const same =
            (existing.lb.Scheme ?? 'internet-facing') === (input.Scheme ?? 'internet-facing') &&
            (input.IpAddressType ?? 'ipv4') === existing.lb.IpAddressType &&
            (subnets.length === 0 ||
              JSON.stringify([...subnets].sort()) === JSON.stringify(existing.lb.AvailabilityZones.map((z) => z.SubnetId).sort()));
          if (!same) throw elbError.duplicateLoadBalancer(input.Name);
          return existing;
        }
        const taken = new Set([...model.loadBalancers.find().map((r) => r.address), ...addressesOfOthers(elb.config.dataDir)]);
        const address = allocateAddress(taken);
        const internal = input.Scheme === 'internal';
        const lb: StoredLoadBalancer = {
          LoadBalancerArn: elbArn.loadBalancer(scope, input.Name, hex16()),
          DNSName: elb.hostsManaged ? dnsName(input.Name, decimalId(10), ctx.region, internal) : address,
          CanonicalHostedZoneId: HOSTED_ZONE,
          CreatedTime: elb.clock.now(),
          LoadBalancerName: input.Name,
          Scheme: input.Scheme ?? 'internet-facing',
          VpcId: defaultVpcId(scope),
          State: { Code: 'active' },
          Type: 'application',
          AvailabilityZones: zones(ctx.region, subnets, address),
          SecurityGroups: input.SecurityGroups ?? [],
          IpAddressType: input.IpAddressType ?? 'ipv4',
        };
        const record: LoadBalancerRecord = { lb, attributes: defaultAttributes('lb'), tags: input.Tags ?? [], address };
        model.putLoadBalancer(record);
        return record;
      });
      elb.publishNames();
      return { LoadBalancers: [created.lb] };
    },

    DescribeLoadBalancers(input: Ops['DescribeLoadBalancers']['input'], ctx: RequestContext): Ops['DescribeLoadBalancers']['output'] {
      const scope = scopeKey(scopeOf(ctx));
      const names = input.Names ?? [];
      let found: LoadBalancerRecord[];
      if (input.LoadBalancerArns?.length) {
        found = input.LoadBalancerArns.map((arn) => model.loadBalancers.get(arn) ?? missing());
      } else if (names.length) {
        const all = model.loadBalancers.find({ scope });
        const unknown = names.filter((n) => !all.some((r) => r.lb.LoadBalancerName === n));
        if (unknown.length) throw elbError.loadBalancerNotFound(`Load balancers '[${unknown.join(', ')}]' not found`);
        found = all.filter((r) => names.includes(r.lb.LoadBalancerName));
      } else {
        found = model.loadBalancers.find({ scope }, 'name');
      }
      const page = paginate(found, { token: input.Marker, size: input.PageSize }, describePaging('DescribeLoadBalancers'));
      return { LoadBalancers: page.items.map((r) => r.lb), NextMarker: page.next };
    },

    DeleteLoadBalancer(input: Ops['DeleteLoadBalancer']['input']): Ops['DeleteLoadBalancer']['output'] {
      model.tx(() => {
        const r = model.loadBalancers.get(input.LoadBalancerArn);
        if (!r) return; // ALB: deleting what is gone succeeds
        if (r.attributes['deletion_protection.enabled'] === 'true') {
          throw elbError.operationNotPermitted(
            `Load balancer '${input.LoadBalancerArn}' cannot be deleted because deletion protection is enabled`,
          );
        }
        for (const l of model.listeners.find({ lb: input.LoadBalancerArn })) {
          for (const rule of model.rules.find({ listener: l.listener.ListenerArn })) model.rules.delete(rule.rule.RuleArn);
          model.listeners.delete(l.listener.ListenerArn);
        }
        model.loadBalancers.delete(input.LoadBalancerArn);
      });
      elb.publishNames();
      elb.changed();
      return {};
    },

    DescribeLoadBalancerAttributes(input: Ops['DescribeLoadBalancerAttributes']['input']): Ops['DescribeLoadBalancerAttributes']['output'] {
      return { Attributes: asList({ ...defaultAttributes('lb'), ...requireLoadBalancer(elb, input.LoadBalancerArn).attributes }) };
    },

    ModifyLoadBalancerAttributes(input: Ops['ModifyLoadBalancerAttributes']['input']): Ops['ModifyLoadBalancerAttributes']['output'] {
      const updated = model.tx(() => {
        const r = requireLoadBalancer(elb, input.LoadBalancerArn);
        r.attributes = modifyAttributes('lb', r.attributes, input.Attributes);
        model.putLoadBalancer(r);
        return r;
      });
      elb.changed();
      return { Attributes: asList(updated.attributes) };
    },
  };
}

function missing(): never {
  throw elbError.loadBalancerNotFound();
}

function missingSubnet(): never {
  throw elbError.validation('A SubnetId must be specified in each of the SubnetMappings');
}

/** One zone per subnet (a, b, c …), each showing the address the load balancer listens on. */
function zones(region: string, subnets: string[], address: string): AvailabilityZone[] {
  const list = subnets.length ? subnets : ['subnet-00000000000000000'];
  return list.map((subnet, i) => ({
    ZoneName: `${region}${String.fromCharCode(97 + (i % 6))}`,
    SubnetId: subnet,
    LoadBalancerAddresses: [{ IpAddress: address }],
  }));
}
