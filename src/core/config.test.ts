import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isRegionName, loadConfig } from './config.ts';

describe('config', () => {
  it('region names are those of AWS partitions, nothing else', () => {
    for (const name of [
      'us-east-1',
      'eu-west-3',
      'ap-southeast-7',
      'il-central-1',
      'cn-northwest-1',
      'us-gov-west-1',
      'us-iso-east-1',
      'us-isob-east-1',
      'eu-isoe-west-1',
      'us-isof-south-1',
      'eusc-de-east-1',
    ]) {
      assert.ok(isRegionName(name), name);
    }
    for (const name of [
      '',
      'local',
      'aws-global',
      'US-EAST-1',
      'us-east-1a',
      'us_east_1',
      'us-east-1\n',
      'us-east-1/x',
      'us-east-1"><',
      'a-b-1-2-3',
      'useast-very-long-1',
    ]) {
      assert.equal(isRegionName(name), false, JSON.stringify(name));
    }
  });

  it('--region and SLIPWAY_REGION must be region names', () => {
    assert.equal(loadConfig({ region: 'eu-west-1' }, {}).defaultRegion, 'eu-west-1');
    assert.equal(loadConfig({}, { SLIPWAY_REGION: 'us-gov-east-1' }).defaultRegion, 'us-gov-east-1');
    assert.throws(() => loadConfig({ region: 'eu west' }, {}), /--region must be a region name/);
    assert.throws(() => loadConfig({}, { SLIPWAY_REGION: 'x"; rm' }), /--region must be a region name/);
  });

  it('signatures are required with --auth or SLIPWAY_AUTH, and always off loopback', () => {
    assert.equal(loadConfig({}, {}).auth, false);
    assert.equal(loadConfig({ auth: 'true' }, {}).auth, true);
    assert.equal(loadConfig({}, { SLIPWAY_AUTH: '1' }).auth, true);
    assert.equal(loadConfig({ host: '0.0.0.0' }, {}).auth, true);
    assert.equal(loadConfig({ host: '0.0.0.0', auth: 'false' }, {}).auth, true, 'off loopback cannot be made open');
    assert.equal(loadConfig({ host: '::1' }, {}).auth, false);
    assert.throws(() => loadConfig({ auth: 'yes please' }, {}), /--auth takes no value/);
  });
});
