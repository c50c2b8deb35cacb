/**
 * @module services/elb/errors
 * The ELBv2 errors Slipway answers, worded as ALB words them. Codes are the model's short wire
 * codes (`error.code`); the Query serializer takes each one's HTTP status from the model.
 */
import { AwsError } from '../../core/errors.ts';
import type { PageRules } from '../../core/paging.ts';
import { shown } from '../../core/text.ts';

const e = (code: string, message: string) => new AwsError(code, message);

export const elbError = {
  validation: (message: string) => e('ValidationError', message),
  loadBalancerNotFound: (what = 'One or more load balancers not found') => e('LoadBalancerNotFound', what),
  targetGroupNotFound: (what = 'One or more target groups not found') => e('TargetGroupNotFound', what),
  listenerNotFound: (what = 'One or more listeners not found') => e('ListenerNotFound', what),
  ruleNotFound: (what = 'One or more rules not found') => e('RuleNotFound', what),
  duplicateLoadBalancer: (name: string) =>
    e('DuplicateLoadBalancerName', `A load balancer with the same name '${name}' exists, but with different settings`),
  duplicateTargetGroup: (name: string) =>
    e('DuplicateTargetGroupName', `A target group with the same name '${name}' exists, but with different settings`),
  duplicateListener: (lbArn: string) => e('DuplicateListener', `A listener already exists on this port for this load balancer '${lbArn}'`),
  priorityInUse: (priority: number) => e('PriorityInUse', `Priority '${priority}' is currently in use`),
  resourceInUse: (message: string) => e('ResourceInUse', message),
  invalidConfiguration: (message: string) => e('InvalidConfigurationRequest', message),
  invalidAction: (message: string) => e('InvalidLoadBalancerAction', message),
  invalidTarget: (message: string) => e('InvalidTarget', message),
  incompatibleProtocols: (message: string) => e('IncompatibleProtocols', message),
  operationNotPermitted: (message: string) => e('OperationNotPermitted', message),
  associationLimit: (tgArn: string) =>
    e('TargetGroupAssociationLimit', `The following target groups cannot be associated with more than one load balancer: ${tgArn}`),
  certificateNotFound: (arn: string) => e('CertificateNotFound', `Certificate '${arn}' not found`),
  sslPolicyNotFound: (name: string) => e('SSLPolicyNotFound', `SSL policy '${name}' not found`),
  tooManyCertificates: () => e('TooManyCertificates', "You've reached the limit on the number of certificates per load balancer"),
  tooManyRules: () => e('TooManyRules', 'The maximum number of rules for this listener has been reached'),
  tooManyTags: () => e('TooManyTags', 'The quota for the number of tags that can be assigned to a resource has been reached'),
  duplicateTagKeys: (key: string) => e('DuplicateTagKeys', `Tag key '${key}' is specified more than once`),
  invalidSubnet: (id: string) => e('InvalidSubnet', `The subnet ID '${id}' is not valid`),
  invalidSecurityGroup: (id: string) => e('InvalidSecurityGroup', `The security group '${id}' does not exist`),
  allocationIdNotFound: (id: string) => e('AllocationIdNotFound', `The allocation ID '${id}' does not exist`),
  unsupported: (what: string) => e('ValidationError', `Slipway does not support ${what} yet.`),
};

/** Paging of a Describe call by Marker and PageSize: 400 a page at most, a marker good only for the call that issued it. */
export function describePaging(operation: string): PageRules {
  return {
    kind: operation,
    defaultSize: 400,
    maxSize: 400,
    invalid: (field, message) => elbError.validation(`Invalid ${field === 'token' ? 'Marker' : 'PageSize'}: ${message}`),
  };
}

/** ALB names: 1–32 letters, digits and hyphens, not starting or ending with a hyphen. */
export function checkName(kind: 'Load balancer' | 'Target group', name: string): void {
  if (name.length > 32) throw elbError.validation(`${kind} name '${name}' cannot be longer than '32' characters`);
  if (!/^[A-Za-z0-9-]+$/.test(name))
    throw elbError.validation(`${kind} name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`);
  if (name.startsWith('-') || name.endsWith('-'))
    throw elbError.validation(`${kind} name '${name}' cannot begin or end with '-' character`);
  if (kind === 'Load balancer' && name.startsWith('internal-'))
    throw elbError.validation(`Load balancer name '${name}' cannot begin with 'internal-'`);
}

/** C0 controls but tab, LF and CR, and DEL: ALB refuses them in every string it stores. */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/** Refuses a value with a control character (shown escaped), naming the field; `oneLine` refuses CR and LF too. */
export function checkPrintable(value: string, field: string, oneLine = false): void {
  if (CONTROL.test(value) || (oneLine && /[\r\n]/.test(value))) {
    throw elbError.validation(`${field} ${JSON.stringify(value)} must not contain control characters`);
  }
}

/**
 * EC2 ids a load balancer names. Slipway has no VPCs of its own yet, so any id of the right form is
 * taken (a user pastes ids from an AWS account); a value that is not one is refused as ALB refuses it.
 */
const EC2_ID = {
  subnet: /^subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?$/,
  sg: /^sg-[0-9a-f]{8}(?:[0-9a-f]{9})?$/,
  eipalloc: /^eipalloc-[0-9a-f]{8}(?:[0-9a-f]{9})?$/,
};

export function checkEc2Ids(input: {
  Subnets?: string[];
  SubnetMappings?: { SubnetId?: string; AllocationId?: string }[];
  SecurityGroups?: string[];
}): void {
  for (const id of [
    ...(input.Subnets ?? []),
    ...(input.SubnetMappings ?? []).flatMap((m) => (m.SubnetId === undefined ? [] : [m.SubnetId])),
  ]) {
    if (!EC2_ID.subnet.test(id)) throw elbError.invalidSubnet(shownId(id));
  }
  for (const m of input.SubnetMappings ?? []) {
    if (m.AllocationId !== undefined && !EC2_ID.eipalloc.test(m.AllocationId)) throw elbError.allocationIdNotFound(shownId(m.AllocationId));
  }
  for (const id of input.SecurityGroups ?? []) if (!EC2_ID.sg.test(id)) throw elbError.invalidSecurityGroup(shownId(id));
}

const shownId = (id: string) => shown(id).replace(/^'|'$/g, '');
