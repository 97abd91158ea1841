import { UnusableFileError } from '../errors';
import { joinBytes } from '../bytes';
import { sha256Hex } from '../hash';
import { newId } from '../ids';
import type { EvidenceKind, LogEntry, OutputPair, SourceRecord, TosClause, TosDocument, TosVersion } from '../model/records';
import { decodeText, type InputFile } from '../text/decode-text';
import type { TosProvenance } from '../tos/terms-history';
import type { FieldMapping } from './log-fields';
import { logSettingsFor, type LogFormat } from './log-import';
import { logSource, streamLog } from './log-stream';
import type { RandomAccessFile } from './parquet-rows';
import { makeSource } from './source-record';
import { defaultJoin, isCombinedPairs, joinAnswers, parseAnswers, parseCombinedPairs, readObjects, type AnswerFile, type JoinKey, type PairRole } from './pairs-import';
import type { RowRejection } from './rejections';
import { guessTosTitle, readTerms, type TermsReading } from '../tos/read-terms';
import { isCalendarDate } from '../time-format';
import { checkQueryResult, type QueryProvenance } from './query-provenance';

/** A file read in pieces as it is used (a log of any size, from disk or from memory), or at any offset (Parquet). */
export interface StreamedFile extends RandomAccessFile {
  name: string;
  chunks(): AsyncIterable<Uint8Array>;
}

/** A file in memory, read as a stream. */
export function streamedFile(file: InputFile): StreamedFile {
  return {
    name: file.name,
    size: file.bytes.length,
    async *chunks() {
      yield file.bytes;
    },
    slice: async (start, end) => file.bytes.subarray(start, end),
  };
}

export type ImportRequest =
  /** `fromQuery`: the log is a warehouse query's result, refused unless it is the result that provenance records, for this case. */
  | { kind: 'log'; file: StreamedFile | InputFile; mapping?: FieldMapping; format?: LogFormat; hasHeader?: boolean; identifiers?: string[]; years?: { from: number; to: number }; fromQuery?: QueryProvenance }
  | { kind: 'pairs'; file: InputFile }
  /** Files of one model's answers each: one original, one suspect, any number of reference or related models. */
  | { kind: 'pairs-joined'; files: { file: InputFile; role: PairRole }[]; join?: JoinKey }
  | { kind: 'tos'; versions: TosVersionInput[]; title?: string };

/** One version of a terms document to import: its file, the file read (readTermsFile), the day it took effect. */
export interface TosVersionInput {
  file: InputFile;
  reading: TermsReading;
  effectiveDate: string;
  provenance?: TosProvenance;
}

/** A Markdown, HTML or plain-text version read at once (a PDF is read with readTermsFile first). */
export function termsVersion(file: InputFile, effectiveDate: string): TosVersionInput {
  return { file, reading: readTerms(file.name, file.bytes), effectiveDate };
}

/** What the case already holds that an import must respect. */
export interface ExistingCase {
  caseId: string;
  sources: readonly SourceRecord[];
  tosDocuments: readonly TosDocument[];
  tosVersions: readonly TosVersion[];
}

export interface FileRejection extends RowRejection {
  fileName: string;
}

export interface ImportedRecords {
  sources: SourceRecord[];
  originals: Map<string, Uint8Array>;
  logEntries: LogEntry[];
  outputPairs: OutputPair[];
  /** Only documents that are new to the case. */
  tosDocuments: TosDocument[];
  tosVersions: TosVersion[];
  tosClauses: TosClause[];
}

export interface ImportResult {
  records: ImportedRecords;
  rejections: FileRejection[];
  /** Files whose exact bytes are already in the case; nothing of them is imported again. */
  alreadyImported: { fileName: string; existing: SourceRecord }[];
  /** Facts the user should read: assumptions made, prompts left unpaired. */
  notes: string[];
}

function emptyRecords(): ImportedRecords {
  return { sources: [], originals: new Map(), logEntries: [], outputPairs: [], tosDocuments: [], tosVersions: [], tosClauses: [] };
}

/** Where a log's rows go as they are read, instead of into the result: the CLI writes them into the case file as they come. */
export interface LogRowsSink {
  sourceId: string;
  rows(batch: LogEntry[]): Promise<void> | void;
}

/**
 * Reads the files of one import into the records they become, in memory.
 * It stores nothing: the CLI adds the result to an archive; the app writes
 * pairs and terms to IndexedDB in one transaction, and streams logs through
 * the same streamLog into its store. With `logRows`, a log's rows and
 * original bytes are not kept in the result: the rows go to the sink, and
 * the caller has the file. Throws UnusableFileError for a file that cannot
 * be used at all.
 */
export async function runImport(existing: ExistingCase, request: ImportRequest, actor: string, now: Date = new Date(), logRows?: LogRowsSink): Promise<ImportResult> {
  const result: ImportResult = { records: emptyRecords(), rejections: [], alreadyImported: [], notes: [] };
  if (request.kind === 'tos') return importTosVersions(existing, request, actor, now, result);
  const files = request.kind === 'pairs-joined' ? request.files.map((f) => f.file) : request.kind === 'pairs' ? [request.file] : [];
  const hashes = files.map((f) => sha256Hex(f.bytes));
  files.forEach((file, i) => {
    const existingSource = existing.sources.find((s) => s.sha256 === hashes[i]);
    if (existingSource) result.alreadyImported.push({ fileName: file.name, existing: existingSource });
  });
  if (result.alreadyImported.length > 0) return result;

  const source = (id: string, file: InputFile, i: number, kind: EvidenceKind, counts: { records: number; rejected: number }, settings: Record<string, unknown>, lineCheckpoints?: number[]) => {
    const rejectedRows = result.rejections.filter((r) => r.fileName === file.name);
    const record = makeSource({ id, caseId: existing.caseId, kind, fileName: file.name, size: file.bytes.length, sha256: hashes[i]!, actor, now, recordCount: counts.records, rejectedCount: counts.rejected, rejectedRows, lineCheckpoints, settings });
    result.records.sources.push(record);
    result.records.originals.set(record.id, file.bytes);
    return record;
  };
  const reject = (fileName: string, rejections: RowRejection[]) => result.rejections.push(...rejections.map((r) => ({ ...r, fileName })));
  const ids = { caseId: existing.caseId, sourceId: logRows?.sourceId ?? newId() };
  const originals: Uint8Array[] = [];

  switch (request.kind) {
    case 'log': {
      const file = 'bytes' in request.file ? streamedFile(request.file) : request.file;
      const read = await streamLog(
        { ...ids, fileName: file.name, chunks: file.chunks(), random: file, totalBytes: file.size, settings: (detected) => logSettingsFor(detected, request) },
        {
          original: (bytes) => {
            if (!logRows) originals.push(bytes);
          },
          entries: (batch) => {
            if (logRows) return logRows.rows(batch);
            for (const entry of batch) result.records.logEntries.push(entry);
          },
        },
      );
      if (request.fromQuery) checkQueryResult(request.fromQuery, { fileName: file.name, sha256: read.sha256 }, existing.caseId);
      const existingSource = existing.sources.find((s) => s.sha256 === read.sha256);
      if (existingSource) return { ...result, records: emptyRecords(), alreadyImported: [{ fileName: file.name, existing: existingSource }] };
      const { source, notes } = logSource(read, { ...ids, fileName: file.name, actor, now, ...(request.fromQuery && { fromQuery: request.fromQuery }) });
      result.notes.push(...notes);
      for (const r of read.rejections) result.rejections.push({ ...r, fileName: file.name });
      result.records.sources.push(source);
      if (!logRows) result.records.originals.set(source.id, joinBytes(originals, read.size));
      break;
    }
    case 'pairs': {
      const { text, encoding } = decodeText(request.file.bytes, request.file.name);
      const { objects } = readObjects(text);
      if (!isCombinedPairs(objects)) {
        throw new UnusableFileError(`${request.file.name} is not a file of output pairs: its first row has no original and suspect outputs. A file with one model's answers is imported with --original, --suspect and --control (or --related)`);
      }
      const parsed = parseCombinedPairs(text, ids, request.file.name);
      reject(request.file.name, parsed.rejections);
      source(ids.sourceId, request.file, 0, 'pairs', { records: parsed.pairs.length, rejected: parsed.rejections.length }, { format: parsed.format, encoding, layout: 'combined' });
      result.records.outputPairs = parsed.pairs;
      break;
    }
    case 'pairs-joined': {
      const roles = request.files.map((f) => f.role);
      for (const role of ['original', 'suspect'] as const) {
        const count = roles.filter((r) => r === role).length;
        if (count !== 1) throw new UnusableFileError(`Joining answers needs exactly one file as the ${role}; ${count} ${count === 1 ? 'is' : 'are'} marked so`);
      }
      const answerFiles: AnswerFile[] = files.map((file, i) => {
        const { text } = decodeText(file.bytes, file.name);
        const parsed = parseAnswers(text);
        if (parsed.answers.length === 0) throw new UnusableFileError(`${file.name} holds no model answers (${parsed.rejections[0] ? `line ${parsed.rejections[0].line}: ${parsed.rejections[0].reason}` : 'it is empty'})`);
        reject(file.name, parsed.rejections);
        return { role: roles[i]!, sourceId: newId(), fileName: file.name, answers: parsed.answers };
      });
      const join = request.join ?? defaultJoin(answerFiles);
      const { pairs, report } = joinAnswers(existing.caseId, answerFiles, join);
      for (const d of report.duplicates) reject(d.fileName, [d.rejection]);
      for (const only of report.onlyIn) {
        const what = only.role === 'original' ? 'with no suspect answer, left unpaired' : only.role === 'suspect' ? 'with no original answer, left unpaired' : 'not in the pairs';
        result.notes.push(`${only.fileName} (${only.role}): ${only.keys.length} prompt${only.keys.length === 1 ? '' : 's'} ${what}`);
      }
      const named = (role: PairRole) => request.files.find((f) => f.role === role)!.file.name;
      if (pairs.length === 0) throw new UnusableFileError(`No prompt appears in both ${named('original')} and ${named('suspect')} when joined by ${join === 'id' ? 'prompt id' : 'exact prompt text'}`);
      answerFiles.forEach((file, i) => {
        const rejected = result.rejections.filter((r) => r.fileName === file.fileName).length;
        source(file.sourceId, files[i]!, i, 'pairs', { records: file.answers.length, rejected }, { layout: 'joined', role: file.role, join, pairs: pairs.length });
      });
      result.records.outputPairs = pairs;
      break;
    }
  }
  return result;
}

/**
 * One or more versions of a terms document, in one go (a folder of dated
 * files, an Open Terms Archive history): each keeps its bytes, its reading
 * and its provenance. A version whose bytes are already in the case, or
 * repeat an earlier one, is skipped and said so; any version that cannot be
 * used refuses the whole import, naming its file.
 */
function importTosVersions(existing: ExistingCase, request: Extract<ImportRequest, { kind: 'tos' }>, actor: string, now: Date, result: ImportResult): ImportResult {
  if (request.versions.length === 0) throw new UnusableFileError('No version of the terms was given');
  const seen = new Map<string, string>();
  const fresh: (TosVersionInput & { sha256: string })[] = [];
  for (const version of request.versions) {
    if (!isCalendarDate(version.effectiveDate)) throw new UnusableFileError(`${version.file.name}: the effective date “${version.effectiveDate}” is not a date in the form YYYY-MM-DD`);
    const sha256 = sha256Hex(version.file.bytes);
    const existingSource = existing.sources.find((s) => s.sha256 === sha256);
    if (existingSource) result.alreadyImported.push({ fileName: version.file.name, existing: existingSource });
    else if (seen.has(sha256)) result.notes.push(`${version.file.name} is byte for byte the same as ${seen.get(sha256)}; it was not imported twice`);
    else {
      seen.set(sha256, version.file.name);
      fresh.push({ ...version, sha256 });
    }
  }
  if (fresh.length === 0) return result;
  // Some versions are new: the import goes ahead, and the ones already in the case become notes.
  for (const item of result.alreadyImported) result.notes.push(`${item.fileName} is already in the case (as ${item.existing.fileName}); it was not imported again`);
  result.alreadyImported = [];

  const title = request.title?.trim() || guessTosTitle(fresh[0]!.file.name, fresh[0]!.reading);
  const document = existing.tosDocuments.find((d) => d.title.toLowerCase() === title.toLowerCase()) ?? { id: newId(), caseId: existing.caseId, title };
  if (!existing.tosDocuments.includes(document)) result.records.tosDocuments.push(document);
  const dates = new Map<string, string>();
  for (const version of fresh) {
    const clash = existing.tosVersions.find((v) => v.documentId === document.id && v.effectiveDate === version.effectiveDate);
    if (clash) throw new UnusableFileError(`${version.file.name}: “${title}” already has a version effective on ${version.effectiveDate}`);
    const twin = dates.get(version.effectiveDate);
    if (twin) throw new UnusableFileError(`${twin} and ${version.file.name} are both dated ${version.effectiveDate}; a document has one version per effective date`);
    dates.set(version.effectiveDate, version.file.name);
  }
  for (const version of fresh) {
    const { file, reading } = version;
    const source = makeSource({
      caseId: existing.caseId,
      kind: 'tos',
      fileName: file.name,
      size: file.bytes.length,
      sha256: version.sha256,
      actor,
      now,
      recordCount: reading.clauses.length,
      rejectedCount: 0,
      settings: { encoding: reading.encoding, format: reading.format, title, effectiveDate: version.effectiveDate, ...(version.provenance && { provenance: version.provenance }) },
    });
    result.records.sources.push(source);
    result.records.originals.set(source.id, file.bytes);
    const record: TosVersion = { id: newId(), caseId: existing.caseId, documentId: document.id, sourceId: source.id, effectiveDate: version.effectiveDate, text: reading.text };
    result.records.tosVersions.push(record);
    result.records.tosClauses.push(...reading.clauses.map((c, order) => ({ id: newId(), caseId: existing.caseId, versionId: record.id, order, ...c })));
    result.notes.push(...reading.notes.map((note) => `${file.name}: ${note}`));
  }
  return result;
}

