// The real-data tier: the importer and the redline on every recorded version
// of real terms in ../shared/data/tos (CI always has it). `npm test` runs the
// same checks on the copies committed in fixtures/tos-real.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { checkCorpus, readCorpus } from '../terms-corpus';

const DATA = '../shared/data/tos';
const present = existsSync(DATA);
if (!present && process.env.CI) throw new Error(`${DATA} is missing: CI always has the shared data, so the real-data tier cannot pass without it`);

test('real terms: unique citations, clauses that are slices of the stored text, the split guard quiet except on rewrites', { skip: present ? false : `${DATA} is not beside this repository; the real-data tier needs it` }, () => {
  const corpus = readCorpus(DATA);
  const { versions, pairs } = checkCorpus(corpus);
  assert.ok(versions >= 24 && pairs >= 15, `${versions} versions and ${pairs} consecutive pairs read`);
});
