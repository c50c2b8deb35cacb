import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { signedHeaders } from './sign.ts';

it('signs a GET as the SDK signs it, path encoding and session token included', async () => {
  const key = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token/with+chars=' };
  const at = Date.UTC(2026, 11, 6, 12, 0, 0);
  const url = new URL('http://127.0.0.1:4566/_slipway/codepipeline/my%20pipe/follow?region=eu-west-1&execution=a%2Fb');
  const ours = signedHeaders('GET', url, key, { region: 'eu-west-1', service: 'slipway' }, '', at);
  const sdk = await new SignatureV4({ service: 'slipway', region: 'eu-west-1', credentials: key, sha256: Sha256 }).sign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { host: url.host, 'x-amz-content-sha256': ours['x-amz-content-sha256'] },
    },
    { signingDate: new Date(at) },
  );
  assert.equal(ours.authorization, sdk.headers.authorization);
});
