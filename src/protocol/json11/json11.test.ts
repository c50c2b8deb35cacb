import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import * as B from '@aws-sdk/client-codebuild';
import * as R from '@aws-sdk/client-ecr';
import * as S from '@aws-sdk/client-ecs';
import { AwsError } from '../../core/errors.ts';
import { loadModel, type ServiceModel } from '../model.ts';
import { validateInput } from '../validate.ts';
import { json11Codec } from './codec.ts';

/**
 * Captures what an SDK v3 client sends, decodes it with the JSON 1.1 codec and validates it as
 * Slipway would (`seen`), then answers with `reply`'s output encoded by the codec, for the SDK to read.
 */
function roundTrip(model: ServiceModel, reply: (operation: string) => unknown) {
  const state: { seen: Record<string, unknown> } = { seen: {} as Record<string, unknown> };
  const config = {
    region: 'us-east-1',
    endpoint: 'http://local',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { headers: Record<string, string>; body?: string | Uint8Array }) {
        const body = typeof request.body === 'string' ? request.body : Buffer.from(request.body ?? []).toString('utf8');
        const { operation, input } = json11Codec.decode(model, { target: request.headers['x-amz-target'], body });
        state.seen = validateInput(model, model.operations[operation].input?.shape, input, {
          constraint: 'InvalidParameterException',
          type: 'SerializationException',
        });
        const out = reply(operation);
        const wire =
          out instanceof AwsError ? json11Codec.encodeError(model, out, 'req-1') : json11Codec.encode(model, operation, out, 'req-1');
        return { response: { statusCode: wire.status, headers: wire.headers, body: Readable.from([Buffer.from(String(wire.body))]) } };
      },
    } as never,
  };
  return { config, state };
}

const at = Date.UTC(2024, 0, 2, 3, 4, 5, 123);

describe('JSON 1.1 codec, round-tripped through the AWS SDK v3', () => {
  it('ECS: nested task definitions in, services with timestamps out, modelled errors', async () => {
    const { config, state } = roundTrip(loadModel('ecs'), (op) =>
      op === 'DescribeServices'
        ? {
            services: [
              {
                serviceName: 'web',
                createdAt: at,
                desiredCount: 2,
                deployments: [{ id: 'd', rolloutState: 'COMPLETED', updatedAt: at }],
                tags: [{ key: 'k', value: 'v' }],
              },
            ],
            failures: [],
          }
        : op === 'DeleteCluster'
          ? new AwsError('ClusterNotFoundException', 'Cluster not found.')
          : {},
    );
    const ecs = new S.ECSClient(config);
    const taskdef = {
      family: 'web',
      networkMode: 'awsvpc' as const,
      cpu: '256',
      containerDefinitions: [
        {
          name: 'app',
          image: 'nginx',
          memory: 128,
          essential: true,
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' as const }],
          environment: [{ name: 'A', value: 'a "quoted" \u00e9' }],
          dockerLabels: { 'com.example': 'x' },
          healthCheck: { command: ['CMD-SHELL', 'true'], interval: 5, retries: 3 },
        },
      ],
      tags: [{ key: 'team', value: 'a' }],
    };
    await ecs.send(new S.RegisterTaskDefinitionCommand(taskdef));
    assert.deepEqual(JSON.parse(JSON.stringify(state.seen)), JSON.parse(JSON.stringify(taskdef)));
    await ecs.send(new S.SubmitTaskStateChangeCommand({ cluster: 'c', pullStartedAt: new Date(at) }));
    assert.equal(state.seen.pullStartedAt, at, 'timestamps arrive as epoch seconds and become epoch ms');
    const out = await ecs.send(new S.DescribeServicesCommand({ cluster: 'c', services: ['web'], include: ['TAGS'] }));
    assert.equal(out.services![0].createdAt!.getTime(), at);
    assert.equal(out.services![0].deployments![0].updatedAt!.getTime(), at);
    assert.equal(out.services![0].desiredCount, 2);
    assert.deepEqual(out.services![0].tags, [{ key: 'k', value: 'v' }]);
    assert.equal(out.$metadata.requestId, 'req-1');
    await assert.rejects(ecs.send(new S.DeleteClusterCommand({ cluster: 'c' })), {
      name: 'ClusterNotFoundException',
      message: 'Cluster not found.',
    });
  });

  it('ECR: manifests and id lists in, images with sizes and push times out, errors with their fields', async () => {
    const { config, state } = roundTrip(loadModel('ecr'), (op) =>
      op === 'DescribeImages'
        ? {
            imageDetails: [
              {
                repositoryName: 'repo',
                imageDigest: `sha256:${'a'.repeat(64)}`,
                imageTags: ['v1', 'latest'],
                imageSizeInBytes: 5_000_000_000,
                imagePushedAt: at,
              },
            ],
          }
        : op === 'GetAuthorizationToken'
          ? { authorizationData: [{ authorizationToken: 'QVdTOnB3', expiresAt: at, proxyEndpoint: 'http://127.0.0.1:4566' }] }
          : new AwsError('RepositoryNotFoundException', "The repository with name 'repo' does not exist", {
              fields: { registryId: '000000000000' },
            }),
    );
    const ecr = new R.ECRClient(config);
    const manifest = JSON.stringify({ schemaVersion: 2, layers: [] });
    await assert.rejects(ecr.send(new R.PutImageCommand({ repositoryName: 'repo', imageManifest: manifest, imageTag: 'v1' })), {
      name: 'RepositoryNotFoundException',
    });
    assert.deepEqual({ ...state.seen }, { repositoryName: 'repo', imageManifest: manifest, imageTag: 'v1' });
    await assert.rejects(
      ecr.send(
        new R.BatchDeleteImageCommand({
          repositoryName: 'repo',
          imageIds: [{ imageTag: 'v1' }, { imageDigest: `sha256:${'b'.repeat(64)}` }],
        }),
      ),
    );
    assert.deepEqual(state.seen.imageIds, [{ imageTag: 'v1' }, { imageDigest: `sha256:${'b'.repeat(64)}` }]);
    const images = await ecr.send(new R.DescribeImagesCommand({ repositoryName: 'repo', filter: { tagStatus: 'TAGGED' } }));
    assert.deepEqual(images.imageDetails![0].imageTags, ['v1', 'latest']);
    assert.equal(images.imageDetails![0].imageSizeInBytes, 5_000_000_000);
    assert.equal(images.imageDetails![0].imagePushedAt!.getTime(), at);
    const token = await ecr.send(new R.GetAuthorizationTokenCommand({}));
    assert.equal(token.authorizationData![0].expiresAt!.getTime(), at);
  });

  it('CodeBuild: projects with environments in, builds with phases out', async () => {
    const { config, state } = roundTrip(loadModel('codebuild'), (op) =>
      op === 'BatchGetBuilds'
        ? {
            builds: [
              {
                id: 'proj:1',
                buildStatus: 'SUCCEEDED',
                startTime: at,
                phases: [
                  {
                    phaseType: 'BUILD',
                    phaseStatus: 'FAILED',
                    durationInSeconds: 3,
                    contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'exit status 1' }],
                  },
                ],
                exportedEnvironmentVariables: [{ name: 'X', value: '1' }],
              },
            ],
            buildsNotFound: ['proj:2'],
          }
        : {},
    );
    const cb = new B.CodeBuildClient(config);
    const project = {
      name: 'proj',
      serviceRole: 'build',
      source: { type: 'NO_SOURCE' as const, buildspec: 'version: 0.2\nphases:\n  build:\n    commands: [echo hi]\n' },
      artifacts: { type: 'NO_ARTIFACTS' as const },
      environment: {
        type: 'LINUX_CONTAINER' as const,
        image: 'aws/codebuild/standard:7.0',
        computeType: 'BUILD_GENERAL1_SMALL' as const,
        privilegedMode: true,
        environmentVariables: [{ name: 'A', value: '1', type: 'PLAINTEXT' as const }],
      },
      timeoutInMinutes: 5,
    };
    await cb.send(new B.CreateProjectCommand(project));
    assert.deepEqual(JSON.parse(JSON.stringify(state.seen)), project);
    const out = await cb.send(new B.BatchGetBuildsCommand({ ids: ['proj:1', 'proj:2'] }));
    assert.equal(out.builds![0].startTime!.getTime(), at);
    assert.equal(out.builds![0].phases![0].contexts![0].statusCode, 'COMMAND_EXECUTION_ERROR');
    assert.deepEqual(out.buildsNotFound, ['proj:2']);
  });
});

describe('JSON 1.1 output', () => {
  it('sends only modelled, non-null members with timestamps in seconds, in the order given, and leaves the value as it was', () => {
    const model = loadModel('ecs');
    const service = {
      serviceName: 'web',
      internalNote: 'never sent',
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
      loadBalancers: [{ targetGroupArn: 'tg', containerName: 'app', containerPort: 80 }],
      roleArn: null,
      events: [
        { id: 'e1', createdAt: at, message: 'steady' },
        { id: 'e2', message: 'no time', extra: 1 },
      ],
      desiredCount: 2,
      tags: [null, { key: 'k', value: 'v' }],
    };
    const given = JSON.parse(JSON.stringify(service));
    const wire = json11Codec.encode(model, 'DescribeServices', { services: [service], failures: [] }, 'req-1');
    assert.equal(
      wire.body,
      JSON.stringify({
        services: [
          {
            serviceName: 'web',
            deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
            loadBalancers: [{ targetGroupArn: 'tg', containerName: 'app', containerPort: 80 }],
            events: [
              { id: 'e1', createdAt: at / 1000, message: 'steady' },
              { id: 'e2', message: 'no time' },
            ],
            desiredCount: 2,
            tags: [{ key: 'k', value: 'v' }],
          },
        ],
        failures: [],
      }),
    );
    assert.deepEqual(service, given);
  });
});
