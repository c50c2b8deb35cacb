import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EventBus } from '../core/events.ts';
import { createEdge } from '../server/edge.ts';
import type { AppContext } from '../services/types.ts';
import { type Console, createConsole } from './index.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A console on a real edge (guard included), with `dist` as its build. */
async function serve(host: string, dist: string): Promise<{ url: string; console: Console; events: EventBus; close(): Promise<void> }> {
  const events = new EventBus();
  const ctx = { config: { host, defaultRegion: 'us-east-1', account: '000000000000' }, events } as unknown as AppContext;
  const web = createConsole(ctx, { dist });
  const server: Server = createEdge({ apis: [], routes: web.routes, account: '000000000000', defaultRegion: 'us-east-1', host });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    console: web,
    events,
    close: async () => {
      web.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Opens the event stream and collects its text until `until` says enough, then hangs up. */
function stream(url: string, headers: Record<string, string>, until: (text: string) => boolean, onOpen?: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/_slipway/console/events`, { headers }, (res) => {
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/event-stream/);
      let text = '';
      res.setEncoding('utf8');
      onOpen?.();
      res.on('data', (d) => {
        text += d;
        if (until(text)) {
          req.destroy();
          resolve(text);
        }
      });
    });
    req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
    req.end();
  });
}

const event = (n: number) => ({ type: 'ecs.task', resource: `arn:aws:ecs:us-east-1:000000000000:task/default/${n}`, at: n, detail: { n } });

describe('console: the event stream', () => {
  let dist: string;
  before(() => {
    dist = mkdtempSync(join(tmpdir(), 'slipway-console-'));
  });
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('opens with a resync, sends events with ids, and replays what a reconnecting page missed', async () => {
    const s = await serve('127.0.0.1', dist);
    try {
      const epoch = s.console.stream.epoch;
      const first = await stream(
        s.url,
        {},
        (t) => t.includes('"n":1'),
        () => s.events.publish(event(1)),
      );
      assert.match(first, /^retry: \d+\n\n/);
      assert.match(first, new RegExp(`event: resync\\nid: ${epoch}\\.0\\n`));
      assert.match(first, new RegExp(`id: ${epoch}\\.1\\ndata: \\{"type":"ecs.task"`));

      s.events.publish(event(2));
      s.events.publish(event(3));
      const replay = await stream(s.url, { 'last-event-id': `${epoch}.1` }, (t) => t.includes('"n":3'));
      assert.doesNotMatch(replay, /resync/);
      assert.doesNotMatch(replay, /"n":1/);
      assert.match(replay, new RegExp(`id: ${epoch}\\.2\\n[^]*id: ${epoch}\\.3\\n`));

      // Another epoch (Slipway restarted) or an id never issued: the page must reload what it shows.
      for (const stale of ['0badcafe.3', `${epoch}.99`, 'junk']) {
        const text = await stream(s.url, { 'last-event-id': stale }, (t) => t.includes('event: resync'));
        assert.match(text, /event: resync/, stale);
      }
    } finally {
      await s.close();
    }
  });
});

describe('console: the front end', () => {
  let dist: string;
  before(() => {
    dist = mkdtempSync(join(tmpdir(), 'slipway-console-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="app"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
  });
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('serves the build with its types, hashed assets cached for good, and the app at every page path', async () => {
    const s = await serve('127.0.0.1', dist);
    try {
      const js = await get(`${s.url}/_slipway/console/assets/index-abc123.js`);
      assert.equal(js.status, 200);
      assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.match(String(js.headers['cache-control']), /immutable/);
      const css = await get(`${s.url}/_slipway/console/assets/index-abc123.css`);
      assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
      for (const page of [
        '/_slipway/console/',
        '/_slipway/console/ecs/default/tasks/abc',
        '/_slipway/console/builds/my.project%3A1',
        '/_slipway/console/logs/%2Faws%2Fcodebuild%2Fweb.app',
      ]) {
        const html = await get(`${s.url}${page}`);
        assert.equal(html.status, 200, page);
        assert.equal(html.headers['content-type'], 'text/html; charset=utf-8');
        assert.equal(html.headers['cache-control'], 'no-cache');
        assert.match(html.body, /id="app"/);
        assert.equal(html.headers['x-frame-options'], 'DENY', 'no other site may frame the console');
        assert.match(String(html.headers['content-security-policy']), /frame-ancestors 'none'/);
      }
      assert.equal((await get(`${s.url}/_slipway/console`)).headers.location, '/_slipway/console/');
      assert.equal((await get(`${s.url}/_slipway/console/assets/missing.js`)).status, 404);
      // A file beside the build, asked for by an encoded `..`: refused, not read.
      const outside = `${dist}-outside.txt`;
      writeFileSync(outside, 'not for the web');
      try {
        const beside = await get(`${s.url}/_slipway/console/assets/..%2f..%2f${basename(outside)}`);
        assert.equal(beside.status, 404);
        assert.doesNotMatch(beside.body, /not for the web/);
      } finally {
        rmSync(outside, { force: true });
      }
      const settings = JSON.parse((await get(`${s.url}/_slipway/console/settings`)).body);
      assert.deepEqual([settings.region, settings.account], ['us-east-1', '000000000000']);
    } finally {
      await s.close();
    }
  });

  it('without a build, answers a page naming the command that builds it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'slipway-console-'));
    const s = await serve('127.0.0.1', empty);
    try {
      const res = await get(`${s.url}/_slipway/console/`);
      assert.equal(res.status, 503);
      assert.match(res.body, /npm run build:console/);
    } finally {
      await s.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('off loopback, asks for the token slipway start prints, then keeps it as a cookie', async () => {
    const s = await serve('0.0.0.0', dist);
    try {
      const token = s.console.token!;
      assert.ok(token && token.length >= 32);
      assert.equal(s.console.url('http://127.0.0.1:4566'), `http://127.0.0.1:4566/_slipway/console/?token=${token}`);
      for (const path of ['/_slipway/console/', '/_slipway/console/ecs', '/_slipway/console/events', '/_slipway/console/settings']) {
        const res = await get(`${s.url}${path}`);
        assert.equal(res.status, 401, path);
        assert.match(res.body, /token/);
      }
      assert.equal((await get(`${s.url}/_slipway/console/?token=${token.slice(1)}x`)).status, 401);
      assert.equal((await get(`${s.url}/_slipway/console/`, { cookie: 'slipway-console=wrong' })).status, 401);

      const opened = await get(`${s.url}/_slipway/console/ecs?token=${token}`);
      assert.equal(opened.status, 303);
      assert.equal(opened.headers.location, '/_slipway/console/ecs');
      const cookie = String(opened.headers['set-cookie']);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const jar = cookie.split(';')[0];
      assert.equal((await get(`${s.url}/_slipway/console/ecs`, { cookie: jar })).status, 200);
      await stream(s.url, { cookie: jar }, (t) => t.includes('resync'));
    } finally {
      await s.close();
    }
  });

  it('on loopback, asks for no token', async () => {
    const s = await serve('127.0.0.1', dist);
    try {
      assert.equal(s.console.token, undefined);
      assert.equal(s.console.url('http://127.0.0.1:4566'), 'http://127.0.0.1:4566/_slipway/console/');
    } finally {
      await s.close();
    }
  });
});
