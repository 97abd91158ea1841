import { UnusableFileError } from '../errors';
import { z } from 'zod';
import { sha256Hex } from '../hash';
import type { SourceRecord } from '../model/records';
import { formatInstant } from '../time-format';

/**
 * Where a log imported from a warehouse came from: the query of the case's
 * pack that made it (its text and SHA-256), the engine that ran it, when,
 * and the SHA-256 of the result as the engine returned it. Written by
 * run-query-pack beside each result, or by the lab's data team by hand
 * (the pack's README gives the fields); kept in the source's settings.
 */
export const QueryProvenance = z.object({
  query: z.string().min(1),
  querySha256: z.string().regex(/^[0-9a-f]{64}$/),
  queryText: z.string().min(1),
  case: z.object({ id: z.string(), title: z.string(), historyHead: z.string() }),
  engine: z.string().min(1),
  engineVersion: z.string().min(1),
  server: z.string().optional(),
  database: z.string().optional(),
  ranAt: z.iso.datetime({ offset: true }),
  result: z.string(),
  resultSha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().nonnegative(),
});
export type QueryProvenance = z.infer<typeof QueryProvenance>;

/** A provenance file's fields, or a refusal naming the file and the field that is wrong. */
export function readQueryProvenance(text: string, fileName: string): QueryProvenance {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UnusableFileError(`${fileName} is not JSON: ${(error as Error).message}`);
  }
  const parsed = QueryProvenance.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UnusableFileError(`${fileName} is not a query's provenance: ${issue.path.length ? `the field “${issue.path.join('.')}”` : 'the file'}: ${issue.message}`);
  }
  if (sha256Hex(parsed.data.queryText) !== parsed.data.querySha256) throw new UnusableFileError(`${fileName}: the query's text does not have the SHA-256 it records; the query was changed after it ran`);
  return parsed.data;
}

/** Refuses a result that is not the one the provenance describes, or that was made for another case. */
export function checkQueryResult(provenance: QueryProvenance, result: { fileName: string; sha256: string }, caseId: string): void {
  if (provenance.case.id !== caseId) throw new UnusableFileError(`${result.fileName} comes from a query made for another case (${provenance.case.title}, ${provenance.case.id})`);
  if (provenance.resultSha256 !== result.sha256) {
    throw new UnusableFileError(`${result.fileName} has the SHA-256 ${result.sha256}, not ${provenance.resultSha256}, which ${provenance.engine} returned for ${provenance.query}: the result was changed after the query ran, or it is another file`);
  }
}

/** The provenance a log source was imported with, if it came from a warehouse query. */
export function queryProvenanceOf(source: Pick<SourceRecord, 'settings'>): QueryProvenance | undefined {
  const parsed = QueryProvenance.safeParse(source.settings.fromQuery);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Where a warehouse result came from, for the import dialog (before the file
 * is checked), the source view and the bundle (after). Worded as what it
 * is: the app checks the file against its provenance; the provenance itself
 * is the record of whoever ran the query.
 */
export function describeQueryProvenance(p: QueryProvenance, checked: boolean): string {
  const file = checked ? `This file is byte for byte the result it names (SHA-256 ${p.resultSha256})` : `The file is imported only if it is byte for byte the result it names (SHA-256 ${p.resultSha256})`;
  return `Rows of the result of the warehouse query ${p.query} (SHA-256 ${p.querySha256}), which its provenance records as run on ${p.engine} ${p.engineVersion}${p.server ? ` at ${p.server}` : ''} at ${formatInstant(p.ranAt)} for this case's query pack (made at history event SHA-256 ${p.case.historyHead.slice(0, 16)}…). ${file}; the provenance is the record of whoever ran the query.`;
}

/** How many of these rows come from sources imported from warehouse queries: what a finding rests on that the lab's engine, not this app, selected. */
export function rowsFromQueries(rows: readonly { sourceId: string }[], sources: readonly Pick<SourceRecord, 'id' | 'settings'>[]): number {
  const fromQueries = new Set(sources.filter((s) => queryProvenanceOf(s)).map((s) => s.id));
  return fromQueries.size ? rows.filter((r) => fromQueries.has(r.sourceId)).length : 0;
}
