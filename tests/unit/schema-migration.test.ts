import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Dexie from 'dexie';
import { newId } from '../../shared/ids';
import { EvidenceDatabase, SCHEMA_V1 } from '../../renderer/db/database';
import { loadCaseData, storeCaseData } from '../../renderer/db/case-store';
import { makeCaseData } from '../builders';

// A version 2 written for this test only, the way a real one will be added:
// the v1 stores repeated, one index added, one table added, and an upgrade
// that fills a new field on existing rows.
class EvidenceDatabaseV2 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores({ logEntries: `${SCHEMA_V1.logEntries}, [caseId+model]`, settings: 'key' })
      .upgrade((tx) => tx.table('cases').toCollection().modify((c: { reviewStatus?: string }) => {
        c.reviewStatus = 'open';
      }));
  }
}

test('a populated v1 database opens under a v2 schema with nothing lost', async () => {
  const name = `migration-${newId()}`;
  const v1 = new EvidenceDatabase(name);
  const data = makeCaseData();
  await storeCaseData(v1, data, { replace: false });
  const countsV1 = Object.fromEntries(await Promise.all(v1.tables.map(async (t) => [t.name, await t.count()] as const)));
  v1.close();

  const v2 = new EvidenceDatabaseV2(name);
  await v2.open();
  assert.equal(v2.verno, 2);
  for (const [table, count] of Object.entries(countsV1)) assert.equal(await v2.table(table).count(), count, `${table} lost rows`);
  assert.equal((await v2.table('cases').get(data.case.id)).reviewStatus, 'open');
  assert.equal(await v2.table('logEntries').where('[caseId+model]').between([data.case.id, Dexie.minKey], [data.case.id, Dexie.maxKey]).count(), 0);
  v2.close();

  // The app's own v1 code still reads every record through the new schema.
  const reopened = new EvidenceDatabaseV2(name);
  const loaded = await loadCaseData(reopened as unknown as EvidenceDatabase, data.case.id);
  assert.deepEqual(loaded.audit, data.audit);
  assert.deepEqual(loaded.originals, data.originals);
  assert.deepEqual(loaded.links, data.links);
});
