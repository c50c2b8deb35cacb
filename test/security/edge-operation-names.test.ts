/**
 * Operation names that are JavaScript object properties (`__proto__`, `constructor`, …) are
 * unknown operations like any other, on every API: UnknownOperationException (400) over JSON,
 * InvalidAction (400) over Query — never a 500 or an empty 200.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { form, jsonCall, rawRequest } from '../support/raw.ts';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const names = [
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'constructor',
  'toString',
  'isPrototypeOf',
  '__defineGetter__',
  'propertyIsEnumerable',
];
const prefixes = {
  ECS: 'AmazonEC2ContainerServiceV20141113',
  ECR: 'AmazonEC2ContainerRegistry_V20150921',
  CodeBuild: 'CodeBuild_20161006',
};

describe('edge: operation names that are object properties', () => {
  let s: TestSlipway;
  before(async () => {
    s = await startTestSlipway();
  });
  after(() => s.close());

  for (const [api, prefix] of Object.entries(prefixes)) {
    it(`${api} (JSON) answers UnknownOperationException`, async () => {
      for (const name of names) {
        const res = await rawRequest(s.endpoint, jsonCall(`${prefix}.${name}`));
        assert.equal(res.status, 400, `${api} ${name}: ${res.text}`);
        assert.equal(JSON.parse(res.text).__type, 'UnknownOperationException', name);
      }
    });
  }

  it('ELBv2 (Query) answers InvalidAction', async () => {
    for (const name of names) {
      const res = await rawRequest(s.endpoint, form({ Action: name, Version: '2015-12-01' }));
      assert.equal(res.status, 400, `${name}: ${res.text}`);
      assert.match(res.text, /<Code>InvalidAction<\/Code>/, name);
    }
  });

  it('a target prefix or Query version named like an object property is a service Slipway does not serve', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const json = await rawRequest(s.endpoint, jsonCall(`${name}.ListClusters`));
      assert.equal(json.status, 501, json.text);
      assert.equal(JSON.parse(json.text).__type, 'NotImplemented');
      const query = await rawRequest(s.endpoint, form({ Action: 'DescribeLoadBalancers', Version: name }));
      assert.equal(query.status, 501, query.text);
      assert.match(query.text, /<Code>NotImplemented<\/Code>/);
    }
  });
});
