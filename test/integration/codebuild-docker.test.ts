/**
 * CodeBuild with Slipway's own build image (aws/codebuild/standard:7.0, built here from Debian on
 * first use) and the host's Docker Engine: the FastAPI example (pytest in pre_build, docker build,
 * push to Slipway's ECR, imagedefinitions.json, a test report, then as seed 003 ends: an ECS service
 * behind an ALB answering through its DNS name), the same app with a failing test,
 * seed 003's and seed 000's buildspecs as the documents print them, and privileged vs not.
 */
import { CreateRepositoryCommand, DescribeImagesCommand, type ECRClient } from '@aws-sdk/client-ecr';
import { BatchGetReportsCommand, DescribeTestCasesCommand, type CodeBuildClient } from '@aws-sdk/client-codebuild';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  RegisterTaskDefinitionCommand,
  waitUntilServicesStable,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  artifactZip,
  buildLog,
  codebuildClient,
  createBuckets,
  createProject,
  gitRepo,
  phaseList,
  runBuild,
  unzip,
} from '../support/codebuild.ts';
import { ecrClient, removeImagesOf } from '../support/ecr.ts';
import { elbClient } from '../support/elb.ts';
import { ensureTestImages } from '../support/images.ts';
import { docker, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let cb: CodeBuildClient;
let ecr: ECRClient;
let ecs: ECSClient;
let elb: E.ElasticLoadBalancingV2Client;
const repos: string[] = [];
const example = new URL('../../examples/fastapi-hello/', import.meta.url).pathname;
const STANDARD = { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' } as const;
const IMAGE_TIMEOUT = 15 * 60_000; // a fresh machine builds the build image first (about 2 minutes)

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 1 });
  cb = codebuildClient(s.endpoint);
  ecr = ecrClient(s.endpoint);
  ecs = s.ecs;
  elb = elbClient(s.endpoint);
  await createBuckets(s.endpoint, 'artifacts');
});
after(async () => {
  await s?.close();
  for (const r of repos) rmSync(r, { recursive: true, force: true });
  await removeImagesOf([new URL(s.endpoint).host]);
  await docker
    .getImage('docker-svelte:latest')
    .remove({ force: true })
    .catch(() => undefined);
});

async function repository(name: string): Promise<string> {
  return (await ecr.send(new CreateRepositoryCommand({ repositoryName: name }))).repository!.repositoryUri!;
}

async function tags(name: string): Promise<string[]> {
  const out = await ecr.send(new DescribeImagesCommand({ repositoryName: name }));
  return (out.imageDetails ?? []).flatMap((d) => d.imageTags ?? []).sort();
}

describe('CodeBuild with the standard image and Docker', () => {
  test('the FastAPI example: pytest, docker build, push to ECR, imagedefinitions.json, a report, then an ECS service answering through an ALB', async () => {
    const uri = await repository('fastapi-hello');
    const repo = gitRepo({}, example);
    repos.push(repo.path);
    await createProject(cb, {
      name: 'fastapi-hello',
      source: { type: 'GITHUB', location: repo.path },
      artifacts: { type: 'S3', location: 'artifacts', name: 'BuildArtifact' },
      environment: {
        ...STANDARD,
        privilegedMode: true,
        environmentVariables: [
          { name: 'REPOSITORY_URI', value: uri },
          { name: 'AWS_ACCOUNT_ID', value: '000000000000' },
        ],
      },
    });
    const build = await runBuild(cb, { projectName: 'fastapi-hello' }, IMAGE_TIMEOUT);
    const log = await buildLog(build);
    assert.equal(build.buildStatus, 'SUCCEEDED', log);
    assert.match(log, /1 passed/);
    assert.match(log, /Login Succeeded/);
    const short = repo.commit.slice(0, 7);
    assert.deepEqual(await tags('fastapi-hello'), [short, 'latest'].sort());
    assert.deepEqual(build.exportedEnvironmentVariables, [{ name: 'IMAGE_URI', value: `${uri}:${short}` }]);
    const files = await unzip(artifactZip(s.endpoint, build));
    assert.deepEqual(Object.keys(files).sort(), ['appspec.yaml', 'imagedefinitions.json', 'taskdef.json']);
    assert.deepEqual(JSON.parse(files['imagedefinitions.json']), [{ name: 'my-app', imageUri: `${uri}:${short}` }]);
    const [report] = (await cb.send(new BatchGetReportsCommand({ reportArns: build.reportArns! }))).reports!;
    assert.equal(report.status, 'SUCCEEDED');
    const cases = await cb.send(new DescribeTestCasesCommand({ reportArn: report.arn! }));
    assert.deepEqual(
      cases.testCases?.map((c) => [c.name, c.status]),
      [['test_read_root', 'SUCCEEDED']],
    );
    // Seed 003's ending: the example's taskdef.json with the pushed image, as an ECS service behind
    // an ALB (target group on 8000, listener 8000), answers through the load balancer's DNS name.
    const taskdef = JSON.parse(files['taskdef.json'].replace('<IMAGE1_NAME>', `${uri}:${short}`));
    const family = (await ecs.send(new RegisterTaskDefinitionCommand(taskdef))).taskDefinition!.taskDefinitionArn!;
    const tg = (
      await elb.send(
        new E.CreateTargetGroupCommand({
          Name: 'my-app-tg',
          Protocol: 'HTTP',
          Port: 8000,
          VpcId: 'vpc-1',
          TargetType: 'instance',
          HealthCheckPath: '/',
          HealthCheckIntervalSeconds: 5,
          HealthCheckTimeoutSeconds: 2,
          HealthyThresholdCount: 2,
        }),
      )
    ).TargetGroups![0].TargetGroupArn!;
    await elb.send(
      new E.ModifyTargetGroupAttributesCommand({
        TargetGroupArn: tg,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '0' }],
      }),
    );
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'my-app-load-balancer' }))).LoadBalancers![0];
    await elb.send(
      new E.CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTP',
        Port: 8000,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
      }),
    );
    await ecs.send(
      new CreateServiceCommand({
        serviceName: 'my-app-service',
        taskDefinition: family,
        desiredCount: 1,
        loadBalancers: [{ targetGroupArn: tg, containerName: 'my-app', containerPort: 8000 }],
      }),
    );
    await waitUntilServicesStable({ client: ecs, maxWaitTime: 180 }, { services: ['my-app-service'] });
    const body = await waitFor('the app through the load balancer', async () => (await fetch(`http://${lb.DNSName}:8000/`)).json(), 60_000);
    assert.deepEqual(body, { Hello: 'World' });
    await ecs.send(new DeleteServiceCommand({ service: 'my-app-service', force: true }));

    // A failing test fails PRE_BUILD; as in CodeBuild, BUILD and POST_BUILD then do not run (nothing is pushed).
    const broken = repo.commitMore(
      { 'test_main.py': (await import('node:fs')).readFileSync(`${example}/test_main.py`, 'utf8').replace('"World"', '"AWS"') },
      'expect AWS',
    );
    const failed = await runBuild(cb, { projectName: 'fastapi-hello' }, IMAGE_TIMEOUT);
    assert.equal(failed.buildStatus, 'FAILED');
    assert.deepEqual(phaseList(failed).slice(4), ['INSTALL:SUCCEEDED', 'PRE_BUILD:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
    assert.equal(
      failed.phases![5].contexts![0].message,
      'Error while executing command: pytest --junitxml=reports/pytest.xml test_main.py. Reason: exit status 1',
    );
    assert.ok(!(await tags('fastapi-hello')).includes(broken.slice(0, 7)));
    const [failedReport] = (await cb.send(new BatchGetReportsCommand({ reportArns: failed.reportArns! }))).reports!;
    assert.equal(failedReport.status, 'FAILED');
    assert.deepEqual(failedReport.testSummary?.statusCounts, { FAILED: 1 });
  });

  test("seed 003's buildspec as printed: pip install, pytest, ECR login with the amazonaws.com name, build and push", async () => {
    const uri = await repository('my_app');
    const repo = gitRepo(
      {
        'buildspec.yml': SEED_003_BUILDSPEC,
        'requirements.txt': 'fastapi\nuvicorn\npytest\n',
        'test_main.py': 'def test_dummy():\n    assert True\n',
        'main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/")\ndef read_root():\n    return {"Hello": "World"}\n',
      },
      example,
    );
    repos.push(repo.path);
    await createProject(cb, {
      name: 'my_app_build',
      source: { type: 'GITHUB', location: `file://${repo.path}` },
      artifacts: { type: 'NO_ARTIFACTS' },
      environment: {
        ...STANDARD,
        privilegedMode: true,
        environmentVariables: [
          { name: 'REPOSITORY_URI', value: uri },
          { name: 'AWS_ACCOUNT_ID', value: '000000000000' },
        ],
      },
    });
    const build = await runBuild(cb, { projectName: 'my_app_build' }, IMAGE_TIMEOUT);
    assert.equal(build.buildStatus, 'SUCCEEDED', await buildLog(build));
    assert.deepEqual(await tags('my_app'), ['latest']);
  });

  test("seed 000's buildspec as printed: the hard-coded <account>.dkr.ecr.<region>.amazonaws.com reaches Slipway's registry", async () => {
    await repository('docker-svelte');
    const repo = gitRepo({
      'buildspec.yml': SEED_000_BUILDSPEC,
      Dockerfile: 'FROM slipway-test/busybox:1\nCOPY index.html /www/index.html\nCMD ["httpd", "-f", "-p", "80", "-h", "/www"]\n',
      'index.html': '<h1>svelte</h1>\n',
      'taskdef.json':
        '{"family":"docker-svelte","containerDefinitions":[{"name":"docker-svelte-container","image":"<IMAGE1_NAME>","portMappings":[{"containerPort":80,"hostPort":0}]}]}\n',
      'appspec.yaml':
        "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: 'docker-svelte-container'\n          ContainerPort: 80\n",
    });
    repos.push(repo.path);
    const vars = {
      IMAGE_REPO_NAME: 'docker-svelte',
      IMAGE_TAG: 'latest',
      AWS_ACCOUNT_ID: '000000000000',
      CONTAINER_NAME: 'docker-svelte-container',
    };
    await createProject(cb, {
      name: 'docker-svelte',
      source: { type: 'GITHUB', location: repo.path },
      artifacts: { type: 'S3', location: 'artifacts' },
      environment: {
        ...STANDARD,
        image: 'aws/codebuild/standard:5.0',
        privilegedMode: true,
        environmentVariables: Object.entries(vars).map(([name, value]) => ({ name, value })),
      },
    });
    const build = await runBuild(cb, { projectName: 'docker-svelte' }, IMAGE_TIMEOUT);
    assert.equal(build.buildStatus, 'SUCCEEDED', await buildLog(build));
    assert.deepEqual(await tags('docker-svelte'), ['latest']);
    const files = await unzip(artifactZip(s.endpoint, build));
    assert.deepEqual(Object.keys(files).sort(), ['appspec.yaml', 'imagedefinitions.json', 'taskdef.json']);
    assert.deepEqual(JSON.parse(files['imagedefinitions.json']), [
      { name: 'docker-svelte-container', imageUri: '000000000000.dkr.ecr.us-east-1.amazonaws.com/docker-svelte:latest' },
    ]);
  });

  test('without privilegedMode a build has no Docker Engine, as in CodeBuild', async () => {
    await createProject(cb, {
      name: 'unprivileged',
      source: {
        type: 'NO_SOURCE',
        buildspec:
          "version: 0.2\nphases:\n  build:\n    commands:\n      - docker --version\n      - printf 'FROM scratch\\n' > Dockerfile\n      - docker build -t x .\n",
      },
      environment: { ...STANDARD },
    });
    const build = await runBuild(cb, { projectName: 'unprivileged' }, IMAGE_TIMEOUT);
    assert.equal(build.buildStatus, 'FAILED');
    assert.equal(
      build.phases!.find((p) => p.phaseType === 'BUILD')?.contexts?.[0].message,
      'Error while executing command: docker build -t x .. Reason: exit status 1',
    );
    assert.match(await buildLog(build), /Cannot connect to the Docker daemon/);
    const privileged = await runBuild(cb, {
      projectName: 'unprivileged',
      privilegedModeOverride: true,
      buildspecOverride: 'version: 0.2\nphases:\n  build:\n    commands: ["docker version --format {{.Server.Version}}"]\n',
    });
    assert.equal(privileged.buildStatus, 'SUCCEEDED', await buildLog(privileged));
  });
});

const SEED_003_BUILDSPEC = `version: 0.2

phases:
  install:
    runtime-versions:
      python: 3.11
    commands:
      - pip install -r requirements.txt
  pre_build:
    commands:
      - pytest test_main.py
  build:
    commands:
      - >
        aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS 
        --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com
      - docker build -t $REPOSITORY_URI:latest .
      - docker push $REPOSITORY_URI:latest
artifacts:
  files:
    - "**/*"
  discard-paths: no
`;

const SEED_000_BUILDSPEC = `version: 0.2

phases:
  pre_build:
    commands:
      - echo Logging in to Amazon ECR...
      - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com
  build:
    commands:
      - echo Build started on \`date\`
      - echo Building the Docker image...
      - docker build -t $IMAGE_REPO_NAME:$IMAGE_TAG . --no-cache
      - docker tag $IMAGE_REPO_NAME:$IMAGE_TAG $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME:$IMAGE_TAG
  post_build:
    commands:
      - echo Build completed on \`date\`
      - echo Pushing the Docker image...
      - docker push $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME:$IMAGE_TAG
      - printf '[{"name":"%s","imageUri":"%s"}]' $CONTAINER_NAME $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME:latest > imagedefinitions.json

artifacts:
  files:
    - imagedefinitions.json
    - taskdef.json
    - appspec.yaml
`;
