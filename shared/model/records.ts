import { z } from 'zod';
import { LogFilter } from './log-filter';

/**
 * Every record the case store holds, as zod schemas. These are the edge
 * check for anything read from outside (archives, IPC); the inferred types
 * are what the rest of the code trusts.
 */

export const id = z.string().regex(/^[0-9a-z]{8,64}$/, 'must be an id of 8–64 lowercase letters and digits');
const isoTime = z.iso.datetime({ offset: true });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex');
const isoDate = z.iso.date();

export const DEFAULT_PRIVILEGE_LEGEND = 'PRIVILEGED & CONFIDENTIAL — ATTORNEY WORK PRODUCT';
export const DEFAULT_BATES_PREFIX = 'EV';

/** A Bates prefix as typed: the number follows it after a hyphen, so a prefix ending in one would print ANT--000001. */
export const batesPrefix = z
  .string()
  .trim()
  .max(12, 'Bates prefix must be at most 12 characters')
  .regex(/^[A-Z](?:-?[A-Z0-9])*$/, 'Bates prefix must be capital letters and digits, starting with a letter, with single hyphens only between them (the number follows after a hyphen of its own: NWA gives NWA-000001)');

/** A Bates prefix as cases made before that rule stored it (a trailing hyphen allowed); batesNumber drops the trailing hyphen. */
const storedBatesPrefix = z.string().regex(/^[A-Z][A-Z0-9-]{0,11}$/, 'Bates prefix must be 1–12 capital letters, digits or hyphens, starting with a letter');

/** What a user types when creating or editing a case. */
export const CaseFields = z.object({
  title: z.string().trim().min(1, 'Title is required').max(200, 'Title must be at most 200 characters'),
  matterNumber: z.string().trim().max(80, 'Matter number must be at most 80 characters').default(''),
  parties: z.string().trim().max(500, 'Parties must be at most 500 characters').default(''),
  privilegeLegend: z
    .string()
    .trim()
    .min(1, 'Privilege legend is required')
    .max(200, 'Privilege legend must be at most 200 characters')
    .default(DEFAULT_PRIVILEGE_LEGEND),
  batesPrefix: batesPrefix.default(DEFAULT_BATES_PREFIX),
});
export type CaseFields = z.infer<typeof CaseFields>;
export type CaseFieldsInput = z.input<typeof CaseFields>;

export const CaseRecord = CaseFields.extend({
  batesPrefix: storedBatesPrefix,
  id,
  createdAt: isoTime,
  createdBy: z.string().min(1),
  updatedAt: isoTime,
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const EvidenceKind = z.enum(['log', 'pairs', 'tos']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** One imported file. Its bytes are kept unchanged in the originals store. */
export const SourceRecord = z.object({
  id,
  caseId: id,
  kind: EvidenceKind,
  fileName: z.string().min(1).max(500),
  size: z.number().int().nonnegative(),
  sha256,
  importedAt: isoTime,
  importedBy: z.string().min(1),
  recordCount: z.number().int().nonnegative(),
  rejectedCount: z.number().int().nonnegative(),
  /** The rows that could not be read (the first 1,000), so the record of what was left out stays with the source. */
  rejectedRows: z.array(z.object({ line: z.number().int().positive(), reason: z.string() })).default([]),
  /**
   * For log sources, the line of every ROW_CHECKPOINT_EVERY-th row, so the
   * n-th row is found from the nearest checkpoint instead of by counting
   * from the start (which takes seconds a million rows in).
   */
  lineCheckpoints: z.array(z.number().int().positive()).default([]),
  /** Import settings (format, field mapping, effective date...) so the import can be explained later. */
  settings: z.record(z.string(), z.unknown()).default({}),
  /**
   * For log sources, the SHA-256 of the rows read from the file (logRowsText),
   * taken as they were read: the source record is bound to the history, so
   * the rows are too. Absent for logs imported before rows were hashed.
   */
  rowsSha256: sha256.optional(),
});
export type SourceRecord = z.infer<typeof SourceRecord>;

export const ROW_CHECKPOINT_EVERY = 1000;

/** Where a derived record came from: a source and a 1-based line number. */
export const SourceRef = z.object({ sourceId: id, line: z.number().int().positive() });
export type SourceRef = z.infer<typeof SourceRef>;

export const LogEntry = z.object({
  caseId: id,
  sourceId: id,
  line: z.number().int().positive(),
  /** UTC epoch milliseconds, null when the row had no readable timestamp. */
  ts: z.number().nullable(),
  tsText: z.string(),
  account: z.string().optional(),
  apiKey: z.string().optional(),
  ip: z.string().optional(),
  userAgent: z.string().optional(),
  endpoint: z.string().optional(),
  model: z.string().optional(),
  prompt: z.string().optional(),
  promptHash: z.string().optional(),
  tokensIn: z.number().optional(),
  tokensOut: z.number().optional(),
  requestId: z.string().optional(),
  status: z.string().optional(),
  /** Columns that were not mapped to a field, kept by their header name. */
  extra: z.record(z.string(), z.string()).optional(),
  raw: z.string(),
});
export type LogEntry = z.infer<typeof LogEntry>;

/** A log row as the analysis reads it: every field but its original text, which is most of a row's size and which no analysis reads. */
export type LogRow = Omit<LogEntry, 'raw'>;

export const ModelOutput = z.object({
  model: z.string(),
  text: z.string(),
  ref: SourceRef,
});
export type ModelOutput = z.infer<typeof ModelOutput>;

/**
 * The answers of several models to one prompt. `original` and `suspect` are
 * the roles the files were imported under; every other model's answer is
 * in `others`. Which of them form the reference panel, which are related
 * and which are excluded is the analysis plan's to say, so roles change
 * without a re-import.
 */
export const OutputPair = z
  .object({
    id,
    caseId: id,
    promptId: z.string(),
    prompt: z.string(),
    original: ModelOutput,
    suspect: ModelOutput,
    others: z.array(ModelOutput).default([]),
    /** Cases made before panels held one control model here; it becomes the first of `others`. */
    control: ModelOutput.optional(),
  })
  .transform(({ control, ...pair }) => ({ ...pair, others: pair.others.length || !control ? pair.others : [control] }));
export type OutputPair = z.output<typeof OutputPair>;

/** Every model's answer in a pair, the imported original and suspect first. */
export function pairOutputs(pair: OutputPair): ModelOutput[] {
  return [pair.original, pair.suspect, ...pair.others];
}

/** The output a target's field names: `control` is the other model named by `model`, the first other without one. */
export function fieldOutput(pair: OutputPair, field: 'original' | 'suspect' | 'control', model?: string): ModelOutput | undefined {
  if (field !== 'control') return pair[field];
  return model === undefined ? pair.others[0] : pair.others.find((o) => o.model === model);
}

export const TosDocument = z.object({ id, caseId: id, title: z.string().min(1) });
export type TosDocument = z.infer<typeof TosDocument>;

export const TosVersion = z.object({
  id,
  caseId: id,
  documentId: id,
  sourceId: id,
  effectiveDate: isoDate,
  /** The terms reduced to plain text; clause offsets point into it. */
  text: z.string(),
});
export type TosVersion = z.infer<typeof TosVersion>;

export const TosClause = z
  .object({
    id,
    caseId: id,
    versionId: id,
    order: z.number().int().nonnegative(),
    /** The clause's own number with its parents' (`D.4`, `L.3.b`), '' when it has none. */
    number: z.string(),
    /** How the clause is cited, unique in its version; absent in cases made before citations, where it is read as the number or ¶ and position. */
    citation: z.string().optional(),
    headingPath: z.array(z.string()),
    text: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** 1-based line in the original file (in its page, for a PDF). */
    line: z.number().int().positive(),
    page: z.number().int().positive().optional(),
    /** The clause as written in the source (Markdown, HTML) when that differs from its text. */
    markup: z.string().optional(),
  })
  .transform((c) => ({ ...c, citation: c.citation ?? legacyCitation(c) }));
/** The citation clauses split before citations existed were shown with. */
export function legacyCitation(c: { number: string; order: number }): string {
  return c.number || `¶${c.order + 1}`;
}
export type TosClause = z.output<typeof TosClause>;

export const Claim = z.object({
  id,
  caseId: id,
  order: z.number().int().nonnegative(),
  theory: z.string().trim().min(1, 'Legal theory is required').max(200, 'Legal theory must be at most 200 characters'),
  title: z.string().trim().min(1, 'Title is required').max(300, 'Title must be at most 300 characters'),
  description: z.string().max(5000, 'Description must be at most 5,000 characters').default(''),
});
export type Claim = z.infer<typeof Claim>;

export const ClaimElement = z.object({
  id,
  caseId: id,
  claimId: id,
  order: z.number().int().nonnegative(),
  text: z.string().trim().min(1, 'Element text is required').max(2000, 'Element text must be at most 2,000 characters'),
});
export type ClaimElement = z.infer<typeof ClaimElement>;

/** A character range in a text, in UTF-16 code units (JavaScript string offsets). */
export const Span = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, 'span end must not be before its start');
export type Span = z.infer<typeof Span>;

export const TargetKind = z.enum(['logRows', 'outputPair', 'tosClause', 'finding', 'annotation', 'source']);
export type TargetKind = z.infer<typeof TargetKind>;

/** What a link or an annotation points at. */
export const Target = z.object({
  kind: TargetKind,
  id: z.string().min(1),
  /** For output pairs: which text the span is in; `control` is one of the pair's other models, named by `model` (absent: the first). */
  field: z.enum(['prompt', 'original', 'suspect', 'control']).optional(),
  model: z.string().optional(),
  span: Span.optional(),
  /** For log rows: the selected rows. */
  rows: z.array(SourceRef).optional(),
  /** For log rows chosen in the log browser: the filter it showed and how many rows that filter matched, so the exhibit says how the selection was made. */
  selectedBy: z.object({ filter: LogFilter, matched: z.number().int().nonnegative() }).optional(),
});
export type Target = z.infer<typeof Target>;

export const EvidenceLink = z.object({
  id,
  caseId: id,
  elementId: id,
  target: Target,
  note: z.string().max(2000, 'Note must be at most 2,000 characters'),
  stance: z.enum(['supports', 'undermines']),
  createdAt: isoTime,
  createdBy: z.string().min(1),
});
export type EvidenceLink = z.infer<typeof EvidenceLink>;

export const Annotation = z.object({
  id,
  caseId: id,
  target: Target,
  label: z.string().trim().min(1, 'Label is required'),
  comment: z.string().max(5000, 'Comment must be at most 5,000 characters'),
  author: z.string().min(1),
  createdAt: isoTime,
});
export type Annotation = z.infer<typeof Annotation>;

/** A label an expert gives an annotation; each case keeps its own editable list. */
export const AnnotationLabel = z.object({
  id,
  caseId: id,
  order: z.number().int().nonnegative(),
  name: z.string().trim().min(1, 'Label is required').max(60, 'Label must be at most 60 characters'),
});
export type AnnotationLabel = z.infer<typeof AnnotationLabel>;

export const Finding = z.object({
  id,
  caseId: id,
  kind: z.string().min(1),
  title: z.string().min(1),
  createdAt: isoTime,
  createdBy: z.string().min(1),
  settings: z.record(z.string(), z.unknown()),
  figures: z.record(z.string(), z.unknown()),
  rows: z.array(SourceRef),
  softwareVersion: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const MarkerKind = z.enum(['self-identification', 'mention', 'refusal', 'phrase']);
export type MarkerKind = z.infer<typeof MarkerKind>;

/**
 * A phrase an expert looks for in outputs: the suspect naming the original
 * model or its maker, a refusal or disclaimer template, a characteristic
 * phrase. Each case keeps its own editable list.
 */
export const Marker = z
  .object({
    id,
    caseId: id,
    order: z.number().int().nonnegative(),
    kind: MarkerKind,
    label: z.string().trim().min(1, 'Label is required').max(120, 'Label must be at most 120 characters'),
    pattern: z.string().min(1, 'Pattern is required').max(500, 'Pattern must be at most 500 characters'),
    /** A JavaScript regular expression rather than literal text. */
    regex: z.boolean(),
    /** Chosen after reading the answers (made from an annotated phrase): described in a report, never tested as if declared beforehand. */
    postHoc: z.literal(true).optional(),
  })
  .superRefine((m, ctx) => {
    if (!m.regex) return;
    try {
      new RegExp(m.pattern, 'giu');
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regular expression (${(error as Error).message})` });
    }
  });
export type Marker = z.infer<typeof Marker>;

/**
 * What a model is in an attribution analysis: the original whose outputs
 * were taken, a suspect, a reference (an unrelated model in the panel the
 * suspect is compared against), related (same maker or family: shown,
 * never a reference), known-derived (trained on the original's outputs, a
 * calibration positive), known-negative (known not to derive from the
 * original, such as a capable model of another vendor that writes in the
 * same assistant style: the rule is run on it as a calibration negative) or
 * excluded.
 */
export const ModelRole = z.enum(['original', 'suspect', 'reference', 'related', 'known-derived', 'known-negative', 'excluded']);
export type ModelRole = z.infer<typeof ModelRole>;

/**
 * An analysis plan, recorded before the suspect's answers are looked at:
 * the roles, the primary measure and everything else that decides the
 * confirmatory figures. Plans are never edited; a change is a new version,
 * and the report says which version its figures follow and whether that
 * version was recorded before the suspect's answers were imported.
 */
export const AnalysisPlan = z.object({
  id,
  caseId: id,
  version: z.number().int().positive(),
  recordedAt: isoTime,
  recordedBy: z.string().min(1),
  /** Each model's role; a release or first-observation date, with where it comes from, where known. */
  roles: z.array(z.object({ model: z.string().min(1), role: ModelRole, released: z.string().max(40).optional(), source: z.string().max(300).optional() })),
  /** The pre-declared measure (a metric name of the pair analysis). */
  primary: z.string().min(1),
  secondary: z.array(z.string()),
  /** Family-wise error level of the decision rule. */
  alpha: z.number().gt(0).lt(0.5),
  /** Fewer reference models than this and the analysis concludes nothing. */
  minPanel: z.number().int().min(2).max(100),
  seed: z.number().int(),
  settings: z.record(z.string(), z.unknown()),
  markers: z.array(z.object({ kind: MarkerKind, label: z.string(), pattern: z.string(), regex: z.boolean(), postHoc: z.literal(true).optional() })),
  /** SHA-256 of the plan's content (everything but id, version, time and author), as written to the audit trail. */
  sha256,
});
export type AnalysisPlan = z.infer<typeof AnalysisPlan>;

export const BundleRecord = z.object({
  id,
  caseId: id,
  fileName: z.string().min(1),
  createdAt: isoTime,
  createdBy: z.string().min(1),
  sha256,
  signer: z.string().nullable(),
  pages: z.number().int().nonnegative(),
});
export type BundleRecord = z.infer<typeof BundleRecord>;

export const AuditEvent = z.object({
  caseId: id,
  seq: z.number().int().positive(),
  at: isoTime,
  actor: z.string().min(1),
  /** The SHA-256 fingerprint of the actor's signing identity, as upper-case hex pairs, when they work with one. */
  actorFingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/).optional(),
  action: z.string().min(1),
  subject: z.string(),
  details: z.record(z.string(), z.json()),
  /** The records the event created, changed (their hash now) or removed (null), by table and id: see shared/audit/record-binding.ts. */
  records: z.record(z.string(), z.record(z.string(), sha256.nullable())).optional(),
  prevHash: sha256,
  hash: sha256,
});
export type AuditEvent = z.infer<typeof AuditEvent>;
