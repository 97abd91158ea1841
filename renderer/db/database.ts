import Dexie, { type Table } from 'dexie';
import { defaultMarkers } from '../../shared/analysis/markers';
import { defaultAnnotationLabels } from '../../shared/claims/annotation-labels';
import type { CaseAnalysis } from '../../shared/analysis/case-analysis';
import type { CaseRecords } from '../../shared/model/case-data';
import type { AuditEvent, CaseRecord, LogEntry } from '../../shared/model/records';
import { BLOCK_ROWS, LogBlockWriter, blockFields, type LogBlock, type LogPostings, type LogSourceIndex } from '../../shared/log-store/log-blocks';
import { LogChunkWriter, type LogChunk } from '../../shared/log-store/log-chunks';

/** A piece of an original file; large files are stored in pieces so they can be written as they are read. */
export interface OriginalChunk {
  sourceId: string;
  caseId: string;
  seq: number;
  bytes: Uint8Array;
}

/** Rows of an import not yet committed: removed if it is cancelled, fails, or the app closed half-way. */
export interface PendingImport {
  sourceId: string;
  caseId: string;
  startedAt: string;
}

type Row<K extends keyof CaseRecords> = CaseRecords[K][number];

/**
 * Schema version 1. Versions are only ever appended: a change is a new
 * `this.version(n)` with an `.upgrade()`, never an edit of an old one.
 * Every table has a caseId index so a case can be exported or deleted whole.
 */
export const SCHEMA_V1 = {
  cases: 'id, updatedAt',
  sources: 'id, caseId, [caseId+sha256]',
  originalChunks: '[sourceId+seq], caseId',
  logEntries: '[sourceId+line], caseId, [caseId+ts], [caseId+account], [caseId+apiKey], [caseId+ip]',
  outputPairs: 'id, caseId, promptId',
  tosDocuments: 'id, caseId',
  tosVersions: 'id, caseId, documentId, [documentId+effectiveDate]',
  tosClauses: 'id, caseId, versionId',
  claims: 'id, caseId',
  elements: 'id, caseId, claimId',
  links: 'id, caseId, elementId, target.id',
  annotations: 'id, caseId, target.id',
  findings: 'id, caseId',
  bundles: 'id, caseId',
  auditEvents: '[caseId+seq], caseId',
} as const;

/**
 * Version 2: imports stream into the tables before they are committed, so
 * the rows of an unfinished import are found and removed by their source.
 */
export const SCHEMA_V2 = { pendingImports: 'sourceId, caseId' } as const;

/**
 * Version 3: each case keeps its own editable list of markers (phrases an
 * expert looks for in outputs); existing cases get the default list.
 */
export const SCHEMA_V3 = { markers: 'id, caseId' } as const;

/**
 * Version 4: each case keeps its own editable list of annotation labels;
 * existing cases get the default list. Annotations hold their label's text,
 * so changing the list never changes an annotation already made.
 */
export const SCHEMA_V4 = { annotationLabels: 'id, caseId' } as const;

/**
 * Version 5: clauses carry a citation unique in their version. Clauses split
 * before then keep their split and get the citation they were shown with
 * (their number, or ¶ and position); the rule is written out here, not
 * called, so this upgrade never changes with later code.
 */
export const SCHEMA_V5 = {} as const;

/**
 * Version 6: a pair holds any number of other models' answers (`others`),
 * the single control of earlier cases becoming the first of them; analysis
 * plans are kept, one record per recorded version; the last analysis of
 * each case is kept (not part of the case: it is recomputed from it).
 */
export const SCHEMA_V6 = { analysisPlans: 'id, caseId', analysisRuns: 'caseId' } as const;

/**
 * Version 7: log rows are stored in blocks with posting lists and a time
 * order (shared/log-store/log-blocks.ts) instead of one record per row; the
 * rows of every imported log are moved into them. Version 8 drops the old
 * one-record-per-row table, once its rows have been moved.
 */
export const SCHEMA_V7 = { logBlocks: '[sourceId+block], caseId', logPostings: '[sourceId+field+bucket], caseId', logIndexes: 'sourceId, caseId' } as const;
export const SCHEMA_V8 = { logEntries: null } as const;

/**
 * Version 9: beside the blocks the log browser reads, the fields the
 * analyses read are kept in large column chunks (shared/log-store/log-chunks.ts);
 * the chunks of every imported log are made from its blocks.
 */
export const SCHEMA_V9 = { logChunks: '[sourceId+chunk], caseId' } as const;

const MIGRATED_ROWS_PER_READ = 20_000;
const MIGRATED_BLOCKS_PER_READ = 256;

/** The last analysis of a case, with the fingerprint of what it was computed from (see analysisFingerprint). */
export interface AnalysisRun {
  caseId: string;
  fingerprint: string;
  ranAt: string;
  analysis: CaseAnalysis;
}

export class EvidenceDatabase extends Dexie {
  cases!: Table<CaseRecord, string>;
  sources!: Table<Row<'sources'>, string>;
  originalChunks!: Table<OriginalChunk, [string, number]>;
  outputPairs!: Table<Row<'outputPairs'>, string>;
  tosDocuments!: Table<Row<'tosDocuments'>, string>;
  tosVersions!: Table<Row<'tosVersions'>, string>;
  tosClauses!: Table<Row<'tosClauses'>, string>;
  claims!: Table<Row<'claims'>, string>;
  elements!: Table<Row<'elements'>, string>;
  links!: Table<Row<'links'>, string>;
  annotations!: Table<Row<'annotations'>, string>;
  findings!: Table<Row<'findings'>, string>;
  bundles!: Table<Row<'bundles'>, string>;
  auditEvents!: Table<AuditEvent, [string, number]>;
  pendingImports!: Table<PendingImport, string>;
  markers!: Table<Row<'markers'>, string>;
  annotationLabels!: Table<Row<'annotationLabels'>, string>;
  analysisPlans!: Table<Row<'analysisPlans'>, string>;
  analysisRuns!: Table<AnalysisRun, string>;
  logBlocks!: Table<LogBlock, [string, number]>;
  logPostings!: Table<LogPostings, [string, string, number]>;
  logIndexes!: Table<LogSourceIndex, string>;
  logChunks!: Table<LogChunk, [string, number]>;

  constructor(name = 'evidence-desk') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        const caseIds = await tx.table('cases').toCollection().primaryKeys();
        await tx.table('markers').bulkAdd(caseIds.flatMap((caseId) => defaultMarkers(String(caseId))));
      });
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const caseIds = await tx.table('cases').toCollection().primaryKeys();
        await tx.table('annotationLabels').bulkAdd(caseIds.flatMap((caseId) => defaultAnnotationLabels(String(caseId))));
      });
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        await tx
          .table('tosClauses')
          .toCollection()
          .modify((clause: { number: string; order: number; citation?: string }) => {
            clause.citation ??= clause.number || `¶${clause.order + 1}`;
          });
      });
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade(async (tx) => {
        await tx
          .table('outputPairs')
          .toCollection()
          .modify((pair: { control?: unknown; others?: unknown[] }) => {
            pair.others ??= pair.control ? [pair.control] : [];
            delete pair.control;
          });
      });
    this.version(7)
      .stores(SCHEMA_V7)
      .upgrade(async (tx) => {
        const sources = (await tx.table('sources').toArray()) as { id: string; caseId: string; kind: string }[];
        for (const source of sources.filter((s) => s.kind === 'log')) {
          const writer = new LogBlockWriter(source.caseId, source.id);
          for (let after = 0; ; ) {
            const rows = (await tx.table('logEntries').where('[sourceId+line]').between([source.id, after + 1], [source.id, Dexie.maxKey]).limit(MIGRATED_ROWS_PER_READ).toArray()) as LogEntry[];
            if (rows.length === 0) break;
            await tx.table('logBlocks').bulkAdd(writer.add(rows));
            after = rows[rows.length - 1]!.line;
          }
          const { blocks, postings, index } = writer.finish();
          await tx.table('logBlocks').bulkAdd(blocks);
          await tx.table('logPostings').bulkAdd(postings);
          await tx.table('logIndexes').add(index);
        }
      });
    this.version(8).stores(SCHEMA_V8);
    this.version(9)
      .stores(SCHEMA_V9)
      .upgrade(async (tx) => {
        for (const index of (await tx.table('logIndexes').toArray()) as LogSourceIndex[]) {
          const writer = new LogChunkWriter(index.caseId, index.sourceId);
          const blocks = Math.ceil(index.rows / BLOCK_ROWS);
          for (let from = 0; from < blocks; from += MIGRATED_BLOCKS_PER_READ) {
            const read = (await tx.table('logBlocks').where('[sourceId+block]').between([index.sourceId, from], [index.sourceId, from + MIGRATED_BLOCKS_PER_READ], true, false).toArray()) as LogBlock[];
            await tx.table('logChunks').bulkAdd(writer.add(read.flatMap((block) => blockFields(block))));
          }
          await tx.table('logChunks').bulkAdd(writer.finish());
        }
      });
  }
}
