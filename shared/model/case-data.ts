import type { z } from 'zod';
import type { Json } from '../canonical-json';
import { verifyAuditChain } from '../audit/audit-chain';
import { bindRecords, checkRecordBinding, type BindingCheck } from '../audit/record-binding';
import type { CaseChange } from './case-change';
import { logRowsSha256Of } from './log-row-text';
import { AnalysisPlan, Annotation, AnnotationLabel, BundleRecord, CaseFields, Claim, ClaimElement, EvidenceLink, Finding, LogEntry, Marker, OutputPair, SourceRecord, TosClause, TosDocument, TosVersion, type AuditEvent, type CaseFieldsInput, type CaseRecord } from './records';

/**
 * The record tables of a case, by name, with the schema each row must pass.
 * The archive, the Dexie store and the CLI all walk this one list, so a new
 * table is added here once.
 */
export const RECORD_TABLES = {
  sources: SourceRecord,
  logEntries: LogEntry,
  outputPairs: OutputPair,
  tosDocuments: TosDocument,
  tosVersions: TosVersion,
  tosClauses: TosClause,
  claims: Claim,
  elements: ClaimElement,
  links: EvidenceLink,
  annotations: Annotation,
  findings: Finding,
  bundles: BundleRecord,
  markers: Marker,
  annotationLabels: AnnotationLabel,
  analysisPlans: AnalysisPlan,
} as const;

export type RecordTable = keyof typeof RECORD_TABLES;
export const RECORD_TABLE_NAMES = Object.keys(RECORD_TABLES) as RecordTable[];

export type CaseRecords = { [K in RecordTable]: z.infer<(typeof RECORD_TABLES)[K]>[] };

/** A whole case in memory: what an archive holds and what the CLI works on. */
export interface CaseData extends CaseRecords {
  case: CaseRecord;
  audit: AuditEvent[];
  /** The original bytes of each source, by source id. */
  originals: Map<string, Uint8Array>;
}

export function emptyRecords(): CaseRecords {
  return Object.fromEntries(RECORD_TABLE_NAMES.map((name) => [name, []])) as unknown as CaseRecords;
}

/** Case details as edited, with the audit entry that records what changed, field by field; null when nothing did. */
export function editCaseDetails(current: CaseRecord, input: CaseFieldsInput, actor: string): CaseChange | null {
  const fields = CaseFields.parse(input);
  const changes: { [field: string]: Json } = {};
  for (const key of Object.keys(fields) as (keyof CaseFields)[]) {
    if (current[key] !== fields[key]) changes[key] = { from: current[key], to: fields[key] };
  }
  if (Object.keys(changes).length === 0) return null;
  const record = { ...current, ...fields };
  const action = Object.keys(changes).length === 1 && changes.title ? 'case.renamed' : 'case.updated';
  return { case: record, audit: [{ actor, action, subject: fields.title, details: changes, records: bindRecords({ case: record }) }] };
}

/** Checks a case held in memory against its history, log rows included. */
export function checkCaseBinding(data: CaseData): BindingCheck {
  const { audit, originals: _bytes, logEntries, ...records } = data;
  return checkRecordBinding(audit, records, logRowsSha256Of(logEntries));
}

export interface CaseCounts {
  sources: number;
  logEntries: number;
  outputPairs: number;
  tosVersions: number;
  claims: number;
  links: number;
  annotations: number;
}

export interface CaseSummary {
  id: string;
  title: string;
  matterNumber: string;
  parties: string;
  batesPrefix: string;
  createdAt: string;
  updatedAt: string;
  counts: CaseCounts;
  audit: { events: number; verified: boolean; head: string; problems: string[] };
}

/** `logRows` for a case whose rows are not in memory (the CLI's, streamed from its archive). */
export function summarizeCase(data: CaseData, logRows = data.logEntries.length): CaseSummary {
  const audit = verifyAuditChain(data.audit);
  const { id, title, matterNumber, parties, batesPrefix, createdAt, updatedAt } = data.case;
  return {
    id,
    title,
    matterNumber,
    parties,
    batesPrefix,
    createdAt,
    updatedAt,
    counts: {
      sources: data.sources.length,
      logEntries: logRows,
      outputPairs: data.outputPairs.length,
      tosVersions: data.tosVersions.length,
      claims: data.claims.length,
      links: data.links.length,
      annotations: data.annotations.length,
    },
    audit: { events: audit.events, verified: audit.verified, head: audit.head, problems: audit.problems.map((p) => p.message) },
  };
}
