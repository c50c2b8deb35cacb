/**
 * The ELBv2 API over the Query protocol as clients use it: the AWS SDK v3 (with its waiters), the
 * aws CLI, and raw form posts that read the XML. ALB's defaults, validation and error codes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { awsCli, startTestSlipway, type TestSlipway } from '../support/slipway.ts';
import { elbClient } from '../support/elb.ts';

async function rejects(p: Promise<unknown>, name: string, text?: string): Promise<void> {
  await assert.rejects(p, (err: Error) => {
    assert.equal(err.name, name, err.message);
    if (text) assert.ok(err.message.includes(text), err.message);
    return true;
  });
}

describe('ELBv2 API', () => {
  let s: TestSlipway;
  let elb: E.ElasticLoadBalancingV2Client;
  before(async () => {
    s = await startTestSlipway({ timeScale: 20 });
    elb = elbClient(s.endpoint);
  });
  after(() => s.close());

  const form = async (params: Record<string, string>, method: 'POST' | 'GET' = 'POST') => {
    const body = new URLSearchParams({ Version: '2015-12-01', ...params }).toString();
    const res =
      method === 'POST'
        ? await fetch(s.endpoint, { method, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body })
        : await fetch(`${s.endpoint}/?${body}`);
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
  };

  it('creates load balancers with ALB defaults, idempotently, and names them so they resolve', async () => {
    const out = await elb.send(
      new E.CreateLoadBalancerCommand({
        Name: 'api-lb',
        Subnets: ['subnet-11111111', 'subnet-22222222'],
        Tags: [{ Key: 'team', Value: 'a' }],
      }),
    );
    const lb = out.LoadBalancers![0];
    assert.match(lb.LoadBalancerArn!, /^arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer\/app\/api-lb\/[0-9a-f]{16}$/);
    assert.match(lb.DNSName!, /^api-lb-\d{10}\.us-east-1\.elb\.slipway\.internal$|^127\.0\.\d+\.\d+$/);
    assert.equal(lb.Scheme, 'internet-facing');
    assert.equal(lb.Type, 'application');
    assert.equal(lb.State!.Code, 'active');
    assert.equal(lb.IpAddressType, 'ipv4');
    assert.deepEqual(
      lb.AvailabilityZones!.map((z) => [z.ZoneName, z.SubnetId]),
      [
        ['us-east-1a', 'subnet-11111111'],
        ['us-east-1b', 'subnet-22222222'],
      ],
    );
    assert.match(lb.AvailabilityZones![0].LoadBalancerAddresses![0].IpAddress!, /^127\.0\.\d+\.\d+$/);
    assert.ok(lb.CreatedTime instanceof Date);
    const again = await elb.send(new E.CreateLoadBalancerCommand({ Name: 'api-lb', Subnets: ['subnet-22222222', 'subnet-11111111'] }));
    assert.equal(again.LoadBalancers![0].LoadBalancerArn, lb.LoadBalancerArn, 'the same settings return the same load balancer');
    await rejects(elb.send(new E.CreateLoadBalancerCommand({ Name: 'api-lb', Scheme: 'internal' })), 'DuplicateLoadBalancerNameException');
    await rejects(elb.send(new E.CreateLoadBalancerCommand({ Name: '-bad-' })), 'ValidationError', "'-bad-'");
    await rejects(elb.send(new E.CreateLoadBalancerCommand({ Name: 'nlb', Type: 'network' })), 'ValidationError', 'network');
    await rejects(
      elb.send(
        new E.CreateLoadBalancerCommand({
          Name: 'no-subnet',
          SubnetMappings: [{ SubnetId: 'subnet-11111111' }, { AllocationId: 'eipalloc-12345678' }],
        }),
      ),
      'ValidationError',
      'SubnetId',
    );
    await rejects(elb.send(new E.DescribeLoadBalancersCommand({ Names: ['no-subnet'] })), 'LoadBalancerNotFoundException', 'no-subnet');
    // Ids that are not EC2 ids are refused as ALB refuses them, and nothing is written.
    await rejects(
      elb.send(new E.CreateLoadBalancerCommand({ Name: 'bad-ids', Subnets: ['arn:aws:iam::0000:role/x'] })),
      'InvalidSubnetException',
      'arn:aws:iam::0000:role/x',
    );
    await rejects(
      elb.send(new E.CreateLoadBalancerCommand({ Name: 'bad-ids', Subnets: ['subnet-11111111'], SecurityGroups: ['default'] })),
      'InvalidSecurityGroupException',
      'default',
    );
    await rejects(elb.send(new E.DescribeLoadBalancersCommand({ Names: ['bad-ids'] })), 'LoadBalancerNotFoundException', 'bad-ids');
    await rejects(elb.send(new E.DescribeLoadBalancersCommand({ Names: ['nope'] })), 'LoadBalancerNotFoundException', 'nope');
    await E.waitUntilLoadBalancerAvailable({ client: elb, maxWaitTime: 10, minDelay: 1 }, { LoadBalancerArns: [lb.LoadBalancerArn!] });
    const attrs = (await elb.send(new E.DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Attributes!;
    assert.ok(attrs.some((a) => a.Key === 'idle_timeout.timeout_seconds' && a.Value === '60'));
    await elb.send(
      new E.ModifyLoadBalancerAttributesCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Attributes: [{ Key: 'deletion_protection.enabled', Value: 'true' }],
      }),
    );
    await rejects(
      elb.send(new E.DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn })),
      'OperationNotPermittedException',
      'deletion protection',
    );
    await rejects(
      elb.send(
        new E.ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: lb.LoadBalancerArn, Attributes: [{ Key: 'no.such', Value: '1' }] }),
      ),
      'ValidationError',
      "'no.such'",
    );
    await elb.send(
      new E.ModifyLoadBalancerAttributesCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Attributes: [{ Key: 'deletion_protection.enabled', Value: 'false' }],
      }),
    );
    const tags = await elb.send(new E.DescribeTagsCommand({ ResourceArns: [lb.LoadBalancerArn!] }));
    assert.deepEqual(tags.TagDescriptions![0].Tags, [{ Key: 'team', Value: 'a' }]);
  });

  it('target groups: ALB health check defaults and limits, attributes, targets and their health', async () => {
    const tg = (await elb.send(new E.CreateTargetGroupCommand({ Name: 'api-tg', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-1' })))
      .TargetGroups![0];
    assert.deepEqual(
      [
        tg.TargetType,
        tg.HealthCheckProtocol,
        tg.HealthCheckPort,
        tg.HealthCheckPath,
        tg.HealthCheckIntervalSeconds,
        tg.HealthCheckTimeoutSeconds,
        tg.HealthyThresholdCount,
        tg.UnhealthyThresholdCount,
        tg.Matcher?.HttpCode,
        tg.HealthCheckEnabled,
        tg.ProtocolVersion,
      ],
      ['instance', 'HTTP', 'traffic-port', '/', 30, 5, 5, 2, '200', true, 'HTTP1'],
    );
    assert.deepEqual(tg.LoadBalancerArns, []);
    const attrs = Object.fromEntries(
      (await elb.send(new E.DescribeTargetGroupAttributesCommand({ TargetGroupArn: tg.TargetGroupArn }))).Attributes!.map((a) => [
        a.Key,
        a.Value,
      ]),
    );
    assert.equal(attrs['deregistration_delay.timeout_seconds'], '300');
    assert.equal(attrs['stickiness.enabled'], 'false');
    assert.equal(attrs['load_balancing.algorithm.type'], 'round_robin');
    await elb.send(
      new E.ModifyTargetGroupAttributesCommand({
        TargetGroupArn: tg.TargetGroupArn,
        Attributes: [{ Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' }],
      }),
    );
    await rejects(
      elb.send(
        new E.ModifyTargetGroupAttributesCommand({
          TargetGroupArn: tg.TargetGroupArn,
          Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '4000' }],
        }),
      ),
      'ValidationError',
    );
    await rejects(
      elb.send(new E.CreateTargetGroupCommand({ Name: 'api-tg', Protocol: 'HTTP', Port: 9090, VpcId: 'vpc-1' })),
      'DuplicateTargetGroupNameException',
    );
    await rejects(
      elb.send(
        new E.CreateTargetGroupCommand({
          Name: 'bad-timeout',
          Protocol: 'HTTP',
          Port: 80,
          HealthCheckIntervalSeconds: 10,
          HealthCheckTimeoutSeconds: 10,
        }),
      ),
      'ValidationError',
      'smaller than the interval',
    );
    await rejects(
      elb.send(new E.CreateTargetGroupCommand({ Name: 'bad-matcher', Protocol: 'HTTP', Port: 80, Matcher: { HttpCode: '600' } })),
      'ValidationError',
      '600',
    );
    const modified = (
      await elb.send(
        new E.ModifyTargetGroupCommand({
          TargetGroupArn: tg.TargetGroupArn,
          HealthCheckPath: '/healthz',
          Matcher: { HttpCode: '200-299' },
        }),
      )
    ).TargetGroups![0];
    assert.deepEqual(
      [modified.HealthCheckPath, modified.Matcher?.HttpCode, modified.HealthCheckIntervalSeconds],
      ['/healthz', '200-299', 30],
    );

    await rejects(
      elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: '10.0.0.1' }] })),
      'InvalidTargetException',
      '10.0.0.1',
    );
    await elb.send(
      new E.RegisterTargetsCommand({
        TargetGroupArn: tg.TargetGroupArn,
        Targets: [{ Id: 'i-0123456789abcdef0' }, { Id: 'i-0123456789abcdef0', Port: 9000 }],
      }),
    );
    const health = (await elb.send(new E.DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn }))).TargetHealthDescriptions!;
    assert.deepEqual(
      health.map((h) => [h.Target!.Port, h.HealthCheckPort, h.TargetHealth!.State, h.TargetHealth!.Reason]),
      [
        [8080, '8080', 'unused', 'Target.NotInUse'],
        [9000, '9000', 'unused', 'Target.NotInUse'],
      ],
    );
    await elb.send(
      new E.DeregisterTargetsCommand({
        TargetGroupArn: tg.TargetGroupArn,
        Targets: [{ Id: 'i-0123456789abcdef0', Port: 9000 }, { Id: 'i-ffffffffffffffff0' }],
      }),
    );
    const draining = (
      await elb.send(
        new E.DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: 'i-0123456789abcdef0', Port: 9000 }] }),
      )
    ).TargetHealthDescriptions!;
    assert.deepEqual(draining[0].TargetHealth, {
      State: 'draining',
      Reason: 'Target.DeregistrationInProgress',
      Description: 'Target deregistration is in progress',
    });
    await rejects(
      elb.send(new E.DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn!.replace(/[0-9a-f]{16}$/, '0000000000000000') })),
      'TargetGroupNotFoundException',
    );
  });

  it('listeners and rules: default rule, forward forms, priorities, associations and the errors ALB gives', async () => {
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'rules-lb' }))).LoadBalancers![0].LoadBalancerArn!;
    const other = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'other-lb' }))).LoadBalancers![0].LoadBalancerArn!;
    const tg = (await elb.send(new E.CreateTargetGroupCommand({ Name: 'rules-tg', Protocol: 'HTTP', Port: 80, TargetType: 'ip' })))
      .TargetGroups![0].TargetGroupArn!;
    const tg2 = (await elb.send(new E.CreateTargetGroupCommand({ Name: 'rules-tg2', Protocol: 'HTTP', Port: 80, TargetType: 'ip' })))
      .TargetGroups![0].TargetGroupArn!;
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lb,
          Protocol: 'HTTP',
          Port: 18080,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
        }),
      )
    ).Listeners![0];
    assert.deepEqual(listener.DefaultActions, [
      {
        Type: 'forward',
        TargetGroupArn: tg,
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
      },
    ]);
    await rejects(
      elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lb,
          Protocol: 'HTTP',
          Port: 18080,
          DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }],
        }),
      ),
      'DuplicateListenerException',
    );
    await rejects(
      elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: other,
          Protocol: 'HTTP',
          Port: 18081,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
        }),
      ),
      'TargetGroupAssociationLimitException',
    );
    assert.deepEqual((await elb.send(new E.DescribeTargetGroupsCommand({ TargetGroupArns: [tg] }))).TargetGroups![0].LoadBalancerArns, [
      lb,
    ]);
    assert.deepEqual(
      (await elb.send(new E.DescribeTargetGroupsCommand({ LoadBalancerArn: lb }))).TargetGroups!.map((t) => t.TargetGroupArn),
      [tg],
    );
    await rejects(elb.send(new E.DeleteTargetGroupCommand({ TargetGroupArn: tg })), 'ResourceInUseException');

    const rules = (await elb.send(new E.DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules!;
    assert.deepEqual(
      rules.map((r) => [r.Priority, r.IsDefault, r.Conditions]),
      [['default', true, []]],
    );
    await rejects(elb.send(new E.DeleteRuleCommand({ RuleArn: rules[0].RuleArn })), 'OperationNotPermittedException');
    const created = (
      await elb.send(
        new E.CreateRuleCommand({
          ListenerArn: listener.ListenerArn,
          Priority: 10,
          Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
          Actions: [
            {
              Type: 'forward',
              ForwardConfig: {
                TargetGroups: [
                  { TargetGroupArn: tg, Weight: 100 },
                  { TargetGroupArn: tg2, Weight: 0 },
                ],
              },
            },
          ],
        }),
      )
    ).Rules![0];
    assert.deepEqual(created.Conditions, [{ Field: 'path-pattern', Values: ['/api/*'], PathPatternConfig: { Values: ['/api/*'] } }]);
    assert.equal(created.Priority, '10');
    await rejects(
      elb.send(
        new E.CreateRuleCommand({
          ListenerArn: listener.ListenerArn,
          Priority: 10,
          Conditions: [{ Field: 'path-pattern', Values: ['/b'] }],
          Actions: [{ Type: 'forward', TargetGroupArn: tg }],
        }),
      ),
      'PriorityInUseException',
    );
    await rejects(
      elb.send(
        new E.CreateRuleCommand({
          ListenerArn: listener.ListenerArn,
          Priority: 11,
          Conditions: [{ Field: 'cookie', Values: ['x'] }],
          Actions: [{ Type: 'forward', TargetGroupArn: tg }],
        }),
      ),
      'ValidationError',
      'cookie',
    );
    await rejects(
      elb.send(
        new E.CreateRuleCommand({
          ListenerArn: listener.ListenerArn,
          Priority: 12,
          Conditions: [{ Field: 'path-pattern', Values: ['/a', '/b', '/c', '/d', '/e', '/f'] }],
          Actions: [{ Type: 'forward', TargetGroupArn: tg }],
        }),
      ),
      'ValidationError',
      "'5'",
    );
    const forwardTg: E.Action[] = [{ Type: 'forward', TargetGroupArn: tg }];
    const regexRule = (Conditions: E.RuleCondition[], Transforms?: E.RuleTransform[]) =>
      elb.send(new E.CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 13, Conditions, Actions: forwardTg, Transforms }));
    await rejects(
      regexRule([{ Field: 'path-pattern', PathPatternConfig: { Values: ['/a'], RegexValues: ['^/a'] } }]),
      'ValidationError',
      'both Values and RegexValues',
    );
    await rejects(regexRule([{ Field: 'path-pattern', RegexValues: ['^/(?=admin)'] }]), 'ValidationError', 'lookaheads');
    await rejects(
      regexRule([{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-A', RegexValues: ['(a'] } }]),
      'ValidationError',
      "'(a'",
    );
    const rewrite = (Regex: string, Replace = '/'): E.RuleTransform => ({
      Type: 'url-rewrite',
      UrlRewriteConfig: { Rewrites: [{ Regex, Replace }] },
    });
    await rejects(
      regexRule([{ Field: 'path-pattern', Values: ['/t'] }], [rewrite('^/t'), rewrite('^/u')]),
      'ValidationError',
      "only one 'url-rewrite'",
    );
    await rejects(
      regexRule(
        [{ Field: 'path-pattern', Values: ['/t'] }],
        [{ Type: 'url-rewrite', HostHeaderRewriteConfig: { Rewrites: [{ Regex: 'a', Replace: 'b' }] } }],
      ),
      'ValidationError',
      'HostHeaderRewriteConfig',
    );
    await rejects(
      elb.send(new E.ModifyRuleCommand({ RuleArn: rules[0].RuleArn, Transforms: [rewrite('^/')] })),
      'ValidationError',
      'default rule',
    );
    await rejects(
      elb.send(new E.ModifyRuleCommand({ RuleArn: created.RuleArn, Transforms: [rewrite('^/')], ResetTransforms: true })),
      'ValidationError',
      'ResetTransforms',
    );
    assert.equal(
      (await elb.send(new E.DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules!.length,
      2,
      'refused rules wrote nothing',
    );
    const second = (
      await elb.send(
        new E.CreateRuleCommand({
          ListenerArn: listener.ListenerArn,
          Priority: 20,
          Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['a.example'] } }],
          Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }],
        }),
      )
    ).Rules![0];
    await rejects(
      elb.send(new E.SetRulePrioritiesCommand({ RulePriorities: [{ RuleArn: second.RuleArn, Priority: 10 }] })),
      'PriorityInUseException',
    );
    const swapped = await elb.send(
      new E.SetRulePrioritiesCommand({
        RulePriorities: [
          { RuleArn: second.RuleArn, Priority: 10 },
          { RuleArn: created.RuleArn, Priority: 20 },
        ],
      }),
    );
    assert.deepEqual(
      swapped.Rules!.map((r) => r.Priority),
      ['10', '20'],
    );
    assert.deepEqual(
      (await elb.send(new E.DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules!.map((r) => r.RuleArn),
      [second.RuleArn, created.RuleArn, rules[0].RuleArn],
    );
    await elb.send(new E.AddTagsCommand({ ResourceArns: [second.RuleArn!, listener.ListenerArn!, tg], Tags: [{ Key: 'k', Value: 'v' }] }));
    await elb.send(new E.RemoveTagsCommand({ ResourceArns: [tg], TagKeys: ['k'] }));
    const tagged = await elb.send(new E.DescribeTagsCommand({ ResourceArns: [second.RuleArn!, tg] }));
    assert.deepEqual(
      tagged.TagDescriptions!.map((d) => d.Tags!.length),
      [1, 0],
    );

    await elb.send(new E.DeleteLoadBalancerCommand({ LoadBalancerArn: lb }));
    await rejects(elb.send(new E.DescribeListenersCommand({ ListenerArns: [listener.ListenerArn!] })), 'ListenerNotFoundException');
    await elb.send(new E.DeleteTargetGroupCommand({ TargetGroupArn: tg }));
    await elb.send(new E.DeleteLoadBalancerCommand({ LoadBalancerArn: lb }));
  });

  it('pages Describe calls by Marker and PageSize: the SDK paginators and the aws CLI walk every page; a marker serves only the call that issued it', async () => {
    const paris = elbClient(s.endpoint, 'eu-west-3');
    const names = ['page-a', 'page-b', 'page-c'];
    for (const Name of names) {
      await paris.send(new E.CreateLoadBalancerCommand({ Name }));
      await paris.send(new E.CreateTargetGroupCommand({ Name, Protocol: 'HTTP', Port: 80 }));
    }
    const pages: string[][] = [];
    for await (const page of E.paginateDescribeLoadBalancers({ client: paris }, { PageSize: 2 }))
      pages.push(page.LoadBalancers!.map((l) => l.LoadBalancerName!));
    assert.deepEqual(pages, [['page-a', 'page-b'], ['page-c']]);
    const first = await paris.send(new E.DescribeTargetGroupsCommand({ PageSize: 1 }));
    assert.deepEqual(
      first.TargetGroups!.map((t) => t.TargetGroupName),
      ['page-a'],
    );
    await rejects(paris.send(new E.DescribeLoadBalancersCommand({ Marker: first.NextMarker })), 'ValidationError', 'Marker');
    await rejects(paris.send(new E.DescribeTargetGroupsCommand({ Marker: 'garbage' })), 'ValidationError', 'Marker');
    await rejects(paris.send(new E.DescribeTargetGroupsCommand({ PageSize: 401 })), 'ValidationError', 'PageSize');
    const rest = await paris.send(new E.DescribeTargetGroupsCommand({ Marker: first.NextMarker }));
    assert.deepEqual([rest.TargetGroups!.map((t) => t.TargetGroupName), rest.NextMarker], [['page-b', 'page-c'], undefined]);
    // The CLI (v1) takes --page-size and --marker as the operation's own members, one call each.
    const cli = ['elbv2', 'describe-target-groups', '--region', 'eu-west-3'];
    const one = await awsCli(s.endpoint, [...cli, '--page-size', '1']);
    const two = await awsCli(s.endpoint, [...cli, '--page-size', '2', '--marker', one.NextMarker]);
    assert.deepEqual(
      [...one.TargetGroups, ...two.TargetGroups].map((t: E.TargetGroup) => t.TargetGroupName),
      names,
    );
    assert.equal(two.NextMarker, undefined);
    const policies: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await paris.send(new E.DescribeSSLPoliciesCommand({ PageSize: 5, Marker }));
      policies.push(...page.SslPolicies!.map((p) => p.Name!));
      Marker = page.NextMarker;
    } while (Marker);
    const all = (await paris.send(new E.DescribeSSLPoliciesCommand({}))).SslPolicies!;
    assert.ok(all.length > 5);
    assert.deepEqual(
      policies,
      all.map((p) => p.Name),
    );
  });

  it('speaks the Query protocol on the wire: form posts and GETs, XML answers, XML errors with ALB codes', async () => {
    const ok = await form({ Action: 'DescribeLoadBalancers', 'Names.member.1': 'api-lb' }, 'GET');
    assert.equal(ok.status, 200);
    assert.equal(ok.type, 'text/xml');
    assert.match(
      ok.text,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<DescribeLoadBalancersResponse xmlns="http:\/\/elasticloadbalancing.amazonaws.com\/doc\/2015-12-01\/"><DescribeLoadBalancersResult><LoadBalancers><member>/,
    );
    assert.match(ok.text, /<CreatedTime>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z<\/CreatedTime>/);
    assert.match(ok.text, /<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/DescribeLoadBalancersResponse>$/);
    const missing = await form({
      Action: 'DescribeLoadBalancers',
      'LoadBalancerArns.member.1': 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/x/0000000000000000',
    });
    assert.equal(missing.status, 400);
    assert.match(
      missing.text,
      /<ErrorResponse xmlns="[^"]+"><Error><Type>Sender<\/Type><Code>LoadBalancerNotFound<\/Code><Message>One or more load balancers not found<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
    const badProtocol = await form({ Action: 'CreateTargetGroup', Name: 'x', Protocol: 'HTTPX', Port: '80' });
    assert.equal(badProtocol.status, 400);
    assert.match(
      badProtocol.text,
      /<Code>ValidationError<\/Code><Message>1 validation error detected: Value 'HTTPX' at 'Protocol' failed to satisfy constraint: Member must satisfy enum value set/,
    );
    const badPort = await form({ Action: 'CreateTargetGroup', Name: 'x', Protocol: 'HTTP', Port: 'eighty' });
    assert.match(badPort.text, /<Code>ValidationError<\/Code><Message>Value 'eighty' at 'Port' must be an integer/);
    const unknown = await form({ Action: 'Frobnicate' });
    assert.match(unknown.text, /<Code>InvalidAction<\/Code>/);
    const unimplemented = await form({ Action: 'DescribeTrustStores' });
    assert.equal(unimplemented.status, 501);
    assert.match(
      unimplemented.text,
      /<Code>NotImplemented<\/Code><Message>Slipway does not implement Elastic Load Balancing v2 DescribeTrustStores yet/,
    );
  });

  it('the aws CLI drives it, waiters included', async () => {
    const tg = await awsCli(s.endpoint, [
      'elbv2',
      'create-target-group',
      '--name',
      'cli-tg',
      '--protocol',
      'HTTP',
      '--port',
      '80',
      '--target-type',
      'ip',
      '--vpc-id',
      'vpc-1',
    ]);
    assert.equal(tg.TargetGroups[0].HealthCheckIntervalSeconds, 30);
    const lb = await awsCli(s.endpoint, [
      'elbv2',
      'create-load-balancer',
      '--name',
      'cli-lb',
      '--subnets',
      'subnet-11111111',
      'subnet-22222222',
    ]);
    const lbArn = lb.LoadBalancers[0].LoadBalancerArn;
    await awsCli(s.endpoint, ['elbv2', 'wait', 'load-balancer-available', '--load-balancer-arns', lbArn]);
    const listener = await awsCli(s.endpoint, [
      'elbv2',
      'create-listener',
      '--load-balancer-arn',
      lbArn,
      '--protocol',
      'HTTP',
      '--port',
      '18090',
      '--default-actions',
      `Type=forward,TargetGroupArn=${tg.TargetGroups[0].TargetGroupArn}`,
    ]);
    assert.equal(listener.Listeners[0].Port, 18090);
    const described = await awsCli(s.endpoint, ['elbv2', 'describe-load-balancers', '--names', 'cli-lb']);
    assert.equal(described.LoadBalancers[0].LoadBalancerArn, lbArn);
    await awsCli(s.endpoint, [
      'elbv2',
      'modify-target-group-attributes',
      '--target-group-arn',
      tg.TargetGroups[0].TargetGroupArn,
      '--attributes',
      'Key=deregistration_delay.timeout_seconds,Value=1',
    ]);
    await awsCli(s.endpoint, [
      'elbv2',
      'register-targets',
      '--target-group-arn',
      tg.TargetGroups[0].TargetGroupArn,
      '--targets',
      'Id=127.0.0.1,Port=1',
    ]);
    await awsCli(s.endpoint, [
      'elbv2',
      'deregister-targets',
      '--target-group-arn',
      tg.TargetGroups[0].TargetGroupArn,
      '--targets',
      'Id=127.0.0.1,Port=1',
    ]);
    await awsCli(s.endpoint, [
      'elbv2',
      'wait',
      'target-deregistered',
      '--target-group-arn',
      tg.TargetGroups[0].TargetGroupArn,
      '--targets',
      'Id=127.0.0.1,Port=1',
    ]);
    await assert.rejects(awsCli(s.endpoint, ['elbv2', 'describe-load-balancers', '--names', 'nope']), (err: Error & { stderr: string }) => {
      assert.match(
        err.stderr,
        /An error occurred \(LoadBalancerNotFound\) when calling the DescribeLoadBalancers operation: Load balancers '\[nope\]' not found/,
      );
      return true;
    });
    await awsCli(s.endpoint, ['elbv2', 'delete-load-balancer', '--load-balancer-arn', lbArn]);
  });
});
