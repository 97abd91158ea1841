import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArchiveError } from '../../shared/archive/case-archive';
import { BundleError } from '../../shared/bundle/bundle-plan';
import { CancellationError, Refusal, isCancellation } from '../../shared/errors';
import { UnusableFileError } from '../../shared/import/decode-text';

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
