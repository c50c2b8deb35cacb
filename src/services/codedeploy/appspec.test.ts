/**
 * The AppSpec as CodeDeploy reads it for ECS: YAML or the deploy action's JSON, keys in any case,
 * hooks by event, and each fault named.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkSha256, parseAppSpec } from './appspec.ts';

const YAML = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:3"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
        PlatformVersion: "LATEST"
        NetworkConfiguration:
          AwsvpcConfiguration:
            Subnets: ["subnet-1"]
            SecurityGroups: ["sg-1"]
            AssignPublicIp: "ENABLED"
Hooks:
  - BeforeInstall: "Prepare"
  - AfterAllowTestTraffic: "SmokeTest"
`;

describe('appspec', () => {
  it('reads the seeds’ YAML: task definition, container and port, network configuration, hooks', () => {
    assert.deepEqual(parseAppSpec(YAML), {
      taskDefinition: 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:3',
      containerName: 'web',
      containerPort: 8080,
      platformVersion: 'LATEST',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' } },
      hooks: { BeforeInstall: 'Prepare', AfterAllowTestTraffic: 'SmokeTest' },
    });
  });

  it('reads keys in any case, as the JSON the deploy action sends', () => {
    const json = JSON.stringify({
      version: 0,
      resources: [
        {
          TargetService: {
            type: 'AWS::ECS::Service',
            properties: { taskDefinition: 'td', loadBalancerInfo: { containerName: 'web', containerPort: '80' } },
          },
        },
      ],
      hooks: [{ afterallowtraffic: 'Check' }],
    });
    const spec = parseAppSpec(json);
    assert.equal(spec.containerPort, 80);
    assert.deepEqual(spec.hooks, { AfterAllowTraffic: 'Check' });
  });

  it('names each fault', () => {
    const cases: [string, RegExp][] = [
      ['version: 1\nResources: []', /'version' must be 0.0/],
      [YAML.replace('AWS::ECS::Service', 'AWS::Lambda::Function'), /Type AWS::ECS::Service/],
      [YAML.replace('          ContainerName: "web"\n', ''), /ContainerName/],
      [YAML.replace('            AssignPublicIp: "ENABLED"\n', ''), /Subnets, SecurityGroups and AssignPublicIp together/],
      [YAML.replace('Subnets: ["subnet-1"]', 'Subnets: "subnet-1"'), /AwsvpcConfiguration.Subnets' must be a list of 1 to 16 ids/],
      [YAML.replace('Subnets: ["subnet-1"]', 'Subnets: []'), /Subnets' must be a list of 1 to 16 ids/],
      [YAML.replace('SecurityGroups: ["sg-1"]', 'SecurityGroups: [{ id: "sg-1" }]'), /SecurityGroups' must be a list of 0 to 5 ids/],
      [YAML.replace('AssignPublicIp: "ENABLED"', 'AssignPublicIp: true'), /AssignPublicIp' must be ENABLED or DISABLED/],
      [YAML.replace('BeforeInstall', 'ApplicationStart'), /'ApplicationStart' is not a hook of an ECS deployment/],
      ['{"version": 0', /neither YAML nor JSON/],
    ];
    for (const [content, message] of cases)
      assert.throws(() => parseAppSpec(content), { code: 'InvalidRevisionException', message }, String(message));
  });

  it('checks the sha256 of the exact content', () => {
    checkSha256(YAML, createHash('sha256').update(YAML).digest('hex'));
    checkSha256(YAML, undefined);
    assert.throws(() => checkSha256(`${YAML} `, createHash('sha256').update(YAML).digest('hex')), { code: 'InvalidRevisionException' });
  });
});
