import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDay, formatInstant, isTimeZone, parseUtcMoment, utcMomentField } from '../../shared/time-format';

test('one format for every moment: the date, the time to the second, and the zone, always', () => {
  assert.equal(formatInstant('2026-01-05T05:13:04.186Z'), '2026-01-05 05:13:04 UTC');
  assert.equal(formatInstant(Date.UTC(2026, 0, 5, 5, 13, 4)), '2026-01-05 05:13:04 UTC');
  // The audit's reviewer in New York: the same moment, said with its offset, never a bare 12:13 AM.
  assert.equal(formatInstant('2026-01-05T05:13:04Z', 'America/New_York'), '2026-01-05 00:13:04 UTC−05:00');
  assert.equal(formatInstant('2026-07-05T05:13:04Z', 'America/New_York'), '2026-07-05 01:13:04 UTC−04:00');
  assert.equal(formatInstant('2026-01-05T05:13:04Z', 'Asia/Kolkata'), '2026-01-05 10:43:04 UTC+05:30');
  assert.equal(formatInstant('0050-06-01T00:00:00Z'), '0050-06-01 00:00:00 UTC');
  assert.equal(formatInstant(null), '—');
  assert.equal(formatDay('2026-01-05T02:00:00Z', 'America/New_York'), '2026-01-04');
  assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
});

test('a UTC moment is typed and shown one way, to the second; a date the calendar does not have is refused', () => {
  assert.equal(parseUtcMoment('2026-03-01 23:59:59'), Date.parse('2026-03-01T23:59:59Z'));
  assert.equal(parseUtcMoment('2026-03-01T23:59'), Date.parse('2026-03-01T23:59:00Z'));
  assert.equal(parseUtcMoment('2026-03-01'), Date.parse('2026-03-01T00:00:00Z'));
  for (const bad of ['03/01/2026 11:59 PM', '2026-02-30', '2026-03-01 24:00:00', '2026-03-01 12:60', '']) assert.equal(parseUtcMoment(bad), null, bad);
  assert.equal(utcMomentField(Date.parse('2026-01-05T00:00:00Z')), '2026-01-05 00:00:00');
});
