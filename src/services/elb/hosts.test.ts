import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressesOfOthers, allocateAddress, dnsName, writeHostsBlock } from './hosts.ts';

describe('load balancer names and addresses', () => {
  it('keeps one block per data directory in the hosts file and drops blocks of directories that are gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hosts-'));
    const file = join(dir, 'hosts');
    writeFileSync(file, '127.0.0.1 localhost\n# slipway elb /gone/dir {\n127.0.1.9 old.elb.slipway.internal\n# slipway elb /gone/dir }\n');
    const other = mkdtempSync(join(tmpdir(), 'other-'));
    try {
      assert.ok(writeHostsBlock(other, [{ address: '127.0.1.1', name: 'b-1.us-east-1.elb.slipway.internal' }], file));
      assert.ok(
        writeHostsBlock(
          dir,
          [
            { address: '127.0.1.2', name: 'a-1.us-east-1.elb.slipway.internal' },
            { address: '127.0.1.3', name: '127.0.1.3' },
          ],
          file,
        ),
      );
      assert.equal(
        readFileSync(file, 'utf8'),
        [
          '127.0.0.1 localhost',
          `# slipway elb ${other} {`,
          '127.0.1.1 b-1.us-east-1.elb.slipway.internal',
          `# slipway elb ${other} }`,
          `# slipway elb ${dir} {`,
          '127.0.1.2 a-1.us-east-1.elb.slipway.internal',
          `# slipway elb ${dir} }`,
          '',
        ].join('\n'),
      );
      assert.deepEqual([...addressesOfOthers(dir, file)], ['127.0.1.1']);
      assert.ok(writeHostsBlock(dir, [], file));
      assert.doesNotMatch(readFileSync(file, 'utf8'), /a-1\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });
  it('several Slipways writing at once lose no block', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hosts-race-'));
    const file = join(dir, 'hosts');
    writeFileSync(file, '127.0.0.1 localhost\n');
    const go = join(dir, 'go');
    // Each writer waits for 'go', so that all four write at the same moment, each its own block.
    const writer = `import { existsSync } from 'node:fs';
      import { writeHostsBlock } from ${JSON.stringify(new URL('./hosts.ts', import.meta.url).pathname)};
      const [dataDir, address] = process.argv.slice(-2);
      while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 2));
      for (let i = 0; i < 500; i++) {
        const entries = [{ address, name: 'lb' + address.replace(/\\./g, '') + '-1.us-east-1.elb.slipway.internal' }];
        if (!writeHostsBlock(dataDir, i % 2 ? entries : [...entries, { address: address + '0', name: 'extra' + address.replace(/\\./g, '') + '-1.us-east-1.elb.slipway.internal' }], ${JSON.stringify(file)})) process.exit(1);
      }`;
    try {
      const exits = [1, 2, 3, 4].map((n) => {
        mkdirSync(join(dir, `data-${n}`));
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', writer, join(dir, `data-${n}`), `127.0.1.${n}`],
          { stdio: 'inherit' },
        );
        return new Promise<number | null>((resolve) => child.once('exit', resolve));
      });
      await new Promise((r) => setTimeout(r, 2_000));
      writeFileSync(go, '');
      const codes = await Promise.all(exits);
      assert.deepEqual(codes, [0, 0, 0, 0]);
      const text = readFileSync(file, 'utf8');
      for (const n of [1, 2, 3, 4])
        assert.match(text, new RegExp(`127\\.0\\.1\\.${n} lb12701${n}-1\\.us-east-1\\.elb`), `block ${n} kept:\n${text}`);
      // Each writer's last write had no 'extra' entry; an unlocked read-modify-write brings one back.
      assert.doesNotMatch(text, /extra/, `no writer undid another's last write:\n${text}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('allocates the first free loopback address and forms AWS-like names', () => {
    assert.equal(allocateAddress(new Set(['127.0.1.1', '127.0.1.2'])), '127.0.1.3');
    assert.equal(dnsName('my-app', '2087195924', 'ap-northeast-2', false), 'my-app-2087195924.ap-northeast-2.elb.slipway.internal');
    assert.equal(dnsName('api', '1', 'us-east-1', true), 'internal-api-1.us-east-1.elb.slipway.internal');
    // Every region the edge takes (core's isRegionName), the sovereign and isolated partitions' too.
    for (const region of ['eusc-de-east-1', 'us-isob-east-1', 'cn-northwest-1'])
      assert.equal(dnsName('api', '1', region, false), `api-1.${region}.elb.slipway.internal`);
    for (const region of ['us-east-1 1.2.3.4 evil.example', 'us-east-1#', 'evil.example', '', 'US-EAST-1']) {
      assert.throws(() => dnsName('api', '1', region, false), /ValidationError|not a valid region/, region);
    }
  });

  it('writes only loopback addresses and names it generates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hosts-strict-'));
    const file = join(dir, 'hosts');
    writeFileSync(file, '127.0.0.1 localhost\n');
    try {
      const good = { address: '127.0.1.4', name: 'web-12.eu-west-1.elb.slipway.internal' };
      assert.ok(
        writeHostsBlock(
          dir,
          [
            good,
            { address: '127.0.1.5', name: 'web-12.us-east-1 1.2.3.4 bank.example.elb.slipway.internal' },
            { address: '127.0.1.6', name: 'bank.example' },
            { address: '10.0.0.1', name: 'web-13.eu-west-1.elb.slipway.internal' },
            { address: '127.0.1.7\n1.2.3.4', name: 'web-14.eu-west-1.elb.slipway.internal' },
          ],
          file,
        ),
      );
      assert.equal(
        readFileSync(file, 'utf8'),
        ['127.0.0.1 localhost', `# slipway elb ${dir} {`, `${good.address} ${good.name}`, `# slipway elb ${dir} }`, ''].join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
