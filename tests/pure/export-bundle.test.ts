import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { planBundle, type BundleCase } from '../../shared/bundle/bundle-plan';
import type { BundleManifest } from '../../shared/bundle/bundle-manifest';
import { exportBundle, type ExportSteps } from '../../shared/bundle/export-bundle';
import { CancellationError } from '../../shared/errors';
import type { CaseChange } from '../../shared/model/case-change';

const { logEntries: _rows, ...rest } = await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')));
const data: BundleCase = { ...rest, rows: new Map(), originals: new Map() };
const plan = planBundle(data);
const manifest = { bates: { first: 'NWA-000001', last: 'NWA-000040', pages: 40 }, exhibits: [], originals: [] } as unknown as BundleManifest;
const request = { preparer: 'counsel', signer: { name: 'M. Alvarez', organisation: '', email: '' }, now: new Date('2026-03-03T10:00:00Z') };

/** Steps that log what ran, the app's and the CLI's alike; `fail` makes one step throw. */
function steps(fail?: keyof ExportSteps, onBuild?: () => void) {
  const ran: string[] = [];
  const step =
    <T>(name: keyof ExportSteps, value: T) =>
    async () => {
      ran.push(name);
      if (name === fail) throw new Error(`${name} failed`);
      return value;
    };
  const made: ExportSteps = {
    build: async () => {
      ran.push('build');
      onBuild?.();
      return { bytes: new Uint8Array([1, 2, 3]), pages: 40, manifest };
    },
    write: step('write', { fileName: 'bundle.pdf', sha256: 'ab'.repeat(32) }),
    record: step('record', undefined),
    place: step('place', '/cases/bundle.pdf'),
    discard: step('discard', undefined),
  };
  return { ran, made };
}

test('an export lays out, writes, records and only then puts the file in place; the record names the file and digest written', async () => {
  const { ran, made } = steps();
  let recorded: CaseChange | undefined;
  const exported = await exportBundle(data, plan, request, {
    ...made,
    record: async (r) => {
      recorded = r;
      await made.record(r);
    },
  });
  assert.deepEqual(ran, ['build', 'write', 'record', 'place']);
  assert.equal(exported.path, '/cases/bundle.pdf');
  const [record] = recorded!.put!.bundles!;
  assert.deepEqual([record!.fileName, record!.sha256, record!.signer, recorded!.audit[0]!.action], ['bundle.pdf', 'ab'.repeat(32), 'M. Alvarez', 'bundle.exported']);
  assert.deepEqual(exported.record, record);
});

test('a failure after the file is written removes it; a failure to record never places it', async () => {
  for (const fail of ['record', 'place'] as const) {
    const { ran, made } = steps(fail);
    await assert.rejects(exportBundle(data, plan, request, made), new RegExp(`${fail} failed`));
    assert.deepEqual(ran, fail === 'record' ? ['build', 'write', 'record', 'discard'] : ['build', 'write', 'record', 'place', 'discard']);
  }
  const { ran, made } = steps('write');
  await assert.rejects(exportBundle(data, plan, request, made), /write failed/);
  assert.deepEqual(ran, ['build', 'write'], 'a write that failed cleans up after itself; nothing was recorded');
});

test('a cancel during the layout stops before anything is written', async () => {
  const cancel = new AbortController();
  const { ran, made } = steps(undefined, () => cancel.abort());
  await assert.rejects(exportBundle(data, plan, request, made, { signal: cancel.signal }), (error: Error) => error instanceof CancellationError && /nothing was written/.test(error.message));
  assert.deepEqual(ran, ['build']);
});
