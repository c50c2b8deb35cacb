import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AwsError } from '../core/errors.ts';
import { dispatch } from './dispatch.ts';
import { loadModel } from './model.ts';
import type { ApiService, Handler, RequestContext, WireResponse } from './types.ts';

const ctx: RequestContext = { region: 'us-east-1', account: '000000000000', requestId: 'req-1', endpoint: 'http://127.0.0.1:4566' };
const ecs = (handlers: Record<string, Handler<any, any>>): ApiService => ({
  model: loadModel('ecs'),
  handlers,
  validation: { constraint: 'InvalidParameterException', type: 'SerializationException' },
});
const elb = (handlers: Record<string, Handler<any, any>>): ApiService => ({
  model: loadModel('elbv2'),
  handlers,
  validation: { constraint: 'ValidationError', type: 'ValidationError' },
});
const json = (r: WireResponse) => JSON.parse(String(r.body));

/** Runs `fn` with stderr captured: what the log wrote. */
async function logged<T>(fn: () => Promise<T>): Promise<{ value: T; log: string }> {
  const write = process.stderr.write;
  let log = '';
  process.stderr.write = ((chunk: string) => ((log += chunk), true)) as typeof process.stderr.write;
  try {
    return { value: await fn(), log };
  } finally {
    process.stderr.write = write;
  }
}

describe('dispatch', () => {
  it('hands the validated input to the handler and writes its output from the output shape', async () => {
    let seen: unknown;
    const api = ecs({ ListClusters: (input) => ((seen = input), { clusterArns: ['arn:a'], notModelled: 1 }) });
    const res = await dispatch(api, { target: 'AmazonEC2ContainerServiceV20141113.ListClusters', body: '{"maxResults":5}' }, ctx);
    assert.equal(res.status, 200);
    assert.deepEqual(seen, { maxResults: 5 });
    assert.deepEqual(json(res), { clusterArns: ['arn:a'] });
    assert.equal(res.headers['x-amzn-requestid'], 'req-1');
  });

  it('an unknown operation, own properties of Object included, is UnknownOperationException (JSON) or InvalidAction (Query)', async () => {
    for (const op of ['Nope', '__proto__', 'constructor', 'hasOwnProperty', 'toString']) {
      const j = await dispatch(ecs({}), { target: `AmazonEC2ContainerServiceV20141113.${op}`, body: '{}' }, ctx);
      assert.equal(j.status, 400, op);
      assert.equal(json(j).__type, 'UnknownOperationException');
      const q = await dispatch(elb({}), { body: `Action=${op}&Version=2015-12-01` }, ctx);
      assert.equal(q.status, 400, op);
      assert.match(String(q.body), /<Code>InvalidAction<\/Code>/);
    }
  });

  it('a modelled operation with no handler answers 501 NotImplemented naming it, even when the handler table is a plain object', async () => {
    const res = await dispatch(ecs({}), { target: 'AmazonEC2ContainerServiceV20141113.CreateCapacityProvider', body: '{}' }, ctx);
    assert.equal(res.status, 501);
    assert.equal(json(res).__type, 'NotImplemented');
    assert.match(json(res).message, /ECS CreateCapacityProvider/);
    const q = await dispatch(elb({}), { body: 'Action=DescribeTrustStores&Version=2015-12-01' }, ctx);
    assert.equal(q.status, 501);
    assert.match(String(q.body), /<Type>Receiver<\/Type><Code>NotImplemented<\/Code>/);
  });

  it('a handler that throws an AwsError answers it; one that crashes answers 500 InternalFailure and logs the stack', async () => {
    const refused = await dispatch(
      ecs({
        ListClusters: () => {
          throw new AwsError('ClusterNotFoundException', 'gone');
        },
      }),
      { target: 'AmazonEC2ContainerServiceV20141113.ListClusters', body: '' },
      ctx,
    );
    assert.equal(refused.status, 400);
    assert.deepEqual(json(refused), { __type: 'ClusterNotFoundException', message: 'gone' });
    const { value: crashed, log } = await logged(() =>
      dispatch(
        ecs({
          ListClusters: () => {
            throw new TypeError('boom in handler');
          },
        }),
        { target: 'AmazonEC2ContainerServiceV20141113.ListClusters', body: '' },
        ctx,
      ),
    );
    assert.equal(crashed.status, 500);
    assert.equal(json(crashed).__type, 'InternalFailure');
    assert.match(log, /error .*ecs\.ListClusters failed TypeError: boom in handler\n\s+at /);
    const { value: q } = await logged(() =>
      dispatch(elb({ DescribeLoadBalancers: () => Promise.reject(new Error('boom')) }), { body: 'Action=DescribeLoadBalancers' }, ctx),
    );
    assert.equal(q.status, 500);
    assert.match(String(q.body), /<Type>Receiver<\/Type><Code>InternalFailure<\/Code>/);
  });

  it('validation errors name the field and never reach the handler', async () => {
    let called = false;
    const res = await dispatch(
      ecs({ CreateCluster: () => ((called = true), {}) }),
      { target: 'AmazonEC2ContainerServiceV20141113.CreateCluster', body: '{"clusterName":5}' },
      ctx,
    );
    assert.equal(res.status, 400);
    assert.equal(json(res).__type, 'SerializationException');
    assert.match(json(res).message, /clusterName/);
    assert.equal(called, false);
  });
});
