import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateVpcCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { AwsError } from '../../core/errors.ts';
import { loadModel } from '../model.ts';
import { validateInput } from '../validate.ts';
import { ec2Codec } from './codec.ts';

const model = loadModel('ec2');

/** An SDK v3 EC2 client whose requests are decoded and answered by `answer`, as Slipway would. */
function client(answer: (operation: string, input: Record<string, any>) => unknown) {
  const inputs: Record<string, any>[] = [];
  const c = new EC2Client({
    region: 'us-east-1',
    endpoint: 'http://local',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { body?: unknown }) {
        let wire;
        try {
          const decoded = ec2Codec.decode(model, { body: String(request.body ?? '') });
          const input = validateInput(model, model.operations[decoded.operation].input?.shape, decoded.input, {
            constraint: 'InvalidParameterValue',
            type: 'InvalidParameterValue',
          }) as Record<string, any>;
          inputs.push(input);
          wire = ec2Codec.encode(model, decoded.operation, answer(decoded.operation, input), 'req-1');
        } catch (err) {
          wire = ec2Codec.encodeError(model, err as AwsError, 'req-1');
        }
        return { response: { statusCode: wire.status, headers: wire.headers, body: Readable.from([Buffer.from(String(wire.body))]) } };
      },
    } as never,
  });
  return { c, inputs };
}

describe('EC2 codec, round-tripped through the AWS SDK v3', () => {
  it('reads Filter.N.Name / Filter.N.Value.M and VpcId.N into the model members', async () => {
    const { c, inputs } = client(() => ({}));
    await c.send(
      new DescribeVpcsCommand({
        VpcIds: ['vpc-1', 'vpc-2'],
        Filters: [
          { Name: 'tag:Name', Values: ['a', 'b'] },
          { Name: 'is-default', Values: ['true'] },
        ],
        MaxResults: 5,
      }),
    );
    assert.deepEqual(inputs[0], {
      VpcIds: ['vpc-1', 'vpc-2'],
      Filters: [
        { Name: 'tag:Name', Values: ['a', 'b'] },
        { Name: 'is-default', Values: ['true'] },
      ],
      MaxResults: 5,
    });
  });

  it('reads TagSpecification.N.Tag.M and nested IpPermissions with referenced groups', async () => {
    const { c, inputs } = client((op) => (op === 'CreateVpc' ? { Vpc: { VpcId: 'vpc-1' } } : { Return: true }));
    await c.send(
      new CreateVpcCommand({
        CidrBlock: '10.0.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'project-vpc' }] }],
      }),
    );
    assert.deepEqual(inputs[0], {
      CidrBlock: '10.0.0.0/16',
      TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'project-vpc' }] }],
    });
    await c.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: 'sg-1',
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'web' }] },
          { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-2' }] },
        ],
      }),
    );
    assert.deepEqual(inputs[1], {
      GroupId: 'sg-1',
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'web' }] },
        { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-2' }] },
      ],
    });
  });

  it('writes lists as <item> under their locationName, structures and booleans as the SDK reads them', async () => {
    const { c } = client(() => ({
      Subnets: [
        {
          SubnetId: 'subnet-1',
          VpcId: 'vpc-1',
          CidrBlock: '172.31.0.0/20',
          AvailableIpAddressCount: 4091,
          DefaultForAz: true,
          MapPublicIpOnLaunch: false,
          Tags: [{ Key: 'Name', Value: 'a<b' }],
        },
        { SubnetId: 'subnet-2', Tags: [] },
      ],
      NextToken: 'next',
    }));
    const out = await c.send(new DescribeSubnetsCommand({}));
    assert.equal(out.NextToken, 'next');
    assert.equal(out.Subnets?.length, 2);
    assert.deepEqual(out.Subnets?.[0], {
      SubnetId: 'subnet-1',
      VpcId: 'vpc-1',
      CidrBlock: '172.31.0.0/20',
      AvailableIpAddressCount: 4091,
      DefaultForAz: true,
      MapPublicIpOnLaunch: false,
      Tags: [{ Key: 'Name', Value: 'a<b' }],
    });
    assert.equal(out.Subnets?.[1].SubnetId, 'subnet-2');
    assert.equal(out.$metadata.requestId, 'req-1');
  });

  it('writes the EC2 response envelope: requestId first, no Result wrapper', () => {
    const wire = ec2Codec.encode(model, 'CreateVpc', { Vpc: { VpcId: 'vpc-1', IsDefault: false } }, 'r-1');
    assert.equal(
      wire.body,
      '<?xml version="1.0" encoding="UTF-8"?>\n<CreateVpcResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
        '<requestId>r-1</requestId><vpc><isDefault>false</isDefault><vpcId>vpc-1</vpcId></vpc></CreateVpcResponse>',
    );
  });

  it("writes errors with EC2's codes, which the SDK reads as the error's name and message", async () => {
    const { c } = client(() => {
      throw new AwsError('InvalidVpcID.NotFound', "The vpc ID 'vpc-9' does not exist");
    });
    await assert.rejects(c.send(new DescribeVpcsCommand({ VpcIds: ['vpc-9'] })), (err: any) => {
      assert.equal(err.name, 'InvalidVpcID.NotFound');
      assert.equal(err.message, "The vpc ID 'vpc-9' does not exist");
      assert.equal(err.$metadata.httpStatusCode, 400);
      return true;
    });
    const dryRun = ec2Codec.encodeError(model, new AwsError('DryRunOperation', 'Request would have succeeded', { status: 412 }), 'r');
    assert.equal(dryRun.status, 412);
    assert.match(String(dryRun.body), /^<\?xml[^>]*>\n<Response><Errors><Error><Code>DryRunOperation<\/Code>/);
  });

  it('refuses a list numbered with a gap, naming it', () => {
    assert.throws(
      () => ec2Codec.decode(model, { body: 'Action=DescribeVpcs&Version=2016-11-15&VpcId.1=a&VpcId.3=b' }),
      (err: AwsError) => err.code === 'ValidationError' && /VpcId/.test(err.message),
    );
  });
});
