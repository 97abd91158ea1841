import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GENESIS_HASH, nextAuditEvent, verifyAuditChain } from '../../shared/audit/audit-chain';
import type { AuditEvent } from '../../shared/model/records';
import { filterHistory, historyChoices, historyCsv, personOf } from '../../shared/audit/history';

const CASE = 'case00000001';

function chain(length: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (let i = 0; i < length; i++) {
    events.push(nextAuditEvent(CASE, events[i - 1], { actor: 'counsel', action: `step.${i + 1}`, subject: `subject ${i + 1}`, details: { n: i + 1 } }, new Date(Date.UTC(2026, 0, 1, 0, i))));
  }
  return events;
}

test('a fresh chain verifies, links each event to the one before and starts at the genesis hash', () => {
  const events = chain(5);
  const result = verifyAuditChain(events, { head: events[4]!.hash, events: 5 });
  assert.equal(result.verified, true);
  assert.deepEqual(result.problems, []);
  assert.equal(events[0]!.prevHash, GENESIS_HASH);
  assert.equal(events[3]!.prevHash, events[2]!.hash);
  assert.deepEqual(events.map((e) => e.seq), [1, 2, 3, 4, 5]);
});

test('an edited event is found and named', () => {
  const events = chain(5);
  events[2] = { ...events[2]!, actor: 'someone else' };
  const result = verifyAuditChain(events);
  assert.equal(result.verified, false);
  assert.deepEqual(result.problems.map((p) => [p.kind, p.seq]), [['edited', 3]]);
  assert.match(result.problems[0]!.message, /event #3 \(step\.3\) was edited/);
});

test('an edited value inside the details is found', () => {
  const events = chain(3);
  events[1] = { ...events[1]!, details: { n: 99 } };
  assert.deepEqual(verifyAuditChain(events).problems.map((p) => p.kind), ['edited']);
});

test('a deleted event is found and the missing number is said', () => {
  const events = chain(5);
  events.splice(2, 1);
  const result = verifyAuditChain(events);
  assert.deepEqual(result.problems.map((p) => [p.kind, p.seq]), [['deleted', 4]]);
  assert.match(result.problems[0]!.message, /event #3 was deleted/);
});

test('an inserted event is found, even with a valid hash of its own', () => {
  const events = chain(5);
  const forged = nextAuditEvent(CASE, events[1], { actor: 'intruder', action: 'source.imported', subject: 'forged.csv' });
  events.splice(2, 0, forged);
  const kinds = verifyAuditChain(events).problems.map((p) => [p.kind, p.index]);
  assert.deepEqual(kinds[0], ['inserted', 3]);
});

test('reordered events are found', () => {
  const events = chain(5);
  [events[1], events[2]] = [events[2]!, events[1]!];
  const result = verifyAuditChain(events);
  assert.equal(result.verified, false);
  assert.ok(result.problems.some((p) => p.kind === 'reordered' && p.seq === 2), JSON.stringify(result.problems));
});

test('an event edited and re-hashed breaks the link to the next one', () => {
  const events = chain(4);
  events[1] = nextAuditEvent(CASE, events[0], { actor: 'counsel', action: 'step.2', subject: 'rewritten' }, new Date(Date.UTC(2026, 0, 1, 0, 1)));
  const result = verifyAuditChain(events);
  assert.deepEqual(result.problems.map((p) => [p.kind, p.seq]), [['broken', 3]]);
});

test('events cut from the end are found against the recorded head', () => {
  const events = chain(5);
  const expected = { head: events[4]!.hash, events: 5 };
  const result = verifyAuditChain(events.slice(0, 3), expected);
  assert.deepEqual(result.problems.map((p) => p.kind), ['truncated']);
  assert.match(result.problems[0]!.message, /2 event\(s\) were deleted from the end/);
});

test('the identity an actor works with is part of the event: changed, the chain breaks; the history tells two people of one name apart', () => {
  const alvarez = 'AB:'.repeat(31) + 'AB';
  const other = 'CD:'.repeat(31) + 'CD';
  const first = nextAuditEvent('case00000001', undefined, { actor: 'M. Alvarez', actorFingerprint: alvarez, action: 'case.created', subject: 'A case' });
  const second = nextAuditEvent('case00000001', first, { actor: 'M. Alvarez', action: 'claim.created', subject: 'A claim' });
  const third = nextAuditEvent('case00000001', second, { actor: 'M. Alvarez', actorFingerprint: other, action: 'claim.created', subject: 'Another' });
  assert.equal(first.actorFingerprint, alvarez);
  assert.equal('actorFingerprint' in second, false, 'an actor without an identity: the event hashes as before');
  assert.ok(verifyAuditChain([first, second, third]).verified);
  const swapped = { ...first, actorFingerprint: other };
  assert.deepEqual(verifyAuditChain([swapped, second, third]).problems.map((p) => p.kind), ['edited']);
  assert.deepEqual(historyChoices([first, second, third]).actors, ['M. Alvarez', 'M. Alvarez (AB:AB:AB:AB…)', 'M. Alvarez (CD:CD:CD:CD…)']);
  assert.deepEqual(filterHistory([first, second, third], { actor: personOf(third) }), [third]);
  assert.match(historyCsv([first]).split('\n')[1]!, new RegExp(`^1,.*,M\\. Alvarez,${alvarez},Case created,`));
});
