import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as errors from '../../shared/errors';
import { ArchiveError, BundleError, CancellationError, REFUSAL_CODES, Refusal, UnusableFileError, errorData, errorFromData, isCancellation } from '../../shared/errors';

test('every refusal is a Refusal with its own name and code; a cancellation is known by its name, ours or an AbortSignal’s', () => {
  const refusals = [new UnusableFileError('x.csv is empty'), new ArchiveError('a.evcase is not a zip file'), new BundleError('no claims')];
  assert.deepEqual(refusals.map((e) => [e instanceof Refusal, e.name, e.code]), [
    [true, 'UnusableFileError', 'unusable-file'],
    [true, 'ArchiveError', 'archive'],
    [true, 'BundleError', 'bundle'],
  ]);
  const aborted = new AbortController();
  aborted.abort();
  assert.deepEqual([new CancellationError('stopped'), aborted.signal.reason, { name: 'CancellationError', message: 'from a worker' }, new Error('a bug')].map(isCancellation), [true, true, true, false]);
});

test('every kind of refusal is declared in errors.ts with a code of its own, and keeps it across IPC and workers', () => {
  const classes = (Object.values(errors) as unknown[]).filter((value): value is new (message: string) => Refusal => typeof value === 'function' && value.prototype instanceof Refusal);
  const codes = classes.map((Kind) => new Kind('x').code);
  assert.equal(new Set(codes).size, codes.length, 'one code per class');
  assert.ok(codes.length >= 6);
  for (const code of [...codes, 'gone', 'integrity', 'invalid', 'conflict', 'review-only']) assert.ok((REFUSAL_CODES as readonly string[]).includes(code), code);
  for (const Kind of classes) {
    const again = errorFromData(errorData(new Kind('refused here')));
    assert.deepEqual([again instanceof Refusal, again.name, (again as Refusal).code], [true, new Kind('x').name, new Kind('x').code]);
  }
  assert.equal((errorFromData({ name: 'Refusal', code: 'made-up', message: 'x' }) as Refusal).code, 'refused', 'an unknown code from outside is not trusted');
});
