import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../core/errors.ts';
import { loadModel } from './model.ts';
import { validateInput } from './validate.ts';

const ecs = loadModel('ecs');
const ecr = loadModel('ecr');
const codes = { constraint: 'InvalidParameterException', type: 'SerializationException' };

function refusal(model: typeof ecs, shape: string, input: unknown): AwsError {
  try {
    validateInput(model, shape, input, codes);
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  assert.fail(`${shape} accepted ${JSON.stringify(input)}`);
}

describe('validateInput', () => {
  it('holds integers to 32 bits and longs to 64, as Java reads them', () => {
    for (const maxResults of [2147483648, -2147483649, 1e308]) {
      const err = refusal(ecs, 'ListTasksRequest', { maxResults });
      assert.equal(err.code, 'SerializationException');
      assert.match(err.message, /at 'maxResults' must be an integer from -2147483648 to 2147483647/);
    }
    assert.equal(
      refusal(ecr, 'UploadLayerPartRequest', {
        repositoryName: 'r',
        uploadId: 'u',
        partFirstByte: 1e19,
        partLastByte: 1,
        layerPartBlob: 'AA==',
      }).code,
      'SerializationException',
    );
    assert.doesNotThrow(() => validateInput(ecs, 'ListTasksRequest', { maxResults: 100 }, codes));
  });

  it('takes blobs as base64 only', () => {
    const err = refusal(ecr, 'UploadLayerPartRequest', {
      repositoryName: 'r',
      uploadId: 'u',
      partFirstByte: 0,
      partLastByte: 1,
      layerPartBlob: '%%% not base64',
    });
    assert.match(err.message, /'layerPartBlob' must be base64/);
  });

  it('keeps map keys named like Object.prototype members as entries', () => {
    const dockerLabels = JSON.parse('{"__proto__": "a", "constructor": "b", "toString": "c"}');
    const input = validateInput(
      ecs,
      'RegisterTaskDefinitionRequest',
      { family: 'f', containerDefinitions: [{ name: 'c', dockerLabels }] },
      codes,
    );
    const labels = (input.containerDefinitions as { dockerLabels: Record<string, unknown> }[])[0].dockerLabels;
    assert.deepEqual(Object.keys(labels), ['__proto__', 'constructor', 'toString']);
    assert.equal(Object.getPrototypeOf(labels), Object.prototype);
    // biome-ignore lint/suspicious/noProto: the key under test is named __proto__
    assert.equal(labels.__proto__, 'a');
  });

  it('reads only the input’s own members', () => {
    const inherited = Object.create({ cluster: 'from-the-prototype' });
    const input = validateInput(ecs, 'ListServicesRequest', inherited, codes);
    assert.equal(Object.hasOwn(input, 'cluster'), false);
  });

  it('checks model patterns JavaScript’s Unicode mode cannot compile', () => {
    const rule = { ecrRepositoryPrefix: 'cache', upstreamRegistryUrl: 'registry-1.docker.io' };
    const credentialArn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:ecr-pullthroughcache/docker';
    assert.doesNotThrow(() => validateInput(ecr, 'CreatePullThroughCacheRuleRequest', { ...rule, credentialArn }, codes));
    const err = refusal(ecr, 'CreatePullThroughCacheRuleRequest', { ...rule, credentialArn: 'arn:aws:iam::000000000000:role/x' });
    assert.match(err.message, /at 'credentialArn' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  });

  it('echoes a refused value without control characters and cut short', () => {
    const err = refusal(ecr, 'CreateRepositoryRequest', { repositoryName: `a\x00\x0b\ud800${'b'.repeat(1000)}` });
    assert.match(err.message, /Value 'a\\u0000\\u000b\\ud800b+…\(1004 characters\)' at 'repositoryName'/);
    assert.doesNotMatch(err.message, /[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  });

  it('keeps a surrogate pair and escapes a C1 control in a value of the wrong type', () => {
    const paired = refusal(ecr, 'CreateRepositoryRequest', { repositoryName: 'a\u{1f600}\u0085' });
    assert.match(paired.message, /Value 'a\u{1f600}\\u0085' at 'repositoryName'/u);
    const typed = refusal(ecr, 'CreateRepositoryRequest', { repositoryName: { a: '\u0085' } });
    assert.match(typed.message, /Value \{"a":"\\u0085"\} at 'repositoryName' must be a string/);
  });

  it('refuses, through the compiled check, each fault the walk names, deep in a request or at its top', () => {
    const container = { name: 'web', image: 'nginx', memory: 64, portMappings: [{ containerPort: 80 }], dockerLabels: { a: 'b' } };
    const valid = { family: 'web', containerDefinitions: [container], tags: [{ key: 'k', value: 'v' }] };
    const accepted = validateInput(ecs, 'RegisterTaskDefinitionRequest', { ...valid, unmodelled: 1 }, codes);
    assert.deepEqual(accepted, valid, 'what passes comes back whole, less the members the model does not know');
    const faults: [unknown, RegExp][] = [
      [{ ...valid, family: 7 }, /Value 7 at 'family' must be a string/],
      [{ ...valid, containerDefinitions: [{ ...container, memory: 1.5 }] }, /at 'containerDefinitions.1.member.memory' must be an integer/],
      [
        { ...valid, containerDefinitions: [{ ...container, essential: 'yes' }] },
        /at 'containerDefinitions.1.member.essential' must be a boolean/,
      ],
      [
        { ...valid, containerDefinitions: [{ ...container, portMappings: [{ containerPort: 80, protocol: 'sctp' }] }] },
        /'containerDefinitions.1.member.portMappings.1.member.protocol' failed to satisfy constraint: Member must satisfy enum value set/,
      ],
      [
        { ...valid, containerDefinitions: [{ ...container, dockerLabels: { a: 1 } }] },
        /at 'containerDefinitions.1.member.dockerLabels.a' must be a string/,
      ],
      [
        { ...valid, tags: [{ key: '', value: 'v' }] },
        /at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1/,
      ],
      [
        { ...valid, volumes: [{ name: 'v', efsVolumeConfiguration: {} }] },
        /Value null at 'volumes.1.member.efsVolumeConfiguration.fileSystemId' failed to satisfy constraint: Member must not be null/,
      ],
      [{ containerDefinitions: [container] }, /Value null at 'family' failed to satisfy constraint: Member must not be null/],
      [{ ...valid, containerDefinitions: {} }, /at 'containerDefinitions' must be a list/],
      [[valid], /Value at 'input' must be an object/],
    ];
    for (const [input, message] of faults) assert.match(refusal(ecs, 'RegisterTaskDefinitionRequest', input).message, message);
  });
});
