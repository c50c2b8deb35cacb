import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageDetailJson, javaDate } from './ecr-source.ts';

test("imageDetail.json is CodePipeline's: sizes as strings, Java's date, the URI by digest", () => {
  assert.equal(javaDate(Date.UTC(2019, 0, 21, 20, 4, 0)), 'Mon Jan 21 20:04:00 UTC 2019');
  const detail = imageDetailJson({
    registryId: '000000000000',
    repositoryName: 'web',
    repositoryUri: '127.0.0.1:4566/web',
    imageDigest: 'sha256:ab',
    imageTags: ['latest'],
    imageSizeInBytes: 44728918,
    imagePushedAt: Date.UTC(2019, 0, 21, 20, 4, 0),
  });
  assert.equal(
    JSON.stringify(detail),
    '{"ImageSizeInBytes":"44728918","ImageDigest":"sha256:ab","Version":"1.0","ImagePushedAt":"Mon Jan 21 20:04:00 UTC 2019","RegistryId":"000000000000","RepositoryName":"web","ImageURI":"127.0.0.1:4566/web@sha256:ab","ImageTags":["latest"]}',
  );
});
