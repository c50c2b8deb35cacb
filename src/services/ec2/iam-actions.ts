/**
 * @module services/ec2/iam-actions
 * EC2's VPC calls as IAM authorizes them: each acts on the resources it names by id
 * (`vpc/vpc-…`, `subnet/subnet-…`, `security-group/sg-…`, `internet-gateway/igw-…`,
 * `route-table/rtb-…`, `key-pair/<name>`); a create on the new resource (`vpc/*`) and the VPC it
 * goes in; Describe calls on `*`. CreateTags and DeleteTags name bare ids, whose kind the room
 * reads from the id when it is asked for the resource.
 */
import type { IamActionEntry, IamActions } from '../types.ts';
import type { Ec2Operations } from './shapes.ts';

const arn = (resource: string) => `arn:aws:ec2:{region}:{account}:${resource}`;
const on = (...resources: string[]): IamActionEntry => ({ resources: resources.map(arn) });
const group = on('security-group/{GroupId}');

export const ec2IamActions: IamActions<Ec2Operations> = {
  CreateVpc: on('vpc/*'),
  DeleteVpc: on('vpc/{VpcId}'),
  CreateSubnet: on('subnet/*', 'vpc/{VpcId}'),
  DeleteSubnet: on('subnet/{SubnetId}'),
  ModifySubnetAttribute: on('subnet/{SubnetId}'),
  CreateSecurityGroup: on('security-group/*', 'vpc/{VpcId}'),
  DeleteSecurityGroup: group,
  AuthorizeSecurityGroupIngress: group,
  AuthorizeSecurityGroupEgress: group,
  RevokeSecurityGroupIngress: group,
  RevokeSecurityGroupEgress: group,
  CreateInternetGateway: on('internet-gateway/*'),
  DeleteInternetGateway: on('internet-gateway/{InternetGatewayId}'),
  AttachInternetGateway: on('internet-gateway/{InternetGatewayId}', 'vpc/{VpcId}'),
  DetachInternetGateway: on('internet-gateway/{InternetGatewayId}', 'vpc/{VpcId}'),
  CreateRouteTable: on('route-table/*', 'vpc/{VpcId}'),
  DeleteRouteTable: on('route-table/{RouteTableId}'),
  CreateRoute: on('route-table/{RouteTableId}'),
  DeleteRoute: on('route-table/{RouteTableId}'),
  AssociateRouteTable: on('route-table/{RouteTableId}', 'subnet/{SubnetId}'),
  DisassociateRouteTable: on('route-table/*'),
  CreateKeyPair: on('key-pair/{KeyName}'),
  ImportKeyPair: on('key-pair/{KeyName}'),
  DeleteKeyPair: on('key-pair/{KeyName|KeyPairId}'),
  CreateTags: on('{Resources}'),
  DeleteTags: on('{Resources}'),
  DescribeVpcs: {},
  DescribeSubnets: {},
  DescribeSecurityGroups: {},
  DescribeSecurityGroupRules: {},
  DescribeInternetGateways: {},
  DescribeRouteTables: {},
  DescribeKeyPairs: {},
  DescribeTags: {},
  DescribeAccountAttributes: {},
  DescribeAvailabilityZones: {},
  DescribeRegions: {},
};
