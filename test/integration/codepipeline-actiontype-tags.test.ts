/**
 * A custom action type tagged by its ARN (arn:aws:codepipeline:<region>:<account>:actiontype:
 * Custom/<category>/<provider>/<version>), on a real Slipway that requires signatures: the tags
 * given at CreateCustomActionType are the ones ListTagsForResource shows; TagResource and
 * UntagResource change them; an unknown or deleted type is ResourceNotFoundException, an `aws:`
 * key InvalidTagsException, and nothing is written; IAM weighs the type's tags (aws:ResourceTag).
 */
import {
  CodePipelineClient,
  DeleteCustomActionTypeCommand,
  ListTagsForResourceCommand,
  type Tag,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-codepipeline';
import { IAMClient } from '@aws-sdk/client-iam';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminCredentials, userWithPolicy } from '../support/auth.ts';
import { artifactlessActionType } from '../support/codepipeline.ts';
import { expectAwsError } from '../support/ecr.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const typeArn = (category: string, provider: string, version = '1') =>
  `arn:aws:codepipeline:us-east-1:000000000000:actiontype:Custom/${category}/${provider}/${version}`;
const LOAD = typeArn('Test', 'LoadTester');

describe("a custom action type's tags, by its ARN", () => {
  let s: TestSlipway;
  let cp: CodePipelineClient;
  let iam: IAMClient;
  const tagsOf = async (resourceArn: string, client = cp) =>
    (await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags?.map((t) => `${t.key}=${t.value}`).sort();
  const create = (provider: string, tags: Tag[]) => cp.send(artifactlessActionType(provider, tags));

  before(async () => {
    s = await startTestSlipway({ auth: true });
    const config = { ...clientConfig(s.endpoint), credentials: adminCredentials(s.dataDir) };
    cp = new CodePipelineClient(config);
    iam = new IAMClient(config);
    await create('LoadTester', [{ key: 'team', value: 'blue' }]);
    await create('SmokeTester', [{ key: 'team', value: 'red' }]);
  });
  after(() => s?.close());

  it('lists the tags given at creation, and TagResource and UntagResource change them', async () => {
    assert.deepEqual(await tagsOf(LOAD), ['team=blue']);
    await cp.send(
      new TagResourceCommand({
        resourceArn: LOAD,
        tags: [
          { key: 'stage', value: 'beta' },
          { key: 'team', value: 'green' },
        ],
      }),
    );
    assert.deepEqual(await tagsOf(LOAD), ['stage=beta', 'team=green']);
    await cp.send(new UntagResourceCommand({ resourceArn: LOAD, tagKeys: ['stage'] }));
    assert.deepEqual(await tagsOf(LOAD), ['team=green']);
    await cp.send(new TagResourceCommand({ resourceArn: LOAD, tags: [{ key: 'team', value: 'blue' }] }));
  });

  it('refuses an unknown or deleted type and an aws: key, and writes nothing', async () => {
    for (const arn of [typeArn('Test', 'NoSuchTester'), typeArn('Test', 'LoadTester', '2')]) {
      await expectAwsError(
        cp.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'a', value: 'b' }] })),
        'ResourceNotFoundException',
        `The resource with ARN '${arn}' was not found`,
      );
      await expectAwsError(cp.send(new ListTagsForResourceCommand({ resourceArn: arn })), 'ResourceNotFoundException');
    }
    await expectAwsError(
      cp.send(
        new TagResourceCommand({
          resourceArn: LOAD,
          tags: [
            { key: 'aws:owner', value: 'x' },
            { key: 'ok', value: 'y' },
          ],
        }),
      ),
      'InvalidTagsException',
      "Tag key 'aws:owner': keys beginning with 'aws:' are reserved for AWS use",
    );
    assert.deepEqual(await tagsOf(LOAD), ['team=blue']);

    await create('Gone', [{ key: 'team', value: 'blue' }]);
    await cp.send(new DeleteCustomActionTypeCommand({ category: 'Test', provider: 'Gone', version: '1' }));
    await expectAwsError(
      cp.send(new UntagResourceCommand({ resourceArn: typeArn('Test', 'Gone'), tagKeys: ['team'] })),
      'ResourceNotFoundException',
    );
  });

  it("authorizes the calls on the type's ARN, weighing its tags", async () => {
    const key = await userWithPolicy(iam, 'blue-tagger', [
      {
        Effect: 'Allow',
        Action: ['codepipeline:ListTagsForResource', 'codepipeline:TagResource'],
        Resource: 'arn:aws:codepipeline:us-east-1:000000000000:actiontype:Custom/*',
        Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
      },
    ]);
    const blue = new CodePipelineClient({ ...clientConfig(s.endpoint), credentials: key });
    assert.deepEqual(await tagsOf(LOAD, blue), ['team=blue']);
    await blue.send(new TagResourceCommand({ resourceArn: LOAD, tags: [{ key: 'checked', value: 'yes' }] }));
    const SMOKE = typeArn('Test', 'SmokeTester');
    await expectAwsError(
      blue.send(new TagResourceCommand({ resourceArn: SMOKE, tags: [{ key: 'team', value: 'blue' }] })),
      'AccessDeniedException',
      `User: arn:aws:iam::000000000000:user/blue-tagger is not authorized to perform: codepipeline:TagResource on resource: ${SMOKE} because no identity-based policy allows the codepipeline:TagResource action`,
    );
    assert.deepEqual(await tagsOf(SMOKE), ['team=red']);
  });
});
