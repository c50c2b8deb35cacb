import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createEdge } from '../server/edge.ts';
import { Store } from '../store/index.ts';
import { loadModel } from './model.ts';
import type { ApiService, Handler } from './types.ts';

describe('seam: group commit', () => {
  const store = Store.open(':memory:');
  const things = store.docTable<{ name: string }, 'name'>('seam_things', { name: 'TEXT' });
  /** Whether the store was still inside a transaction once each write's handler had returned. */
  const inTransactionAfter: Record<string, boolean> = {};
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const waitingInHandler = new Promise<void>((resolve) => (entered = resolve));
  const handlers: Record<string, Handler<any, any>> = {
    CreateCluster: ({ clusterName }: { clusterName: string }) => {
      store.tx(() => things.put(clusterName, { name: clusterName }, { name: clusterName }));
      queueMicrotask(() => (inTransactionAfter[clusterName] = store.db.inTransaction));
      return {};
    },
    // A call still in progress (its handler waits) while another is served.
    ListClusters: async () => {
      entered();
      await gate;
      return { clusterArns: [] };
    },
  };
  const api: ApiService = {
    model: loadModel('ecs'),
    handlers,
    validation: { constraint: 'InvalidParameterException', type: 'SerializationException' },
  };
  const server = createEdge({ apis: [api], routes: [], account: '000000000000', defaultRegion: 'us-east-1', host: '127.0.0.1', store });
  let endpoint = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(() => {
    release();
    server.close();
    store.close();
  });

  const call = (operation: string, body: object) =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}` },
      body: JSON.stringify(body),
    });

  it('commits a call served alone at once, without waiting for the end of the turn', async () => {
    assert.equal((await call('CreateCluster', { clusterName: 'alone' })).status, 200);
    assert.equal(inTransactionAfter.alone, false);
    assert.equal(things.get('alone')?.name, 'alone');
  });

  it('keeps the group open for the turn while other calls are being served, and answers once it is committed', async () => {
    const waiting = call('ListClusters', {});
    await waitingInHandler;
    assert.equal((await call('CreateCluster', { clusterName: 'together' })).status, 200);
    assert.equal(inTransactionAfter.together, true);
    assert.equal(store.db.inTransaction, false);
    assert.equal(things.get('together')?.name, 'together');
    release();
    assert.equal((await waiting).status, 200);
  });
});
