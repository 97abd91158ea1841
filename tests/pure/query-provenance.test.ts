import { UnusableFileError } from '../../shared/errors';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkQueryResult, describeQueryProvenance, readQueryProvenance, rowsFromQueries, type QueryProvenance } from '../../shared/import/query-provenance';
import { sha256Hex } from '../../shared/hash';

const queryText = 'SELECT * FROM log_rows;\n';
const provenance: QueryProvenance = {
  query: 'clickhouse/excerpt.sql',
  querySha256: sha256Hex(queryText),
  queryText,
  case: { id: 'case1', title: 'Northwind', historyHead: 'c'.repeat(64) },
  engine: 'ClickHouse',
  engineVersion: '18.16.1',
  ranAt: '2026-12-01T09:30:00.000Z',
  result: 'excerpt.jsonl',
  resultSha256: 'd'.repeat(64),
  rows: 3,
};

test('a provenance file is refused naming the file and the field at fault, or a query text its hash does not match', () => {
  assert.throws(() => readQueryProvenance('{', 'x.provenance.json'), (e: Error) => e instanceof UnusableFileError && /^x\.provenance\.json is not JSON/.test(e.message));
  const { engineVersion: _, ...missing } = provenance;
  assert.throws(() => readQueryProvenance(JSON.stringify(missing), 'x.provenance.json'), /x\.provenance\.json is not a query's provenance: the field “engineVersion”: /);
  assert.throws(() => readQueryProvenance(JSON.stringify({ ...provenance, ranAt: 'yesterday' }), 'x.provenance.json'), /the field “ranAt”: /);
  assert.throws(() => readQueryProvenance(JSON.stringify({ ...provenance, queryText: 'SELECT 1' }), 'x.provenance.json'), /the query's text does not have the SHA-256 it records/);
  assert.deepEqual(readQueryProvenance(JSON.stringify(provenance), 'x.provenance.json'), provenance);
});

test('a result is checked against its provenance: another case, or other bytes, is refused', () => {
  assert.throws(() => checkQueryResult(provenance, { fileName: 'excerpt.jsonl', sha256: 'd'.repeat(64) }, 'case2'), /comes from a query made for another case \(Northwind, case1\)/);
  assert.throws(() => checkQueryResult(provenance, { fileName: 'excerpt.jsonl', sha256: 'e'.repeat(64) }, 'case1'), /has the SHA-256 e+, not d+, which ClickHouse returned for clickhouse\/excerpt\.sql/);
  checkQueryResult(provenance, { fileName: 'excerpt.jsonl', sha256: 'd'.repeat(64) }, 'case1');
});

test('before the check the words promise it, after it they state it; a finding counts the rows a warehouse query selected', () => {
  assert.match(describeQueryProvenance(provenance, false), /The file is imported only if it is byte for byte the result it names/);
  assert.match(describeQueryProvenance(provenance, true), /This file is byte for byte the result it names \(SHA-256 d{64}\); the provenance is the record of whoever ran the query\.$/);
  const sources = [{ id: 'w', settings: { fromQuery: provenance } }, { id: 'g', settings: {} }];
  assert.equal(rowsFromQueries([{ sourceId: 'w' }, { sourceId: 'g' }, { sourceId: 'w' }], sources), 2);
  assert.equal(rowsFromQueries([{ sourceId: 'g' }], sources), 0);
});
