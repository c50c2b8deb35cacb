import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import {
  CreateListenerCommand,
  CreateRuleCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyTargetGroupAttributesCommand,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AwsError } from '../../core/errors.ts';
import { loadModel } from '../model.ts';
import { validateInput } from '../validate.ts';
import { parseQueryRequest } from './parser.ts';
import { serializeQueryError, serializeQueryOutput } from './serializer.ts';

const model = loadModel('elbv2');

/** An SDK v3 client whose requests are captured and answered by `answer`. */
function client(answer: (body: string) => { status: number; body: string; headers?: Record<string, string> }) {
  const sent: string[] = [];
  const c = new ElasticLoadBalancingV2Client({
    region: 'us-east-1',
    endpoint: 'http://local',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { body?: unknown }) {
        const body = String(request.body ?? '');
        sent.push(body);
        const reply = answer(body);
        return {
          response: {
            statusCode: reply.status,
            headers: reply.headers ?? { 'content-type': 'text/xml' },
            body: Readable.from([Buffer.from(reply.body)]),
          },
        };
      },
    } as never,
  });
  return { c, sent };
}

/** Parses what the SDK sent, validates it and serializes `output` as Slipway would. */
function echo(output: (input: Record<string, unknown>, op: string) => unknown) {
  return (body: string) => {
    const { operation, input } = parseQueryRequest(model, body);
    const valid = validateInput(model, model.operations[operation].input?.shape, input, {
      constraint: 'ValidationError',
      type: 'ValidationError',
    });
    const wire = serializeQueryOutput(model, operation, output(valid, operation), 'req-1');
    return { status: wire.status, body: String(wire.body), headers: wire.headers };
  };
}

describe('Query codec, round-tripped through the AWS SDK v3', () => {
  it('reads nested lists of structures, numbers and booleans as the SDK sends them', async () => {
    let seen: Record<string, unknown> = {};
    const { c } = client(echo((input) => ((seen = input), {})));
    await c.send(
      new CreateListenerCommand({
        LoadBalancerArn: 'arn:lb',
        Protocol: 'HTTP',
        Port: 8000,
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: 'arn:a', Weight: 100 },
                { TargetGroupArn: 'arn:b', Weight: 0 },
              ],
              TargetGroupStickinessConfig: { Enabled: false },
            },
          },
        ],
      }),
    );
    assert.deepEqual(
      { ...seen },
      {
        LoadBalancerArn: 'arn:lb',
        Protocol: 'HTTP',
        Port: 8000,
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: 'arn:a', Weight: 100 },
                { TargetGroupArn: 'arn:b', Weight: 0 },
              ],
              TargetGroupStickinessConfig: { Enabled: false },
            },
          },
        ],
      },
    );
    await c.send(
      new CreateRuleCommand({
        ListenerArn: 'arn:l',
        Priority: 5,
        Conditions: [
          { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'v', Value: '2' }] } },
          { Field: 'path-pattern', Values: ['/api/*'] },
        ],
        Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', MessageBody: 'a & b <c>' } }],
      }),
    );
    assert.deepEqual(seen.Conditions, [
      { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'v', Value: '2' }] } },
      { Field: 'path-pattern', Values: ['/api/*'] },
    ]);
    assert.equal((seen.Actions as { FixedResponseConfig: { MessageBody: string } }[])[0].FixedResponseConfig.MessageBody, 'a & b <c>');
    await c.send(
      new ModifyTargetGroupAttributesCommand({
        TargetGroupArn: 'arn:tg',
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '5' }],
      }),
    );
    assert.deepEqual(seen.Attributes, [{ Key: 'deregistration_delay.timeout_seconds', Value: '5' }]);
    await c.send(new RegisterTargetsCommand({ TargetGroupArn: 'arn:tg', Targets: [{ Id: '10.0.0.1', Port: 80 }, { Id: '10.0.0.2' }] }));
    assert.deepEqual(seen.Targets, [{ Id: '10.0.0.1', Port: 80 }, { Id: '10.0.0.2' }]);
  });

  it('writes XML the SDK reads back: lists, nested structures, ISO timestamps, escaping', async () => {
    const created = Date.UTC(2024, 0, 2, 3, 4, 5, 123);
    const { c } = client(
      echo(() => ({
        LoadBalancers: [
          {
            LoadBalancerName: 'a&b',
            CreatedTime: created,
            State: { Code: 'active' },
            AvailabilityZones: [{ ZoneName: 'us-east-1a', LoadBalancerAddresses: [{ IpAddress: '127.0.1.1' }] }],
            SecurityGroups: [],
          },
        ],
        NextMarker: '2',
      })),
    );
    const out = await c.send(new DescribeLoadBalancersCommand({ Names: ['x'] }));
    assert.equal(out.LoadBalancers![0].LoadBalancerName, 'a&b');
    assert.equal(out.LoadBalancers![0].CreatedTime!.getTime(), created);
    assert.equal(out.LoadBalancers![0].State!.Code, 'active');
    assert.equal(out.LoadBalancers![0].AvailabilityZones![0].LoadBalancerAddresses![0].IpAddress, '127.0.1.1');
    assert.equal(out.NextMarker, '2');
    assert.equal(out.$metadata.requestId, 'req-1');
  });

  it('errors carry the model short code and status, and the SDK names them', async () => {
    const { c } = client(() => {
      const wire = serializeQueryError(model, new AwsError('TargetGroupNotFoundException', 'One or more target groups not found'), 'req-2');
      return { status: wire.status, body: String(wire.body) };
    });
    await assert.rejects(
      c.send(new DescribeTargetHealthCommand({ TargetGroupArn: 'arn:x' })),
      (err: Error & { $metadata: { httpStatusCode: number } }) => {
        assert.equal(err.name, 'TargetGroupNotFoundException');
        assert.equal(err.message, 'One or more target groups not found');
        assert.equal(err.$metadata.httpStatusCode, 400);
        return true;
      },
    );
    const short = serializeQueryError(model, new AwsError('LoadBalancerNotFound', 'gone'), 'r');
    assert.match(String(short.body), /<Type>Sender<\/Type><Code>LoadBalancerNotFound<\/Code><Message>gone<\/Message>/);
    const throttled = serializeQueryError(model, new AwsError('PriorRequestNotComplete', 'wait'), 'r');
    assert.equal(throttled.status, 429);
  });

  it('refuses a missing or unknown Action, and keeps text that is not a number for validation to name', () => {
    assert.throws(() => parseQueryRequest(model, 'Version=2015-12-01'), { code: 'MissingAction' });
    assert.throws(() => parseQueryRequest(model, 'Action=Nope&Version=2015-12-01'), { code: 'InvalidAction' });
    assert.throws(() => parseQueryRequest(model, 'Action=DescribeLoadBalancers&Version=2012-06-01'), {
      code: 'InvalidAction',
      message: /version 2015-12-01, not 2012-06-01/,
    });
    const { input } = parseQueryRequest(model, 'Action=CreateTargetGroup&Name=t&Port=eighty&Names=');
    assert.equal((input as { Port: unknown }).Port, 'eighty');
    assert.throws(
      () => validateInput(model, 'CreateTargetGroupInput', input, { constraint: 'ValidationError', type: 'ValidationError' }),
      (err: AwsError) => err.code === 'ValidationError' && err.message.includes('Port'),
    );
    const empty = parseQueryRequest(model, 'Action=DescribeLoadBalancers&Names=');
    assert.deepEqual(empty.input, { Names: [] });
  });
});

describe('Query lists and maps numbered with gaps', () => {
  it('a gap, a 0 or a leading zero is a ValidationError naming the parameter; members in any order are read in number order', () => {
    assert.throws(() => parseQueryRequest(model, 'Action=DescribeLoadBalancers&Names.member.1=a&Names.member.5=b'), {
      code: 'ValidationError',
      message: /Names must be numbered 1, 2, 3 … with no gap; got 1, 5/,
    });
    assert.throws(() => parseQueryRequest(model, 'Action=DescribeLoadBalancers&Names.member.2=b'), {
      code: 'ValidationError',
      message: /Names/,
    });
    assert.throws(() => parseQueryRequest(model, 'Action=DescribeLoadBalancers&Names.member.0=a&Names.member.1=b'), {
      code: 'ValidationError',
    });
    assert.throws(() => parseQueryRequest(model, 'Action=DescribeLoadBalancers&Names.member.01=a'), { code: 'ValidationError' });
    assert.throws(() => parseQueryRequest(model, 'Action=RegisterTargets&TargetGroupArn=t&Targets.member.1.Id=a&Targets.member.3.Id=c'), {
      code: 'ValidationError',
      message: /Targets/,
    });
    assert.throws(
      () =>
        parseQueryRequest(
          model,
          'Action=CreateRule&ListenerArn=l&Priority=1&Conditions.member.1.Field=path-pattern&Conditions.member.1.Values.member.2=/a',
        ),
      { code: 'ValidationError', message: /Conditions\.member\.1\.Values/ },
    );
    const ordered = parseQueryRequest(model, 'Action=DescribeLoadBalancers&Names.member.2=b&Names.member.1=a&Names.member.3=c');
    assert.deepEqual(ordered.input, { Names: ['a', 'b', 'c'] });
  });

  it('map entries: a key named __proto__ stays a key; a gap is a ValidationError', () => {
    const base =
      'Action=CreateRule&ListenerArn=l&Priority=1&Actions.member.1.Type=authenticate-oidc&Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams';
    const { input } = parseQueryRequest(model, `${base}.entry.1.key=__proto__&${base.split('&').pop()}.entry.1.value=v`);
    const params = (input as { Actions: { AuthenticateOidcConfig: { AuthenticationRequestExtraParams: Record<string, string> } }[] })
      .Actions[0].AuthenticateOidcConfig.AuthenticationRequestExtraParams;
    assert.ok(Object.hasOwn(params, '__proto__'));
    assert.equal(Object.getOwnPropertyDescriptor(params, '__proto__')!.value, 'v');
    assert.equal(Object.getPrototypeOf(params), Object.prototype);
    assert.throws(() => parseQueryRequest(model, `${base}.entry.2.key=k&${base.split('&').pop()}.entry.2.value=v`), {
      code: 'ValidationError',
      message: /AuthenticationRequestExtraParams/,
    });
  });
});
