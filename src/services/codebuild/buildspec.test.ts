import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BuildspecError, parseBuildspec } from './buildspec.ts';

const SEED_003 = `version: 0.2 # 빌드 스펙 버전

phases: # 빌드 단계
    install: # 설치 단계
        runtime-versions: # 런타임 버전으로 여기서는 파이썬 버전을 의미함
            python: 3.11
        commands: # 런타임 설치 명령어
            - pip install -r requirements.txt
    pre_build: # 빌드 전 단계로 여기서는 테스트를 수행함
        commands:
            - pytest test_main.py # pytest를 사용해 test_main.py 파일을 실행함
    build: # 빌드 단계로 여기서는 도커 이미지를 빌드함
        commands: # ECR에 로그인하고 도커 이미지를 빌드하고 푸시함
            - >
                aws ecr get-login-password --region $AWS_DEFAULT_REGION |
                docker login --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com
            - docker build -t $REPOSITORY_URI:latest .
            - docker push $REPOSITORY_URI:latest

artifacts: # 빌드 결과물로 여기서는 도커 이미지를 사용하기 때문에 생략
    files:
        - "**/*"
    discard-paths: no
`;

const fails = (text: string, message: RegExp) =>
  assert.throws(
    () => parseBuildspec(text),
    (err) => err instanceof BuildspecError && message.test(err.message),
  );

describe('buildspec', () => {
  it("reads seed 003's buildspec: runtime versions as written, folded commands, discard-paths no", () => {
    const spec = parseBuildspec(SEED_003);
    assert.equal(spec.version, '0.2');
    assert.deepEqual(spec.phases.install?.runtimeVersions, { python: '3.11' });
    assert.deepEqual(spec.phases.pre_build?.commands, ['pytest test_main.py']);
    assert.equal(spec.phases.build?.commands.length, 3);
    assert.match(
      spec.phases.build!.commands[0],
      /^aws ecr get-login-password --region \$AWS_DEFAULT_REGION \| docker login .*amazonaws\.com\n$/,
    );
    assert.deepEqual(spec.artifacts?.files, ['**/*']);
    assert.equal(spec.artifacts?.discardPaths, false);
    assert.equal(spec.phases.post_build, undefined);
  });

  it('reads env, on-failure, finally, reports, secondary artifacts and cache', () => {
    const spec = parseBuildspec(`version: 0.2
env:
  shell: bash
  variables: { A: 1.10, B: "yes" }
  exported-variables: [IMAGE_TAG]
phases:
  build:
    on-failure: CONTINUE
    commands: [make]
    finally: [echo done]
  post_build:
    on-failure: RETRY-2
    commands: [echo post]
reports:
  pytest:
    files: ['report.xml']
    base-directory: reports
artifacts:
  secondary-artifacts:
    web:
      files: imagedefinitions.json
      name: web-$(date +%s)
      discard-paths: yes
cache:
  paths: ['/root/.cache/pip/**/*']
`);
    assert.equal(spec.shell, 'bash');
    assert.deepEqual(spec.variables, { A: '1.10', B: 'yes' });
    assert.deepEqual(spec.exportedVariables, ['IMAGE_TAG']);
    assert.equal(spec.phases.build?.onFailure, 'CONTINUE');
    assert.deepEqual(spec.phases.build?.finally, ['echo done']);
    assert.equal(spec.phases.post_build?.onFailure, 'ABORT');
    assert.equal(spec.phases.post_build?.onFailureAsked, 'RETRY-2');
    assert.deepEqual(spec.reports.pytest, { files: ['report.xml'], baseDirectory: 'reports', discardPaths: false, fileFormat: 'JUNITXML' });
    assert.deepEqual(spec.artifacts?.files, []);
    assert.deepEqual(spec.artifacts?.secondary.web, {
      files: ['imagedefinitions.json'],
      name: 'web-$(date +%s)',
      discardPaths: true,
      baseDirectory: undefined,
      excludePaths: [],
      enableSymlinks: false,
      s3Prefix: undefined,
    });
    assert.deepEqual(spec.cachePaths, ['/root/.cache/pip/**/*']);
  });

  it('names the key that is wrong', () => {
    fails('phases:\n  build:\n    commands: [ls]\n', /'version' is missing/);
    fails('version: 0.3\n', /'version' 0\.3 is not supported/);
    fails('version: 0.2\nphases:\n  prebuild:\n    commands: [ls]\n', /unknown key 'phases\.prebuild'/);
    fails('version: 0.2\nphases:\n  build:\n    commands: ls\n', /'phases\.build\.commands' must be a list/);
    fails('version: 0.2\nphases:\n  build:\n    commands:\n      - echo: hi\n', /'phases\.build\.commands\[0\]' must be a string/);
    fails('version: 0.2\nphases:\n  build:\n    on-failure: IGNORE\n', /'phases\.build\.on-failure' must be ABORT, CONTINUE/);
    fails('version: 0.2\nphases:\n  build:\n    runtime-versions: {python: 3}\n', /only allowed in the install phase/);
    fails('version: 0.2\nartifacts:\n  name: x\n', /'artifacts\.files' is required/);
    fails('version: 0.2\nartifacts:\n  files: [a]\n  discard-paths: maybe\n', /'artifacts\.discard-paths' must be yes or no/);
    fails('version: 0.2\nenv:\n  shell: zsh\n', /'env\.shell' must be bash or \/bin\/sh/);
    fails('version: 0.2\nphases: [build]\n', /'phases' must be a mapping/);
    fails('version: 0.2\nphases:\n  build:\n   commands: [a\n', /not valid YAML/);
    fails('version: 0.2\nreports:\n  r:\n    files: [a]\n    file-format: XUNIT\n', /'reports\.r\.file-format' must be one of/);
  });

  it('bounds what becomes a path or a record: identifiers, report names, and how many of each', () => {
    const secondary = (ids: string[]) =>
      `version: 0.2\nartifacts:\n  secondary-artifacts:\n${ids.map((id) => `    "${id}":\n      files: [a]\n`).join('')}`;
    const reports = (names: string[]) => `version: 0.2\nreports:\n${names.map((n) => `  "${n}":\n    files: [a]\n`).join('')}`;
    fails(
      secondary(['../../etc/cron.d']),
      /identifier '\.\.\/\.\.\/etc\/cron\.d' can only contain alphanumeric characters and underscores/,
    );
    fails(secondary(Array.from({ length: 13 }, (_, i) => `a${i}`)), /names 13 artifacts; at most 12/);
    assert.equal(Object.keys(parseBuildspec(secondary(Array.from({ length: 12 }, (_, i) => `a${i}`))).artifacts!.secondary).length, 12);
    fails(reports(['a/b']), /'reports' name 'a\/b' must be a report group ARN/);
    fails(reports(['a', 'b', 'c', 'd', 'e', 'f']), /names 6 reports; a project can have at most 5/);
    assert.deepEqual(
      Object.keys(parseBuildspec(reports(['unit', 'arn:aws:codebuild:us-east-1:000000000000:report-group/shared'])).reports),
      ['unit', 'arn:aws:codebuild:us-east-1:000000000000:report-group/shared'],
    );
  });
});
