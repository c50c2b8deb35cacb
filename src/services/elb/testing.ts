/**
 * @module services/elb/testing
 * For the ELB room's unit tests: whether HAProxy is installed, so tests that need it skip without;
 * stored records as the room's handlers would have written them; two load balancers with a
 * listener each, over an in-memory store.
 */
import { execFileSync } from 'node:child_process';
import { Store } from '../../store/store.ts';
import { HEALTH_DEFAULTS } from './health.ts';
import { elbModel, type ElbModel, type StoredLoadBalancer, type StoredTargetGroup } from './model.ts';
import type { Action } from './shapes.ts';

export const ARN = 'arn:aws:elasticloadbalancing:us-east-1:000000000000';
export const group = (name: string) => `${ARN}:targetgroup/${name}/1`;

/** An active application load balancer as CreateLoadBalancer stores it. */
export function storedLoadBalancer(arn: string, name: string, address = '127.0.1.1'): StoredLoadBalancer {
  return {
    LoadBalancerArn: arn,
    LoadBalancerName: name,
    DNSName: address,
    CreatedTime: 0,
    Scheme: 'internet-facing',
    VpcId: 'vpc-1',
    State: { Code: 'active' },
    Type: 'application',
    AvailabilityZones: [],
    SecurityGroups: [],
    IpAddressType: 'ipv4',
  };
}

/** An HTTP target group of `ip` targets with ALB's health check defaults. */
export function storedTargetGroup(arn: string, name: string): StoredTargetGroup {
  return {
    TargetGroupArn: arn,
    TargetGroupName: name,
    Protocol: 'HTTP',
    Port: 80,
    VpcId: 'vpc-1',
    TargetType: 'ip',
    ProtocolVersion: 'HTTP1',
    IpAddressType: 'ipv4',
    ...HEALTH_DEFAULTS,
  };
}

export function haproxyInstalled(): boolean {
  try {
    execFileSync('haproxy', ['-v']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Load balancers `lb` (127.0.1.1) and `other` (127.0.1.2), target groups blue, green and
 * elsewhere, and a listener on each: `prod` on lb forwarding to blue, one on other to elsewhere.
 */
export function listeningModel() {
  const model = elbModel(Store.open(':memory:'));
  for (const [lb, address] of [
    ['lb', '127.0.1.1'],
    ['other', '127.0.1.2'],
  ]) {
    model.putLoadBalancer({ lb: storedLoadBalancer(`${ARN}:loadbalancer/app/${lb}/1`, lb, address), attributes: {}, tags: [], address });
  }
  for (const name of ['blue', 'green', 'elsewhere']) {
    model.putTargetGroup({ tg: storedTargetGroup(group(name), name), attributes: {}, tags: [] });
  }
  const listen = (lb: string, id: string, to: string) =>
    putHttpListener(model, `${ARN}:loadbalancer/app/${lb}/1`, `${ARN}:listener/app/${lb}/1/${id}`, 80, group(to));
  const prod = listen('lb', 'prod', 'blue');
  listen('other', 'x', 'elsewhere');
  return { model, prod };
}

/** An HTTP listener forwarding to one target group, with its default rule, as CreateListener stores them; returns its ARN. */
export function putHttpListener(model: ElbModel, lbArn: string, listenerArn: string, port: number, targetGroupArn: string): string {
  const actions: Action[] = [{ Type: 'forward', TargetGroupArn: targetGroupArn }];
  model.putListener({
    listener: { ListenerArn: listenerArn, LoadBalancerArn: lbArn, Port: port, Protocol: 'HTTP', DefaultActions: actions },
    tags: [],
  });
  model.putRule({
    rule: { RuleArn: `${listenerArn}/default`, Priority: 'default', Conditions: [], Actions: actions, IsDefault: true },
    listenerArn,
    priority: 1_000_000,
    tags: [],
  });
  return listenerArn;
}
