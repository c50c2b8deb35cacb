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

  const on = (expression: string, year: number, month: number, day: number) =>
    cronMatches(parseCron(expression), Date.UTC(year, month - 1, day, 12), 'UTC');

  it('reads W as the weekday nearest the day, within the month', () => {
    // 15 August 2026 is a Saturday, 15 November a Sunday, 1 August a Saturday, 31 January 2027 a Sunday.
    assert.equal(on('* * * 15W * ?', 2026, 8, 14), true);
    assert.equal(on('* * * 15W * ?', 2026, 8, 15), false);
    assert.equal(on('* * * 15W * ?', 2026, 11, 16), true);
    assert.equal(on('* * * 15W * ?', 2026, 12, 15), true, 'a Tuesday is its own nearest weekday');
    assert.equal(on('* * * 1W * ?', 2026, 8, 3), true, 'not Friday 31 July');
    assert.equal(on('* * * 1W * ?', 2026, 7, 31), false);
    assert.equal(on('* * * 31W * ?', 2027, 1, 29), true, 'not Monday 1 February');
    assert.equal(on('* * * 31W * ?', 2027, 2, 1), false);
    assert.equal(on('* * * 30W * ?', 2027, 2, 26), false, 'February has no 30th');
  });

  it('reads LW as the last weekday and L as the last day of the month', () => {
    assert.equal(on('* * * LW * ?', 2026, 1, 30), true, '31 January 2026 is a Saturday');
    assert.equal(on('* * * LW * ?', 2026, 1, 31), false);
    assert.equal(on('* * * LW * ?', 2026, 5, 29), true, '31 May 2026 is a Sunday');
    assert.equal(on('* * * LW * ?', 2026, 12, 31), true);
    assert.equal(on('* * * L * ?', 2026, 1, 31), true);
  });

  it('reads # as the nth weekday of the month and nL as its last', () => {
    assert.equal(on('* * * ? * 6#3', 2026, 12, 18), true, 'the third Friday of December 2026');
    assert.equal(on('* * * ? * FRI#3', 2026, 12, 18), true);
    assert.equal(on('* * * ? * 6#3', 2026, 12, 11), false);
    assert.equal(on('* * * ? * 2#5', 2026, 11, 30), true, 'November 2026 has five Mondays');
    assert.equal(on('* * * ? * 2#5', 2026, 12, 28), false, 'December 2026 has four');
    assert.equal(on('* * * ? * 5L', 2026, 12, 31), true, 'the last Thursday');
    assert.equal(on('* * * ? * 5L', 2026, 12, 24), false);
    assert.equal(on('* * * ? * L', 2026, 12, 12), true, 'L alone is Saturday');
    assert.equal(on('* * * ? * L', 2026, 12, 11), false);
  });

  it('looks for a far opening no further than its look-ahead', () => {
    assert.equal(untilOpen(parseCron('0 0 0 LW * ?'), Date.UTC(2026, 11, 30, 12), 'UTC'), 12 * 3_600_000);
    // The third Friday is eleven days away: the answer is the two-day look-ahead, after which the engine looks again.
    assert.equal(untilOpen(parseCron('0 0 0 ? * 6#3'), monday, 'UTC'), 2 * 24 * 3_600_000);
  });

  it('says how long until a closed window opens', () => {
    assert.equal(untilOpen(parseCron('0 0 9 * * ?'), monday, 'UTC'), 30 * 60_000);
  });

  it('refuses expressions it cannot read, naming the field', () => {
    assert.throws(() => parseCron('* * * *'), CronError);
    assert.throws(() => parseCron('* 61 * * * ?'), /'61' is not a valid minutes value/);
    assert.throws(() => parseCron('* * L * * ?'), /'L' in the hours field uses L, W or #/);
    assert.throws(() => parseCron('* * * 1-5W * ?'), /day-of-month field must be L, LW or a single day followed by W/);
    assert.throws(() => parseCron('* * * 32W * ?'), /'32' is not a valid day-of-month value/);
    assert.throws(() => parseCron('* * * ? * 8#3'), /'8' is not a valid day-of-week value/);
    assert.throws(() => parseCron('* * * ? * 6#6'), /asks for week 6 of the month; use 1-5/);
    assert.throws(() => parseCron('* * * ? * 6#3,5L'), /day-of-week field must be L, a day followed by L/);
    assert.throws(() => parseCron('* * * * ? *'), /'\?' is allowed only in the day-of-month and day-of-week fields, not month/);
  });
});
