import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { verifyAuditChain } from '../audit/audit-chain';
import { sha256Hex } from '../hash';
import { RECORD_TABLE_NAMES, RECORD_TABLES, defaultLists, emptyRecords, type CaseData, type CaseRecords } from '../model/case-data';
import { AuditEvent, CaseRecord } from '../model/records';
import { describeIssues } from '../validation';

/**
 * The `.evcase` file: one zip holding a whole case, for backup and hand-over.
 *
 *   case.json               manifest: format, the case, counts, audit head, originals
 *   audit.jsonl             the audit events in order
 *   records/<table>.jsonl   one JSON record per line, one file per table
 *   originals/<id>/<name>   each imported file, byte for byte
 */

export const ARCHIVE_FORMAT = 'evidence-desk/case-archive';
export const ARCHIVE_EXTENSION = 'evcase';

const Manifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(1),
  writtenAt: z.iso.datetime({ offset: true }),
  case: CaseRecord,
  audit: z.object({ events: z.number().int().nonnegative(), head: z.string() }),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  originals: z.array(
    z.object({ sourceId: z.string(), path: z.string(), sha256: z.string(), size: z.number().int().nonnegative() }),
  ),
});
type Manifest = z.infer<typeof Manifest>;

/** An archive that was refused; the message says what is wrong with it. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

// A fixed zip timestamp keeps archives of the same case byte-identical.
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

function jsonl(rows: readonly unknown[]): Uint8Array {
  return strToU8(rows.map((row) => JSON.stringify(row)).join('\n'));
}

function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .slice(0, 120);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'original' : cleaned;
}

export function writeCaseArchive(data: CaseData, now: Date = new Date()): Uint8Array {
  const files: Zippable = {};
  const originals: Manifest['originals'] = [];
  for (const source of data.sources) {
    const bytes = data.originals.get(source.id);
    if (!bytes) throw new Error(`The original bytes of ${source.fileName} are missing from the case`);
    const path = `originals/${source.id}/${safeFileName(source.fileName)}`;
    files[path] = [bytes, { level: 6 }];
    originals.push({ sourceId: source.id, path, sha256: source.sha256, size: bytes.length });
  }
  const tables: Record<string, number> = {};
  for (const name of RECORD_TABLE_NAMES) {
    tables[name] = data[name].length;
    files[`records/${name}.jsonl`] = jsonl(data[name]);
  }
  files['audit.jsonl'] = jsonl(data.audit);
  const last = data.audit[data.audit.length - 1];
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: 1,
    writtenAt: now.toISOString(),
    case: data.case,
    audit: { events: data.audit.length, head: last ? last.hash : '' },
    tables,
    originals,
  };
  files['case.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(files, { level: 6, mtime: ZIP_MTIME });
}

function unzip(bytes: Uint8Array, fileName: string): Record<string, Uint8Array> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) throw new ArchiveError(`${fileName} is not a case archive: it is not a zip file`);
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw new ArchiveError(`${fileName} is truncated or damaged: its zip data cannot be read (${(error as Error).message})`);
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ArchiveError(`${where} is not valid JSON`);
  }
}

function readLines<S extends z.ZodType>(
  files: Record<string, Uint8Array>,
  path: string,
  schema: S,
  expectedCount: number,
  fileName: string,
): z.infer<S>[] {
  const file = files[path];
  if (!file) throw new ArchiveError(`${fileName} is incomplete: ${path} is missing`);
  const text = strFromU8(file);
  const lines = text === '' ? [] : text.split('\n');
  const rows = lines.map((line, i) => {
    const result = schema.safeParse(parseJson(line, `${fileName}: ${path} line ${i + 1}`));
    if (!result.success) throw new ArchiveError(`${fileName}: ${path} line ${i + 1}: ${describeIssues(result.error)}`);
    return result.data;
  });
  if (rows.length !== expectedCount) {
    throw new ArchiveError(`${fileName}: ${path} holds ${rows.length} records but the manifest records ${expectedCount}`);
  }
  return rows;
}

/**
 * Reads and checks an archive. Throws ArchiveError, naming the file and the
 * fault, if it is not an archive, is damaged, holds records that do not
 * validate, has originals that no longer match their SHA-256, or has an
 * audit history that does not verify. Nothing is returned unless all pass.
 */
export function readCaseArchive(bytes: Uint8Array, fileName = 'The archive'): CaseData {
  const files = unzip(bytes, fileName);
  const manifestBytes = files['case.json'];
  if (!manifestBytes) throw new ArchiveError(`${fileName} is not a case archive: it has no case.json`);
  const parsed = Manifest.safeParse(parseJson(strFromU8(manifestBytes), `${fileName}: case.json`));
  if (!parsed.success) throw new ArchiveError(`${fileName}: case.json: ${describeIssues(parsed.error)}`);
  const manifest = parsed.data;
  const caseId = manifest.case.id;

  // A table newer than the archive is not in it: it starts as a new case's would.
  const records = { ...emptyRecords(), ...defaultLists(caseId) };
  for (const name of RECORD_TABLE_NAMES) {
    if (manifest.tables[name] === undefined) continue;
    const rows = readLines(files, `records/${name}.jsonl`, RECORD_TABLES[name], manifest.tables[name], fileName);
    const foreign = rows.findIndex((row) => row.caseId !== caseId);
    if (foreign >= 0) {
      throw new ArchiveError(`${fileName}: records/${name}.jsonl line ${foreign + 1} belongs to another case`);
    }
    (records as Record<string, unknown[]>)[name] = rows;
  }

  const originals = checkOriginals(files, manifest, records, fileName);

  const audit = readLines(files, 'audit.jsonl', AuditEvent, manifest.audit.events, fileName);
  const verification = verifyAuditChain(audit, manifest.audit);
  if (!verification.verified) {
    throw new ArchiveError(`${fileName}: the audit history does not verify: ${verification.problems.map((p) => p.message).join('; ')}`);
  }
  if (audit.some((event) => event.caseId !== caseId)) {
    throw new ArchiveError(`${fileName}: audit.jsonl holds events of another case`);
  }
  return { case: manifest.case, audit, originals, ...records };
}

function checkOriginals(
  files: Record<string, Uint8Array>,
  manifest: Manifest,
  records: CaseRecords,
  fileName: string,
): Map<string, Uint8Array> {
  const originals = new Map<string, Uint8Array>();
  for (const source of records.sources) {
    const entry = manifest.originals.find((o) => o.sourceId === source.id);
    const bytes = entry ? files[entry.path] : undefined;
    if (!entry || !bytes) throw new ArchiveError(`${fileName}: the original file ${source.fileName} is missing`);
    const actual = sha256Hex(bytes);
    if (actual !== source.sha256 || entry.sha256 !== source.sha256) {
      throw new ArchiveError(
        `${fileName}: the original file ${source.fileName} does not match its recorded SHA-256 (recorded ${source.sha256}, found ${actual})`,
      );
    }
    originals.set(source.id, bytes);
  }
  return originals;
}
