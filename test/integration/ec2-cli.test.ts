/**
 * The documents' network steps with the real aws CLI (v1): seed 000's VPC with public and private
 * subnets, named; public and private route tables; an internet gateway attached and routed; the
 * load balancer's and the containers' security groups (the containers' open only to the load
 * balancer's); seed 004's key pair and its "all TCP 0-65535" inbound rule. Only ids are replaced.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { awsCli, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

describe('aws ec2 (CLI v1): the documents network steps', () => {
  let slipway: TestSlipway;
  const ec2 = (...args: string[]) => awsCli(slipway.endpoint, ['ec2', ...args]);

  before(async () => {
    slipway = await startTestSlipway();
  });
  after(() => slipway.close());

  it('seed 000: VPC, named subnets, route tables, internet gateway, security groups', async () => {
    const vpc = (
      await ec2('create-vpc', '--cidr-block', '10.0.0.0/16', '--tag-specifications', 'ResourceType=vpc,Tags=[{Key=Name,Value=project-vpc}]')
    ).Vpc;
    assert.match(vpc.VpcId, /^vpc-[0-9a-f]{17}$/);
    const subnet = async (cidr: string, zone: string, name: string) => {
      const s = (await ec2('create-subnet', '--vpc-id', vpc.VpcId, '--cidr-block', cidr, '--availability-zone', zone)).Subnet;
      await ec2('create-tags', '--resources', s.SubnetId, '--tags', `Key=Name,Value=${name}`);
      return s.SubnetId as string;
    };
    const publicA = await subnet('10.0.0.0/20', 'us-east-1a', 'project-subnet-public1-us-east-1a');
    const publicC = await subnet('10.0.16.0/20', 'us-east-1c', 'project-subnet-public2-us-east-1c');
    const privateA = await subnet('10.0.128.0/20', 'us-east-1a', 'project-subnet-private1-us-east-1a');
    const privateC = await subnet('10.0.144.0/20', 'us-east-1c', 'project-subnet-private2-us-east-1c');

    const publicRt = (await ec2('create-route-table', '--vpc-id', vpc.VpcId)).RouteTable.RouteTableId;
    const privateRt = (await ec2('create-route-table', '--vpc-id', vpc.VpcId)).RouteTable.RouteTableId;
    await ec2('create-tags', '--resources', publicRt, '--tags', 'Key=Name,Value=public-rt');
    await ec2('create-tags', '--resources', privateRt, '--tags', 'Key=Name,Value=private-rt');
    for (const s of [publicA, publicC]) await ec2('associate-route-table', '--route-table-id', publicRt, '--subnet-id', s);
    for (const s of [privateA, privateC]) await ec2('associate-route-table', '--route-table-id', privateRt, '--subnet-id', s);

    const igw = (await ec2('create-internet-gateway')).InternetGateway.InternetGatewayId;
    await ec2('attach-internet-gateway', '--internet-gateway-id', igw, '--vpc-id', vpc.VpcId);
    assert.equal(
      (await ec2('create-route', '--route-table-id', publicRt, '--destination-cidr-block', '0.0.0.0/0', '--gateway-id', igw)).Return,
      true,
    );

    const alb = (await ec2('create-security-group', '--group-name', 'ECS-ALB', '--description', 'ALB for ECS', '--vpc-id', vpc.VpcId))
      .GroupId;
    await ec2('authorize-security-group-ingress', '--group-id', alb, '--protocol', 'tcp', '--port', '80', '--cidr', '0.0.0.0/0');
    const container = (
      await ec2('create-security-group', '--group-name', 'ECS-Container', '--description', 'ECS containers', '--vpc-id', vpc.VpcId)
    ).GroupId;
    await ec2(
      'authorize-security-group-ingress',
      '--group-id',
      container,
      '--ip-permissions',
      `IpProtocol=tcp,FromPort=0,ToPort=65535,UserIdGroupPairs=[{GroupId=${alb}}]`,
    );

    // What Describe calls show of it.
    const named = await ec2('describe-subnets', '--filters', `Name=vpc-id,Values=${vpc.VpcId}`, 'Name=tag:Name,Values=*public*');
    assert.deepEqual(named.Subnets.map((s: any) => s.SubnetId).sort(), [publicA, publicC].sort());
    const tables = await ec2('describe-route-tables', '--filters', 'Name=tag:Name,Values=public-rt');
    assert.equal(tables.RouteTables.length, 1);
    assert.deepEqual(
      tables.RouteTables[0].Routes.map((r: any) => [r.DestinationCidrBlock, r.GatewayId]),
      [
        ['10.0.0.0/16', 'local'],
        ['0.0.0.0/0', igw],
      ],
    );
    assert.deepEqual(tables.RouteTables[0].Associations.map((a: any) => a.SubnetId).sort(), [publicA, publicC].sort());
    const groups = await ec2('describe-security-groups', '--group-ids', container);
    assert.deepEqual(
      groups.SecurityGroups[0].IpPermissions,
      [
        {
          IpProtocol: 'tcp',
          FromPort: 0,
          ToPort: 65535,
          IpRanges: [],
          Ipv6Ranges: [],
          PrefixListIds: [],
          UserIdGroupPairs: [{ GroupId: alb, UserId: '000000000000' }],
        },
      ].map(({ Ipv6Ranges, PrefixListIds, ...p }) => p),
    );
    const gateways = await ec2('describe-internet-gateways', '--filters', `Name=attachment.vpc-id,Values=${vpc.VpcId}`);
    assert.deepEqual(
      gateways.InternetGateways.map((g: any) => g.InternetGatewayId),
      [igw],
    );

    // A VPC with subnets in it cannot go.
    await assert.rejects(ec2('delete-vpc', '--vpc-id', vpc.VpcId), /DependencyViolation/);
  });

  it('seed 004: a key pair, and all TCP open on the instances security group', async () => {
    const key = await ec2('create-key-pair', '--key-name', 'ecs-key', '--key-type', 'rsa', '--key-format', 'pem');
    assert.match(key.KeyMaterial, /^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----$/);
    assert.match(key.KeyFingerprint, /^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
    assert.match(key.KeyPairId, /^key-[0-9a-f]{17}$/);
    const listed = await ec2('describe-key-pairs', '--key-names', 'ecs-key');
    assert.equal(listed.KeyPairs[0].KeyFingerprint, key.KeyFingerprint);
    await assert.rejects(ec2('create-key-pair', '--key-name', 'ecs-key'), /InvalidKeyPair\.Duplicate/);

    const defaultVpc = (await ec2('describe-vpcs', '--filters', 'Name=is-default,Values=true')).Vpcs[0].VpcId;
    const filters = ['--filters', 'Name=group-name,Values=default', `Name=vpc-id,Values=${defaultVpc}`];
    const group = (await ec2('describe-security-groups', ...filters)).SecurityGroups[0];
    await ec2(
      'authorize-security-group-ingress',
      '--group-id',
      group.GroupId,
      '--protocol',
      'tcp',
      '--port',
      '0-65535',
      '--cidr',
      '0.0.0.0/0',
    );
    await assert.rejects(
      ec2('authorize-security-group-ingress', '--group-id', group.GroupId, '--protocol', 'tcp', '--port', '0-65535', '--cidr', '0.0.0.0/0'),
      /InvalidPermission\.Duplicate/,
    );
    const rules = await ec2('describe-security-group-rules', '--filters', `Name=group-id,Values=${group.GroupId}`);
    assert.ok(
      rules.SecurityGroupRules.some((r: any) => r.CidrIpv4 === '0.0.0.0/0' && r.FromPort === 0 && r.ToPort === 65535 && !r.IsEgress),
    );
  });

  it('every region has a default VPC with a default subnet in each of its availability zones', async () => {
    const vpcs = await ec2('describe-vpcs', '--filters', 'Name=is-default,Values=true');
    assert.equal(vpcs.Vpcs.length, 1);
    assert.equal(vpcs.Vpcs[0].CidrBlock, '172.31.0.0/16');
    const zones = (await ec2('describe-availability-zones')).AvailabilityZones.map((z: any) => z.ZoneName);
    const subnets = await ec2('describe-subnets', '--filters', 'Name=default-for-az,Values=true');
    assert.deepEqual(subnets.Subnets.map((s: any) => s.AvailabilityZone).sort(), zones);
    assert.ok(subnets.Subnets.every((s: any) => s.VpcId === vpcs.Vpcs[0].VpcId && s.CidrBlock.endsWith('/20')));
  });

  it('each region has its own default network, zones and ids', async () => {
    const west = (...args: string[]) => ec2(...args, '--region', 'us-west-2');
    const zones = (await west('describe-availability-zones')).AvailabilityZones;
    assert.deepEqual(
      zones.map((z: any) => [z.ZoneName, z.ZoneId]),
      [
        ['us-west-2a', 'usw2-az1'],
        ['us-west-2b', 'usw2-az2'],
        ['us-west-2c', 'usw2-az3'],
        ['us-west-2d', 'usw2-az4'],
      ],
    );
    const westVpc = (await west('describe-vpcs', '--filters', 'Name=is-default,Values=true')).Vpcs[0].VpcId;
    const eastVpc = (await ec2('describe-vpcs', '--filters', 'Name=is-default,Values=true')).Vpcs[0].VpcId;
    assert.notEqual(westVpc, eastVpc);
    assert.equal((await west('describe-subnets', '--filters', `Name=vpc-id,Values=${eastVpc}`)).Subnets.length, 0);
  });

  it('an empty VPC goes with its default security group and main route table', async () => {
    const vpc = (await ec2('create-vpc', '--cidr-block', '192.168.0.0/24')).Vpc.VpcId;
    const groups = await ec2('describe-security-groups', '--filters', `Name=vpc-id,Values=${vpc}`);
    assert.deepEqual(
      groups.SecurityGroups.map((g: any) => g.GroupName),
      ['default'],
    );
    await ec2('delete-vpc', '--vpc-id', vpc);
    await assert.rejects(ec2('describe-vpcs', '--vpc-ids', vpc), /InvalidVpcID\.NotFound/);
    assert.equal((await ec2('describe-route-tables', '--filters', `Name=vpc-id,Values=${vpc}`)).RouteTables.length, 0);
  });
});
