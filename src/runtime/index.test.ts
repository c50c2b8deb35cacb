import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeRuntime, NotFoundError, PAUSE_IMAGE, withLogging } from './index.ts';

describe('withLogging', () => {
  it('logs failing calls with timing, stamps the driver, and leaves helpers alone', async () => {
    const lines: [string, string][] = [];
    const rt = withLogging(new FakeRuntime(), (level, message) => lines.push([level, message]));
    rt.addImage('x:1'); // a synchronous helper stays synchronous
    await assert.rejects(rt.inspect('missing'), (err) => err instanceof NotFoundError && err.driver === 'fake');
    assert.equal(lines.length, 1);
    assert.equal(lines[0][0], 'debug');
    assert.match(lines[0][1], /^fake\.inspect\(missing\) failed after \d+ms: No such container: missing$/);
    assert.equal(await rt.ensurePauseImage(), PAUSE_IMAGE);
    assert.equal(lines.length, 1, 'successful calls are not logged');
  });
});
