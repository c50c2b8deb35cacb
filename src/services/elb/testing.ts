/**
 * @module services/elb/testing
 * For the ELB room's unit tests: whether HAProxy is installed, so tests that need it skip without;
 * stored records as the room's handlers would have written them.
 */
import { execFileSync } from 'node:child_process';
import { HEALTH_DEFAULTS } from './health.ts';
import type { StoredLoadBalancer, StoredTargetGroup } from './model.ts';

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
