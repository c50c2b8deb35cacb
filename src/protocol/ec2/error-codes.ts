/**
 * @module protocol/ec2/error-codes
 * The error codes EC2 documents ("Error codes for the Amazon EC2 API") that Slipway answers. EC2's
 * model declares no error shapes at all, so the model is patched at load time to declare these,
 * and the room's catalogue is checked against them like any modelled error.
 */
import type { ServiceModel } from '../model.ts';

export const EC2_DOCUMENTED_ERRORS = {
  CannotDelete: 400,
  DependencyViolation: 400,
  DryRunOperation: 412,
  'Gateway.NotAttached': 400,
  InvalidAssociationID: 400,
  'InvalidAssociationID.NotFound': 400,
  InvalidFilter: 400,
  'InvalidGroup.Duplicate': 400,
  'InvalidGroup.NotFound': 400,
  'InvalidGroupId.Malformed': 400,
  InvalidID: 400,
  'InvalidInternetGatewayID.NotFound': 400,
  'InvalidInternetGatewayId.Malformed': 400,
  'InvalidKeyPair.Duplicate': 400,
  'InvalidKeyPair.Format': 400,
  'InvalidKeyPair.NotFound': 400,
  InvalidPaginationToken: 400,
  InvalidParameterCombination: 400,
  InvalidParameterValue: 400,
  'InvalidPermission.Duplicate': 400,
  'InvalidPermission.NotFound': 400,
  'InvalidRoute.NotFound': 400,
  'InvalidRouteTableID.NotFound': 400,
  'InvalidRouteTableId.Malformed': 400,
  'InvalidSecurityGroupRuleId.NotFound': 400,
  'InvalidSubnet.Conflict': 400,
  'InvalidSubnet.Range': 400,
  'InvalidSubnetID.Malformed': 400,
  'InvalidSubnetID.NotFound': 400,
  'InvalidVpc.Range': 400,
  'InvalidVpcID.Malformed': 400,
  'InvalidVpcID.NotFound': 400,
  MissingParameter: 400,
  'Resource.AlreadyAssociated': 400,
  RouteAlreadyExists: 400,
} as const;

export type Ec2DocumentedErrorCode = keyof typeof EC2_DOCUMENTED_ERRORS;

export function declareEc2Errors(model: ServiceModel): void {
  for (const [code, status] of Object.entries(EC2_DOCUMENTED_ERRORS)) {
    model.shapes[code] ??= { type: 'structure', members: {}, exception: true, error: { httpStatusCode: status } };
  }
}
