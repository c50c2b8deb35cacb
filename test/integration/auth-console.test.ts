/**
 * Signatures required (--auth): the web console's page signs nothing, so its session cookie (set
 * by the printed URL's token) stands for the administrator on the APIs — and nothing else does.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const LIST_CLUSTERS = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters' };

describe('auth: the console', () => {
  let slipway: TestSlipway;
  let cookie: string;
  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    const token = slipway.app.console.token;
    assert.ok(token, 'a token is asked for whenever signatures are required');
    const opened = await fetch(slipway.app.console.url(slipway.endpoint), { redirect: 'manual' });
    assert.equal(opened.status, 303);
    const set = opened.headers.get('set-cookie') ?? '';
    assert.match(set, /; Path=\/; HttpOnly; SameSite=Strict/);
    cookie = set.split(';')[0];
  });
  after(() => slipway.close());

  const listClusters = (headers: Record<string, string>) =>
    fetch(slipway.endpoint, { method: 'POST', headers: { ...LIST_CLUSTERS, ...headers }, body: '{}' });

  it("answers the page's unsigned calls as the administrator's, with its cookie only", async () => {
    assert.equal((await listClusters({ cookie })).status, 200);
    const bare = await listClusters({});
    assert.equal(bare.status, 403);
    assert.match(await bare.text(), /MissingAuthenticationToken/);
    const forged = await listClusters({ cookie: 'slipway-console=not-the-token' });
    assert.equal(forged.status, 403);
    // S3 as the page sends it: a credential scope naming the key `console`, no signature.
    const s3 = await fetch(`${slipway.endpoint}/`, {
      headers: {
        cookie,
        authorization: 'AWS4-HMAC-SHA256 Credential=console/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=unsigned',
      },
    });
    assert.equal(s3.status, 200, await s3.clone().text());
  });

  it('never lends the session to a request that names another key', async () => {
    const signedByOther = await listClusters({
      cookie,
      'x-amz-date': '20260101T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00',
    });
    assert.equal(signedByOther.status, 403);
    assert.match(await signedByOther.text(), /UnrecognizedClient|InvalidClientTokenId|security token/i);
  });

  it('acts as the key in <data-dir>/credentials, so the session ends with that file', async () => {
    rmSync(join(slipway.dataDir, 'credentials'));
    const refused = await listClusters({ cookie });
    assert.equal(refused.status, 403);
  });
});
