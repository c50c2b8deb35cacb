/**
 * @module services/elb/iam-actions
 * Elastic Load Balancing's operations as IAM authorizes them: a call acts on the load balancer,
 * listener, rule or target group whose ARN it names; a create acts on the new resource's ARN
 * (its id still `*`); the Describe calls on `*`, as AWS lists them.
 */
import type { IamActions } from '../types.ts';
import type { Elbv2Operations } from './shapes.ts';

const loadBalancer = { resources: ['{LoadBalancerArn}'] };
const listener = { resources: ['{ListenerArn}'] };
const rule = { resources: ['{RuleArn}'] };
const targetGroup = { resources: ['{TargetGroupArn}'] };

export const elbIamActions: IamActions<Elbv2Operations> = {
  CreateLoadBalancer: { resources: ['arn:aws:elasticloadbalancing:{region}:{account}:loadbalancer/app/{Name}/*'] },
  DeleteLoadBalancer: loadBalancer,
  ModifyLoadBalancerAttributes: loadBalancer,
  CreateListener: loadBalancer,
  DeleteListener: listener,
  ModifyListener: listener,
  AddListenerCertificates: listener,
  RemoveListenerCertificates: listener,
  CreateRule: listener,
  DeleteRule: rule,
  ModifyRule: rule,
  SetRulePriorities: { resources: ['{RulePriorities.RuleArn}'] },
  CreateTargetGroup: { resources: ['arn:aws:elasticloadbalancing:{region}:{account}:targetgroup/{Name}/*'] },
  DeleteTargetGroup: targetGroup,
  ModifyTargetGroup: targetGroup,
  ModifyTargetGroupAttributes: targetGroup,
  RegisterTargets: targetGroup,
  DeregisterTargets: targetGroup,
  AddTags: { resources: ['{ResourceArns}'] },
  RemoveTags: { resources: ['{ResourceArns}'] },
  DescribeLoadBalancers: {},
  DescribeLoadBalancerAttributes: {},
  DescribeListeners: {},
  DescribeListenerCertificates: {},
  DescribeRules: {},
  DescribeSSLPolicies: {},
  DescribeTargetGroups: {},
  DescribeTargetGroupAttributes: {},
  DescribeTargetHealth: {},
  DescribeTags: {},
};
