import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { DemuxStream, readJsonLines } from './streams.ts';
import { tarArchive } from './tar.ts';
import { isStaticElf, pauseElf } from './pause-image.ts';

function frame(type: number, text: string): Buffer {
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(Buffer.byteLength(text), 4);
  return Buffer.concat([header, Buffer.from(text)]);
}

async function text(stream: Readable): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

describe('readJsonLines', () => {
  it('joins lines split across chunks and skips blank lines', async () => {
    const seen: unknown[] = [];
    await readJsonLines(Readable.from(['{"a":', '1}\n\n{"b"', ':2}\n{"c":3}']), (o) => seen.push(o));
    assert.deepEqual(seen, [{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('passes non-JSON lines as raw and rejects when the consumer throws', async () => {
    const seen: unknown[] = [];
    await readJsonLines(Readable.from(['plain text\n']), (o) => seen.push(o));
    assert.deepEqual(seen, [{ raw: 'plain text' }]);
    await assert.rejects(
      readJsonLines(Readable.from(['{"error":"boom"}\n']), (o) => {
        throw new Error(o.error);
      }),
      /boom/,
    );
  });

  it('resolves when the stream is destroyed', async () => {
    const stream = new PassThrough();
    const done = readJsonLines(stream, () => {});
    stream.write('{"a":1}\n');
    stream.destroy();
    await done;
  });
});

describe('DemuxStream', () => {
  it('interleaves stdout and stderr frames even when headers are split', async () => {
    const bytes = Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'more\n')]);
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 13), bytes.subarray(13)];
    assert.equal(await text(Readable.from(chunks).pipe(new DemuxStream())), 'out\nerr\nmore\n');
  });

  it('passes a stream that is not multiplexed through unchanged', async () => {
    assert.equal(await text(Readable.from([Buffer.from('plain tty output\n')]).pipe(new DemuxStream())), 'plain tty output\n');
  });
});

describe('tar and pause binary', () => {
  it('writes 512-byte aligned archives ending in two zero blocks', () => {
    const tar = tarArchive([{ path: 'pause', data: Buffer.from('x'), mode: 0o755 }]);
    assert.equal(tar.length, 512 * 4);
    assert.equal(tar.subarray(0, 5).toString(), 'pause');
    assert.equal(tar.subarray(257, 262).toString(), 'ustar');
  });

  it('generates static ELF executables for x86_64 and aarch64 only', () => {
    for (const arch of ['x86_64', 'aarch64', 'amd64', 'arm64']) assert.ok(isStaticElf(pauseElf(arch)), arch);
    assert.throws(() => pauseElf('s390x'));
  });
});
