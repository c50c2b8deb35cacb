/**
 * EC2's VPC surface through the SDK v3 client: Describe filters and paging, the errors EC2 gives
 * (parsed by the SDK into their code and message), DryRun, and key pairs imported as OpenSSH keys.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateKeyPairCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVpcsCommand,
  EC2Client,
  ImportKeyPairCommand,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { form, rawRequest } from '../support/raw.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

/** The error the SDK throws for `promise`, as its name and message. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (err: any) {
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('the call succeeded');
}

describe('EC2 VPC surface (SDK v3)', () => {
  let slipway: TestSlipway;
  let ec2: EC2Client;
  let vpcId: string;

  before(async () => {
    slipway = await startTestSlipway();
    ec2 = new EC2Client(clientConfig(slipway.endpoint));
    const vpc = await ec2.send(
      new CreateVpcCommand({
        CidrBlock: '10.1.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'team', Value: 'web' }] }],
      }),
    );
    vpcId = vpc.Vpc!.VpcId!;
  });
  after(() => slipway.close());

  it('filters by tag, tag-key and wildcards, and pages with MaxResults/NextToken', async () => {
    const byTag = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:team', Values: ['w?b'] }] }));
    assert.deepEqual(
      byTag.Vpcs!.map((v) => v.VpcId),
      [vpcId],
    );
    const byKey = await ec2.send(
      new DescribeVpcsCommand({
        Filters: [
          { Name: 'tag-key', Values: ['te*'] },
          { Name: 'is-default', Values: ['false'] },
        ],
      }),
    );
    assert.deepEqual(
      byKey.Vpcs!.map((v) => v.VpcId),
      [vpcId],
    );
    for (let i = 0; i < 3; i++)
      await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.1.${i}.0/24`, AvailabilityZone: 'us-east-1b' }));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await ec2.send(
        new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }], MaxResults: 5, NextToken: token }),
      );
      seen.push(...page.Subnets!.map((s) => s.CidrBlock!));
      token = page.NextToken;
    } while (token);
    assert.deepEqual(seen.sort(), ['10.1.0.0/24', '10.1.1.0/24', '10.1.2.0/24']);
    const first = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }], MaxResults: 5 }));
    assert.equal(first.NextToken, undefined);
    assert.deepEqual(await failure(ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] }))), {
      name: 'InvalidParameterValue',
      message: "The filter 'colour' is invalid",
      status: 400,
    });
  });

  it("answers EC2's error codes: NotFound, subnet range and conflict, zones, duplicates, dependencies", async () => {
    assert.deepEqual(await failure(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] }))), {
      name: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
      status: 400,
    });
    assert.deepEqual(await failure(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ['web'] }))), {
      name: 'InvalidGroupId.Malformed',
      message: 'Invalid id: "web" (expecting "sg-...")',
      status: 400,
    });
    assert.equal(
      (await failure(ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.2.0.0/24' })))).name,
      'InvalidSubnet.Range',
    );
    assert.equal(
      (await failure(ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.1.0.128/25' })))).name,
      'InvalidSubnet.Conflict',
    );
    const zone = await failure(
      ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.1.9.0/24', AvailabilityZone: 'us-east-1z' })),
    );
    assert.equal(zone.name, 'InvalidParameterValue');
    assert.match(zone.message, /availabilityZone is invalid.*us-east-1a/);
    assert.equal((await failure(ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.1/16' })))).name, 'InvalidParameterValue');
    assert.equal((await failure(ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/8' })))).name, 'InvalidVpc.Range');

    const web = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web', VpcId: vpcId }));
    const db = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'db', Description: 'db', VpcId: vpcId }));
    assert.equal(
      (await failure(ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'again', VpcId: vpcId })))).name,
      'InvalidGroup.Duplicate',
    );
    const permission = { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: web.GroupId }] };
    const added = await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: db.GroupId, IpPermissions: [permission] }));
    assert.equal(added.SecurityGroupRules![0].ReferencedGroupInfo!.GroupId, web.GroupId);
    const duplicate = await failure(
      ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: db.GroupId, IpPermissions: [permission] })),
    );
    assert.equal(duplicate.name, 'InvalidPermission.Duplicate');
    assert.match(duplicate.message, new RegExp(`peer: ${web.GroupId}, TCP, from port: 5432, to port: 5432, ALLOW`));
    // web is referenced by db's rule: it cannot go until the rule does.
    assert.equal((await failure(ec2.send(new DeleteSecurityGroupCommand({ GroupId: web.GroupId })))).name, 'DependencyViolation');
    await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: db.GroupId, IpPermissions: [permission] }));
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: web.GroupId }));
    const left = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    assert.deepEqual(left.SecurityGroups!.map((g) => g.GroupName).sort(), ['db', 'default']);
    const defaultGroup = left.SecurityGroups!.find((g) => g.GroupName === 'default')!;
    assert.equal((await failure(ec2.send(new DeleteSecurityGroupCommand({ GroupId: defaultGroup.GroupId })))).name, 'CannotDelete');

    assert.equal((await failure(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })))).name, 'DependencyViolation');
  });

  it('DryRun answers DryRunOperation and writes nothing', async () => {
    const dry = await failure(ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16', DryRun: true })));
    assert.deepEqual(dry, { name: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.', status: 412 });
    const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'cidr', Values: ['10.9.0.0/16'] }] }));
    assert.deepEqual(vpcs.Vpcs, []);
  });

  it('imports an OpenSSH RSA public key, creates an ed25519 key, and tags them', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    const mp = (b64: string) => {
      const b = Buffer.from(b64, 'base64url');
      return b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
    };
    const str = (b: Buffer | string) => {
      const bytes = Buffer.from(b);
      const n = Buffer.alloc(4);
      n.writeUInt32BE(bytes.length);
      return Buffer.concat([n, bytes]);
    };
    const line = `ssh-rsa ${Buffer.concat([str('ssh-rsa'), str(mp(rsa.e!)), str(mp(rsa.n!))]).toString('base64')} me@laptop`;
    const imported = await ec2.send(new ImportKeyPairCommand({ KeyName: 'laptop', PublicKeyMaterial: Buffer.from(line) }));
    assert.match(imported.KeyFingerprint!, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const ed = await ec2.send(new CreateKeyPairCommand({ KeyName: 'ed', KeyType: 'ed25519' }));
    assert.match(ed.KeyMaterial!, /^-----BEGIN OPENSSH PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END OPENSSH PRIVATE KEY-----$/);
    assert.match(ed.KeyFingerprint!, /^[A-Za-z0-9+/]{43}=$/);
    const bad = await failure(
      ec2.send(new ImportKeyPairCommand({ KeyName: 'bad', PublicKeyMaterial: Buffer.from('ssh-rsa bm90IGEga2V5') })),
    );
    assert.equal(bad.name, 'InvalidKeyPair.Format');
    await ec2.send(new CreateTagsCommand({ Resources: [imported.KeyPairId!], Tags: [{ Key: 'owner', Value: 'me' }] }));
    const tags = await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-type', Values: ['key-pair'] }] }));
    assert.deepEqual(tags.Tags, [{ ResourceId: imported.KeyPairId, ResourceType: 'key-pair', Key: 'owner', Value: 'me' }]);
  });

  it('deletes a subnet and its route table association', async () => {
    const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.1.200.0/24' }));
    await ec2.send(new DeleteSubnetCommand({ SubnetId: subnet.Subnet!.SubnetId }));
    assert.equal(
      (await failure(ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnet.Subnet!.SubnetId!] })))).name,
      'InvalidSubnetID.NotFound',
    );
  });

  it("places load balancers given subnet ids Slipway has not seen in the region's default VPC", async () => {
    const elb = new ElasticLoadBalancingV2Client(clientConfig(slipway.endpoint));
    const defaultVpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0].VpcId;
    const lb = await elb.send(
      new CreateLoadBalancerCommand({
        Name: 'pasted-ids',
        Subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'],
        SecurityGroups: ['sg-0123456789abcdef0'],
      }),
    );
    assert.equal(lb.LoadBalancers![0].VpcId, defaultVpc);
    const tg = await elb.send(new CreateTargetGroupCommand({ Name: 'pasted-tg', Protocol: 'HTTP', Port: 80, TargetType: 'ip' }));
    assert.equal(tg.TargetGroups![0].VpcId, defaultVpc);
  });

  it("answers an unsigned EC2 form, told by its Version, in EC2's own XML", async () => {
    const reply = await rawRequest(
      slipway.endpoint,
      form({ Action: 'DescribeVpcs', Version: '2016-11-15', 'Filter.1.Name': 'is-default', 'Filter.1.Value.1': 'true' }),
    );
    assert.equal(reply.status, 200);
    assert.match(
      reply.text,
      /^<\?xml[^>]*>\n<DescribeVpcsResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><requestId>[^<]+<\/requestId><vpcSet><item>.*<cidrBlock>172\.31\.0\.0\/16<\/cidrBlock>.*<isDefault>true<\/isDefault>.*<\/item><\/vpcSet><\/DescribeVpcsResponse>$/,
    );
    const missing = await rawRequest(
      slipway.endpoint,
      form({ Action: 'DescribeSubnets', Version: '2016-11-15', 'SubnetId.1': 'subnet-00000000000000000' }),
    );
    assert.equal(missing.status, 400);
    assert.match(
      missing.text,
      /<Response><Errors><Error><Code>InvalidSubnetID\.NotFound<\/Code><Message>The subnet ID 'subnet-00000000000000000' does not exist<\/Message><\/Error><\/Errors><RequestID>/,
    );
  });
});
