/**
 * The artifact helpers every action executor uses, against a real Slipway's S3: a folder stored as a
 * zip the aws CLI copies back and unzip reads, the same artifact unpacked into another folder, a file
 * stored as it is, and a missing artifact failing with its name and S3 location.
 */
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { readArtifact, writeFileArtifact, writeFolderArtifact } from '../../src/services/codepipeline/actions/artifacts.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { s3Client } from '../support/s3.ts';
import { aws, facadeOf, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
const BUCKET = 'artifact-helpers';
const artifact = (name: string, objectKey: string) => ({ name, location: { bucketName: BUCKET, objectKey } });

describe('pipeline artifacts in S3', () => {
  let slipway: TestSlipway;
  let s3: S3Facade;
  let work: string;

  before(async () => {
    slipway = await startTestSlipway();
    s3 = facadeOf<S3Facade>(slipway.app, 's3');
    await s3Client(slipway.endpoint).send(new CreateBucketCommand({ Bucket: BUCKET }));
    work = join(slipway.dataDir, 'work');
    mkdirSync(join(work, 'build', 'nested'), { recursive: true });
  });
  after(async () => {
    await slipway?.close();
  });

  it('stores a folder as a zip that aws s3 cp and unzip read back, and unpacks it into another folder', async () => {
    const folder = join(work, 'build');
    writeFileSync(join(folder, 'imagedefinitions.json'), '[{"name":"web","imageUri":"repo@sha256:abc"}]');
    writeFileSync(join(folder, 'nested', 'taskdef.json'), '{"family":"web"}');
    symlinkSync('nested/taskdef.json', join(folder, 'link.json'));
    const out = artifact('BuildArtifact', 'p/BuildArtifact/Abc1234');
    await writeFolderArtifact(s3, out, folder);

    const zip = join(work, 'copied.zip');
    await aws(slipway.endpoint, ['s3', 'cp', `s3://${BUCKET}/p/BuildArtifact/Abc1234`, zip]);
    const { stdout } = await run('unzip', ['-Z1', zip]);
    assert.deepEqual(stdout.trim().split('\n').sort(), ['imagedefinitions.json', 'link.json', 'nested/taskdef.json']);

    const target = join(work, 'unpacked');
    await readArtifact(s3, out, target);
    assert.equal(readFileSync(join(target, 'nested', 'taskdef.json'), 'utf8'), '{"family":"web"}');
    assert.equal(readFileSync(join(target, 'imagedefinitions.json'), 'utf8'), '[{"name":"web","imageUri":"repo@sha256:abc"}]');
    assert.equal(readlinkSync(join(target, 'link.json')), 'nested/taskdef.json');
  });

  it('stores a file as it is; a missing artifact or a non-zip fails naming the artifact and where it was looked for', async () => {
    const file = join(work, 'plain.txt');
    writeFileSync(file, 'not a zip');
    await writeFileArtifact(s3, artifact('Plain', 'p/Plain/Xyz9876'), file, 'text/plain');
    assert.equal(s3.headObject(BUCKET, 'p/Plain/Xyz9876').contentType, 'text/plain');
    await assert.rejects(
      readArtifact(s3, artifact('Plain', 'p/Plain/Xyz9876'), join(work, 'x')),
      /Input artifact 'Plain' at s3:\/\/artifact-helpers\/p\/Plain\/Xyz9876 is not a zip archive/,
    );
    await assert.rejects(
      readArtifact(s3, artifact('Gone', 'p/Gone/Nope123'), join(work, 'y')),
      /Could not read input artifact 'Gone' at s3:\/\/artifact-helpers\/p\/Gone\/Nope123: NoSuchKey/,
    );
    await assert.rejects(
      writeFileArtifact(s3, { name: 'Out', location: { bucketName: 'no-such-bucket', objectKey: 'k' } }, file),
      /Could not store output artifact 'Out' at s3:\/\/no-such-bucket\/k: NoSuchBucket/,
    );
  });
});
