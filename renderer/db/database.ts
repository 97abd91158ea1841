import Dexie, { type Table } from 'dexie';
import { MIGRATIONS } from './migrations';
import type { CaseAnalysis } from '../../shared/analysis/case-analysis';
import type { CaseRecords } from '../../shared/model/case-data';
import type { AuditEvent, CaseRecord } from '../../shared/model/records';
import type { LogBlock, LogSourceIndex } from '../../shared/log-store/log-blocks';

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

/** The last analysis of a case, with the fingerprint of what it was computed from (see analysisFingerprint). */
export interface AnalysisRun {
  caseId: string;
  fingerprint: string;
  ranAt: string;
  analysis: CaseAnalysis;
}

/** A case open for review on this computer: until the reviewer leaves review mode, only marks and sign-offs are committed to it. */
export interface ReviewMode {
  caseId: string;
  reviewer: string;
  since: string;
}

/** The app's database: its schema is the versions in migrations/, applied in order, each with its upgrade. */
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
  /** Log rows as versions 7–9 stored them, until block-store-move.ts moves each case's into the log engine. */
  logBlocks!: Table<LogBlock, [string, number]>;
  logIndexes!: Table<LogSourceIndex, string>;
  reviewModes!: Table<ReviewMode, string>;

  constructor(name = 'evidence-desk') {
    super(name);
    for (const migration of MIGRATIONS) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}
