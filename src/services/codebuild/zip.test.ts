import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readZipFile, writeZip, ZipFormatError } from './zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'slipway-cb-zip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const text = async (zip: string, path: string, max = 1024) => {
  const got = await readZipFile(zip, path, max);
  return got.kind === 'found' ? got.data.toString('utf8') : got.kind;
};

describe('reading one file of a zip archive', () => {
  it('reads what the artifact writer wrote, stored and deflated', async () => {
    const tree = join(dir, 'written');
    mkdirSync(join(tree, 'deep'), { recursive: true });
    writeFileSync(join(tree, 'imagedefinitions.json'), '[{"name":"app","imageUri":"repo:1"}]');
    writeFileSync(join(tree, 'deep', 'big.txt'), 'x'.repeat(5000));
    const zip = join(dir, 'written.zip');
    await writeZip(zip, [
      { name: 'imagedefinitions.json', absolute: join(tree, 'imagedefinitions.json') },
      { name: 'deep/big.txt', absolute: join(tree, 'deep', 'big.txt') },
    ]);
    assert.equal(await text(zip, 'imagedefinitions.json'), '[{"name":"app","imageUri":"repo:1"}]');
    assert.equal(await text(zip, './imagedefinitions.json'), '[{"name":"app","imageUri":"repo:1"}]');
    assert.equal(await text(zip, 'deep/big.txt', 5000), 'x'.repeat(5000));
    assert.deepEqual(await readZipFile(zip, 'deep/big.txt', 4999), { kind: 'too-large', size: 5000 });
    assert.equal(await text(zip, 'absent.json'), 'missing');
  });

  it("follows unzip's archives' links only inside the archive, and never names leading out", async () => {
    const tree = join(dir, 'info-zip');
    mkdirSync(join(tree, 'conf'), { recursive: true });
    writeFileSync(join(tree, 'conf', 'taskdef.json'), '{"family":"web"}');
    symlinkSync('conf/taskdef.json', join(tree, 'linked.json'));
    symlinkSync('../conf', join(tree, 'conf', 'again'));
    symlinkSync('../../etc/hostname', join(tree, 'out.json'));
    symlinkSync('/etc/hostname', join(tree, 'absolute.json'));
    symlinkSync('loop', join(tree, 'loop'));
    const zip = join(dir, 'info-zip.zip');
    execFileSync('zip', ['-q', '-r', '-y', zip, '.'], { cwd: tree });
    assert.equal(await text(zip, 'conf/taskdef.json'), '{"family":"web"}');
    assert.equal(await text(zip, 'linked.json'), '{"family":"web"}');
    assert.equal(await text(zip, 'conf/../linked.json'), '{"family":"web"}');
    assert.equal(await text(zip, 'out.json'), 'missing');
    assert.equal(await text(zip, 'absolute.json'), 'missing');
    assert.equal(await text(zip, 'loop'), 'missing');
    assert.equal(await text(zip, 'conf'), 'missing', 'a directory is no file');
    assert.equal(await text(zip, '../info-zip/conf/taskdef.json'), 'missing');
    assert.equal(await text(zip, '/conf/taskdef.json'), 'missing');
  });

  it('reads zip64 archives and refuses what is not a zip', async () => {
    const zip = join(dir, 'zip64.zip');
    // -fz: Info-ZIP writes the entry's size in a zip64 extra field.
    execFileSync('zip', ['-q', '-fz', zip, '-'], { input: '[{"name":"app","imageUri":"repo:2"}]' });
    assert.equal(await text(zip, '-'), '[{"name":"app","imageUri":"repo:2"}]');
    // The zip64 end record's fields are the archive maker's: a central directory it says is 1 TiB
    // long is refused as the archive being short, not allocated (a RangeError before).
    const bytes = readFileSync(zip);
    bytes.writeBigUInt64LE(1n << 40n, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06])) + 40);
    const lying = join(dir, 'lying64.zip');
    writeFileSync(lying, bytes);
    await assert.rejects(readZipFile(lying, '-', 1024), (err) => err instanceof ZipFormatError && /cut short/.test(err.message));
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, 'not a zip at all');
    await assert.rejects(readZipFile(junk, 'x', 10), ZipFormatError);
  });
});
