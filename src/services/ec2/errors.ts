/**
 * @module services/ec2/errors
 * The EC2 errors Slipway answers, worded as EC2 words them. EC2's model declares no errors; the
 * codes are the documented ones (protocol/ec2/error-codes.ts), each with the status EC2 gives it.
 */
import { AwsError } from '../../core/errors.ts';
import { EC2_DOCUMENTED_ERRORS, type Ec2DocumentedErrorCode } from '../../protocol/ec2/error-codes.ts';

const e = (code: Ec2DocumentedErrorCode, message: string) => new AwsError(code, message, { status: EC2_DOCUMENTED_ERRORS[code] });

/** The NotFound code and noun EC2 uses for each kind of id. */
const NOT_FOUND = {
  vpc: ['InvalidVpcID.NotFound', 'vpc ID'],
  subnet: ['InvalidSubnetID.NotFound', 'subnet ID'],
  sg: ['InvalidGroup.NotFound', 'security group'],
  igw: ['InvalidInternetGatewayID.NotFound', 'internetGateway ID'],
  rtb: ['InvalidRouteTableID.NotFound', 'routeTable ID'],
  key: ['InvalidKeyPair.NotFound', 'key pair'],
} as const;

const MALFORMED = {
  vpc: 'InvalidVpcID.Malformed',
  subnet: 'InvalidSubnetID.Malformed',
  sg: 'InvalidGroupId.Malformed',
  igw: 'InvalidInternetGatewayId.Malformed',
  rtb: 'InvalidRouteTableId.Malformed',
} as const;

export const ec2Error = {
  /** An id that names nothing: Malformed when it is not even shaped like an id of its kind (vpc-<8 or 17 hex>). */
  notFound: (kind: keyof typeof NOT_FOUND, id: string) => {
    if (!Object.hasOwn(NOT_FOUND, kind)) return ec2Error.invalidId(id);
    if (Object.hasOwn(MALFORMED, kind) && !new RegExp(`^${kind}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(id))
      return ec2Error.malformed(kind as keyof typeof MALFORMED, id);
    return e(NOT_FOUND[kind][0], `The ${NOT_FOUND[kind][1]} '${id}' does not exist`);
  },
  malformed: (kind: keyof typeof MALFORMED, id: string) =>
    Object.hasOwn(MALFORMED, kind) ? e(MALFORMED[kind], `Invalid id: "${id}" (expecting "${kind}-...")`) : ec2Error.invalidId(id),
  invalidId: (id: string) => e('InvalidID', `The ID '${id}' is not valid`),
  missing: (parameter: string) => e('MissingParameter', `The request must contain the parameter ${parameter}`),
  invalidValue: (parameter: string, value: unknown, why: string) =>
    e('InvalidParameterValue', `Value (${String(value)}) for parameter ${parameter} is invalid. ${why}`),
  combination: (message: string) => e('InvalidParameterCombination', message),
  invalidFilter: (name: string) => e('InvalidParameterValue', `The filter '${name}' is invalid`),
  invalidToken: () => e('InvalidPaginationToken', 'Invalid pagination token'),
  vpcRange: (cidr: string) => e('InvalidVpc.Range', `The CIDR '${cidr}' is invalid.`),
  subnetRange: (cidr: string) => e('InvalidSubnet.Range', `The CIDR '${cidr}' is invalid.`),
  subnetConflict: (cidr: string) => e('InvalidSubnet.Conflict', `The CIDR '${cidr}' conflicts with another subnet`),
  dependency: (noun: string, id: string) => e('DependencyViolation', `The ${noun} '${id}' has dependencies and cannot be deleted.`),
  groupDuplicate: (name: string, vpcId: string) =>
    e('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpcId}'`),
  groupNameNotFound: (name: string, vpcId: string) =>
    e('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC '${vpcId}'`),
  defaultGroup: (id: string) => e('CannotDelete', `the specified group: "${id}" name: "default" cannot be deleted by a user`),
  groupInUse: (id: string, by: string) => e('DependencyViolation', `resource ${id} has a dependent object (${by})`),
  ruleDuplicate: (rule: string) => e('InvalidPermission.Duplicate', `the specified rule "${rule}" already exists`),
  ruleNotFound: () => e('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.'),
  ruleIdNotFound: (id: string) => e('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`),
  alreadyAttached: (gatewayId: string, vpcId: string) =>
    e('Resource.AlreadyAssociated', `resource ${gatewayId} is already attached to network ${vpcId}`),
  vpcHasGateway: (vpcId: string, gatewayId: string) =>
    e('Resource.AlreadyAssociated', `Network ${vpcId} already has an internet gateway attached (${gatewayId})`),
  notAttached: (gatewayId: string, vpcId: string) => e('Gateway.NotAttached', `resource ${gatewayId} is not attached to network ${vpcId}`),
  associationNotFound: (id: string) => e('InvalidAssociationID.NotFound', `The association ID '${id}' does not exist`),
  subnetAssociated: (subnetId: string, tableId: string) =>
    e(
      'Resource.AlreadyAssociated',
      `the specified association for route table ${tableId} conflicts with an existing association (${subnetId})`,
    ),
  routeExists: (destination: string) => e('RouteAlreadyExists', `The route identified by ${destination} already exists.`),
  routeNotFound: (destination: string, tableId: string) =>
    e('InvalidRoute.NotFound', `no route with destination-cidr-block ${destination} in route table ${tableId}`),
  keyDuplicate: (name: string) => e('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`),
  keyFormat: () => e('InvalidKeyPair.Format', 'Key is not in valid OpenSSH public key format'),
  dryRun: () => e('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.'),
};
