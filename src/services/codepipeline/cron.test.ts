import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CronError, cronMatches, parseCron, untilOpen } from './cron.ts';

describe('DeploymentWindow cron expressions', () => {
  // Monday 2026-12-07 08:30 UTC is 09:30 in Paris.
  const monday = Date.UTC(2026, 11, 7, 8, 30);

  it('matches weekday office hours in the rule’s time zone', () => {
    const office = parseCron('0 0-59 9-17 ? * MON-FRI *');
    assert.equal(cronMatches(office, monday, 'Europe/Paris'), true);
    assert.equal(cronMatches(office, monday, 'UTC'), false, '08:30 UTC is before nine');
    assert.equal(cronMatches(office, Date.UTC(2026, 11, 6, 10), 'UTC'), false, 'a Sunday');
  });

  it('reads steps, lists, month names and the last day of the month', () => {
    assert.equal(cronMatches(parseCron('* */15 * * DEC ?'), monday, 'UTC'), true);
    assert.equal(cronMatches(parseCron('* 0,15,45 * * * ?'), monday, 'UTC'), false);
    assert.equal(cronMatches(parseCron('* * * L * ?'), Date.UTC(2027, 1, 28, 12), 'UTC'), true);
    assert.equal(cronMatches(parseCron('* * * L * ?'), Date.UTC(2027, 1, 27, 12), 'UTC'), false);
  });

  it('says how long until a closed window opens', () => {
    assert.equal(untilOpen(parseCron('0 0 9 * * ?'), monday, 'UTC'), 30 * 60_000);
  });

  it('refuses expressions it cannot read, naming the field', () => {
    assert.throws(() => parseCron('* * * *'), CronError);
    assert.throws(() => parseCron('* 61 * * * ?'), /'61' is not a valid minutes value/);
    assert.throws(() => parseCron('* * * 15W * ?'), /uses L, W or #/);
    assert.throws(() => parseCron('* * * * ? *'), /'\?' is allowed only in the day-of-month and day-of-week fields, not month/);
  });
});
