import assert from 'node:assert/strict';
import { test } from 'node:test';
import { untilEnded, type ReadStatus } from '../../shared/jobs';

test('a job in another process is followed until it ends: each progress passed on, the ending returned', async () => {
  const statuses: ReadStatus<{ state: 'done'; rows: number }>[] = [
    { state: 'running', phase: 'Starting', done: 0, total: 0 },
    { state: 'running', phase: '10 rows', done: 5, total: 10 },
    { state: 'done', rows: 10 },
  ];
  const seen: [string, number, number][] = [];
  const ended = await untilEnded(async () => statuses.shift()!, (phase, done, total) => seen.push([phase, done, total]), 1);
  assert.deepEqual(ended, { state: 'done', rows: 10 });
  assert.deepEqual(seen, [['Starting', 0, 0], ['10 rows', 5, 10]]);
  assert.equal(statuses.length, 0, 'not read once it had ended');
});
