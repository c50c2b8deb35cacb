import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultVpcId } from '../../core/ids.ts';
import { Store } from '../../store/index.ts';
import { defaultNetwork } from './defaults.ts';
import { Ec2Model } from './model.ts';

describe('ec2 model: the default network', () => {
  it('is read without being stored, and stored whole by the first write in its region', () => {
    const store = Store.open(':memory:');
    try {
      const model = new Ec2Model(store, defaultNetwork);
      const scope = 'eu-west-1:000000000000';
      const [vpc] = model.all(scope, 'vpc');
      assert.equal(vpc.id, defaultVpcId({ region: 'eu-west-1', account: '000000000000' }));
      assert.deepEqual(
        model
          .all(scope, 'subnet')
          .map((s) => [s.zone, s.cidr])
          .sort(),
        [
          ['eu-west-1a', '172.31.0.0/20'],
          ['eu-west-1b', '172.31.16.0/20'],
          ['eu-west-1c', '172.31.32.0/20'],
        ],
      );
      assert.equal(model.count(), 0);
      const before = JSON.stringify(['vpc', 'subnet', 'sg', 'igw', 'rtb'].map((k) => model.all(scope, k as 'vpc')));
      model.write(scope, () => model.put({ ...vpc, tags: [{ Key: 'Name', Value: 'default' }] }));
      assert.equal(model.count(), 3 + 3 + 1);
      assert.deepEqual(model.get(scope, 'vpc', vpc.id)?.tags, [{ Key: 'Name', Value: 'default' }]);
      const after = JSON.stringify(['subnet', 'sg', 'igw', 'rtb'].map((k) => model.all(scope, k as 'vpc')));
      assert.equal(after, JSON.stringify(JSON.parse(before).slice(1)));
      // Other regions are untouched, and differ.
      assert.notEqual(model.all('us-east-1:000000000000', 'vpc')[0].id, vpc.id);
      assert.equal(model.all('us-east-1:000000000000', 'subnet').length, 6);
    } finally {
      store.close();
    }
  });
});
