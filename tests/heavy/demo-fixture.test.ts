import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { caseArchiveBytes } from '../../shared/archive/archive-writer';
import { sha256Hex } from '../../shared/hash';
import { buildDemoCase } from '../../fixtures/demo-case';

test('the demo case, built through the changes and the applier the CLI uses, is the committed fixture byte for byte', async () => {
  // fixtures/generate.ts writes it at this instant; the case's own events are seeded and ticked.
  const built = await caseArchiveBytes(await buildDemoCase(), new Date('2026-03-02T18:00:00Z'));
  assert.equal(sha256Hex(built), sha256Hex(new Uint8Array(readFileSync('fixtures/demo.evcase'))), 'run npm run fixtures after changing how a change is built or applied');
});
