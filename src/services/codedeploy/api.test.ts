/**
 * The CodeDeploy handlers' checks, in CodeDeploy's exception names, each naming what is wrong and
 * writing nothing: applications, configs, ECS deployment groups and CreateDeployment's revision.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { CreateDeploymentGroupInput } from './shapes.ts';
import { memoryCodeDeploy } from './testing.ts';

const ROLE = 'arn:aws:iam::000000000000:role/codedeploy';

async function world() {
  const room = memoryCodeDeploy();
  const blue = room.world.targetGroup('tg-blue');
  room.world.targetGroup('tg-green');
  room.world.targetGroup('tg-other');
  const prod = room.world.listener(blue);
  const elsewhere = room.world.listener(room.world.groups.get('tg-other')!);
  room.world.service('web', blue);
  await room.call('CreateApplication', { applicationName: 'app', computePlatform: 'ECS' });
  const group = (change: Partial<CreateDeploymentGroupInput> = {}): CreateDeploymentGroupInput => ({
    applicationName: 'app',
    deploymentGroupName: 'dg',
    serviceRoleArn: ROLE,
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    ecsServices: [{ clusterName: 'c', serviceName: 'web' }],
    loadBalancerInfo: {
      targetGroupPairInfoList: [{ targetGroups: [{ name: 'tg-blue' }, { name: 'tg-green' }], prodTrafficRoute: { listenerArns: [prod] } }],
    },
    ...change,
  });
  return { ...room, prod, elsewhere, group };
}

const JSON_APPSPEC = JSON.stringify({
  version: 0,
  Resources: [
    {
      TargetService: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:2',
          LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 },
        },
      },
    },
  ],
});

describe('codedeploy api', () => {
  it('applications: one name per account and region, names checked', async () => {
    const { call } = await world();
    await assert.rejects(call('CreateApplication', { applicationName: 'app' }), { code: 'ApplicationAlreadyExistsException' });
    await assert.rejects(call('CreateApplication', { applicationName: 'bad name' }), {
      code: 'InvalidApplicationNameException',
      message: /bad name/,
    });
    await assert.rejects(call('GetApplication', { applicationName: 'nope' }), {
      code: 'ApplicationDoesNotExistException',
      message: 'No application found for name: nope',
    });
    assert.deepEqual((await call('ListApplications', {})).applications, ['app']);
    assert.equal((await call('GetApplication', { applicationName: 'app' })).application?.computePlatform, 'ECS');
  });

  it('deployment configs: five predefined ECS ones, custom ones checked, predefined ones kept', async () => {
    const { call } = await world();
    const list = (await call('ListDeploymentConfigs', {})).deploymentConfigsList!;
    assert.deepEqual(list.filter((n) => n.startsWith('CodeDeployDefault.ECS')).length, 5);
    const canary = (await call('GetDeploymentConfig', { deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' }))
      .deploymentConfigInfo!;
    assert.deepEqual(canary.trafficRoutingConfig, {
      type: 'TimeBasedCanary',
      timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 },
    });
    await assert.rejects(
      call('CreateDeploymentConfig', {
        deploymentConfigName: 'x',
        computePlatform: 'ECS',
        trafficRoutingConfig: { type: 'TimeBasedCanary' },
      }),
      {
        code: 'InvalidTrafficRoutingConfigurationException',
        message: /timeBasedCanary/,
      },
    );
    await assert.rejects(
      call('CreateDeploymentConfig', {
        deploymentConfigName: 'x',
        computePlatform: 'ECS',
        trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 0, linearInterval: 1 } },
      }),
      { code: 'InvalidTrafficRoutingConfigurationException', message: /linearPercentage/ },
    );
    await call('CreateDeploymentConfig', {
      deploymentConfigName: 'half',
      computePlatform: 'ECS',
      trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 50, canaryInterval: 1 } },
    });
    await assert.rejects(
      call('CreateDeploymentConfig', { deploymentConfigName: 'half', computePlatform: 'ECS', trafficRoutingConfig: { type: 'AllAtOnce' } }),
      { code: 'DeploymentConfigAlreadyExistsException' },
    );
    await assert.rejects(call('DeleteDeploymentConfig', { deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' }), {
      code: 'InvalidOperationException',
    });
    await call('DeleteDeploymentConfig', { deploymentConfigName: 'half' });
    await assert.rejects(call('GetDeploymentConfig', { deploymentConfigName: 'half' }), { code: 'DeploymentConfigDoesNotExistException' });
  });

  it('deployment groups: every ECS rule refused in its own exception, and nothing written', async () => {
    const { call, group, elsewhere, world: w } = await world();
    const refused: [Partial<CreateDeploymentGroupInput>, string, RegExp][] = [
      [{ deploymentStyle: undefined }, 'InvalidDeploymentStyleException', /BLUE_GREEN/],
      [{ serviceRoleArn: 'codedeploy' }, 'InvalidRoleException', /IAM role/],
      [
        { blueGreenDeploymentConfiguration: { deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 5 } } },
        'InvalidBlueGreenDeploymentConfigurationException',
        /CONTINUE_DEPLOYMENT/,
      ],
      [
        { blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { terminationWaitTimeInMinutes: 2881 } } },
        'InvalidBlueGreenDeploymentConfigurationException',
        /2880/,
      ],
      [
        {
          loadBalancerInfo: { targetGroupPairInfoList: [{ targetGroups: [{ name: 'tg-blue' }], prodTrafficRoute: { listenerArns: [] } }] },
        },
        'InvalidTargetGroupPairException',
        /two different/,
      ],
      [
        {
          loadBalancerInfo: {
            targetGroupPairInfoList: [{ targetGroups: [{ name: 'tg-blue' }, { name: 'gone' }], prodTrafficRoute: { listenerArns: [] } }],
          },
        },
        'InvalidTargetGroupPairException',
        /gone does not exist/,
      ],
      [
        {
          loadBalancerInfo: {
            targetGroupPairInfoList: [
              { targetGroups: [{ name: 'tg-blue' }, { name: 'tg-green' }], prodTrafficRoute: { listenerArns: [elsewhere] } },
            ],
          },
        },
        'InvalidTargetGroupPairException',
        /does not forward/,
      ],
      [{ loadBalancerInfo: {} }, 'InvalidLoadBalancerInfoException', /exactly one target group pair/],
      [{ ecsServices: [] }, 'InvalidECSServiceException', /exactly one ECS service/],
      [{ ecsServices: [{ clusterName: 'c', serviceName: 'nope' }] }, 'InvalidECSServiceException', /nope does not exist/],
      [{ autoRollbackConfiguration: { enabled: true } }, 'InvalidAutoRollbackConfigException', /events/],
      [
        { alarmConfiguration: { enabled: true, alarms: Array.from({ length: 11 }, (_, i) => ({ name: `a${i}` })) } },
        'AlarmsLimitExceededException',
        /10/,
      ],
      [{ deploymentConfigName: 'nope' }, 'DeploymentConfigDoesNotExistException', /nope/],
    ];
    for (const [change, code, message] of refused) {
      await assert.rejects(call('CreateDeploymentGroup', group(change)), { code, message }, `${JSON.stringify(change)} → ${code}`);
    }
    w.services.get('c/web')!.deploymentController = 'ECS';
    await assert.rejects(call('CreateDeploymentGroup', group()), {
      code: 'InvalidECSServiceException',
      message: "Deployment group's ECS service must be configured for a CODE_DEPLOY deployment controller.",
    });
    w.services.get('c/web')!.deploymentController = 'CODE_DEPLOY';
    assert.deepEqual((await call('ListDeploymentGroups', { applicationName: 'app' })).deploymentGroups, []);

    await call('CreateDeploymentGroup', group());
    const info = (await call('GetDeploymentGroup', { applicationName: 'app', deploymentGroupName: 'dg' })).deploymentGroupInfo!;
    assert.deepEqual(info.blueGreenDeploymentConfiguration, {
      deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 0 },
    });
    assert.equal(info.deploymentConfigName, 'CodeDeployDefault.ECSAllAtOnce');
    await assert.rejects(call('CreateDeploymentGroup', group()), { code: 'DeploymentGroupAlreadyExistsException' });
    await assert.rejects(call('CreateDeploymentGroup', group({ deploymentGroupName: 'dg2' })), {
      code: 'ECSServiceMappingLimitExceededException',
    });
  });

  it('CreateDeployment reads an S3 revision: the AppSpec file in the bucket, its eTag checked', async () => {
    const { call, group, world: w } = await world();
    await call('CreateDeploymentGroup', group());
    w.objects.set('revisions/appspec.json', JSON_APPSPEC);
    const create = (s3Location: object) =>
      call('CreateDeployment', { applicationName: 'app', deploymentGroupName: 'dg', revision: { revisionType: 'S3', s3Location } });
    await assert.rejects(create({ bucket: 'revisions', key: 'appspec.json', bundleType: 'JSON', eTag: 'other' }), {
      code: 'InvalidRevisionException',
      message: /eTag/,
    });
    assert.deepEqual((await call('ListDeployments', {})).deployments, []);
    const { deploymentId } = await create({ bucket: 'revisions', key: 'appspec.json', bundleType: 'JSON' });
    const info = (await call('GetDeployment', { deploymentId: deploymentId! })).deploymentInfo!;
    assert.equal(info.revision?.revisionType, 'S3');
  });

  it('a Server application refuses ECS parts', async () => {
    const { call, group } = await world();
    await call('CreateApplication', { applicationName: 'srv' });
    await assert.rejects(call('CreateDeploymentGroup', group({ applicationName: 'srv' })), {
      code: 'InvalidECSServiceException',
      message: 'Should not specify ECS services parameter for Server deployment group',
    });
  });

  it('CreateDeployment checks the revision and its sha256, and writes nothing when refused', async () => {
    const { call, group } = await world();
    await call('CreateDeploymentGroup', group());
    const create = (revision: object) => call('CreateDeployment', { applicationName: 'app', deploymentGroupName: 'dg', revision });
    await assert.rejects(call('CreateDeployment', { applicationName: 'app', deploymentGroupName: 'dg' }), {
      code: 'RevisionRequiredException',
    });
    await assert.rejects(create({ revisionType: 'AppSpecContent', appSpecContent: { content: JSON_APPSPEC, sha256: 'ab'.repeat(32) } }), {
      code: 'InvalidRevisionException',
      message: /sha256/,
    });
    await assert.rejects(create({ revisionType: 'AppSpecContent', appSpecContent: { content: 'version: 0.0\nResources: []' } }), {
      code: 'InvalidRevisionException',
      message: /Resources/,
    });
    await assert.rejects(
      create({
        revisionType: 'AppSpecContent',
        appSpecContent: { content: JSON_APPSPEC.replace('"ContainerPort":80', '"ContainerPort":"http"') },
      }),
      {
        code: 'InvalidRevisionException',
        message: /ContainerPort/,
      },
    );
    await assert.rejects(create({ revisionType: 'S3', s3Location: { bucket: 'b', key: 'k', bundleType: 'YAML' } }), {
      code: 'RevisionDoesNotExistException',
      message: /s3:\/\/b\/k/,
    });
    await assert.rejects(create({ revisionType: 'S3', s3Location: { bucket: 'b', key: 'k', bundleType: 'zip' } }), {
      code: 'InvalidRevisionException',
      message: /YAML or JSON/,
    });
    await assert.rejects(call('CreateDeployment', { applicationName: 'app' }), { code: 'DeploymentGroupNameRequiredException' });
    assert.deepEqual((await call('ListDeployments', {})).deployments, []);

    const sha256 = createHash('sha256').update(JSON_APPSPEC).digest('hex');
    const { deploymentId } = await create({ revisionType: 'AppSpecContent', appSpecContent: { content: JSON_APPSPEC, sha256 } });
    assert.match(deploymentId!, /^d-[A-Z0-9]{9}$/);
    await assert.rejects(call('ListDeploymentTargets', { deploymentId: deploymentId! }), { code: 'DeploymentNotStartedException' });
    assert.deepEqual((await call('ListDeployments', { applicationName: 'app', deploymentGroupName: 'dg' })).deployments, [deploymentId]);
    await assert.rejects(call('GetDeployment', { deploymentId: 'd-NOPE' }), { code: 'InvalidDeploymentIdException' });
    // Renamed, the group keeps its deployments, the active one among them.
    await call('UpdateDeploymentGroup', { applicationName: 'app', currentDeploymentGroupName: 'dg', newDeploymentGroupName: 'renamed' });
    await assert.rejects(
      call('CreateDeployment', {
        applicationName: 'app',
        deploymentGroupName: 'renamed',
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: JSON_APPSPEC } },
      }),
      {
        code: 'DeploymentLimitExceededException',
      },
    );
    assert.deepEqual((await call('ListDeployments', { applicationName: 'app', deploymentGroupName: 'renamed' })).deployments, [
      deploymentId,
    ]);
    await assert.rejects(call('GetDeployment', { deploymentId: 'd-AAAAAAAAA' }), { code: 'DeploymentDoesNotExistException' });
  });

  it('tags on applications and deployment groups, by ARN', async () => {
    const { call, group } = await world();
    await call('CreateDeploymentGroup', group());
    const arn = 'arn:aws:codedeploy:us-east-1:000000000000:deploymentgroup:app/dg';
    await call('TagResource', { ResourceArn: arn, Tags: [{ Key: 'team', Value: 'web' }] });
    assert.deepEqual((await call('ListTagsForResource', { ResourceArn: arn })).Tags, [{ Key: 'team', Value: 'web' }]);
    await call('UntagResource', { ResourceArn: arn, TagKeys: ['team'] });
    assert.deepEqual((await call('ListTagsForResource', { ResourceArn: arn })).Tags, []);
    await assert.rejects(
      call('TagResource', {
        ResourceArn: 'arn:aws:codedeploy:us-east-1:000000000000:application:app',
        Tags: [{ Key: 'aws:x', Value: '' }],
      }),
      { code: 'InvalidTagsToAddException' },
    );
    await assert.rejects(call('ListTagsForResource', { ResourceArn: 'arn:aws:s3:::bucket' }), { code: 'InvalidArnException' });
  });
});
