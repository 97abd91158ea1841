import * as fs from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { LOG_FIELDS, normalizeColumnName, type FieldMapping, type LogField } from '../../shared/import/log-fields';
import type { LogFormat } from '../../shared/import/log-import';
import { describeRejection } from '../../shared/import/rejections';
import type { PairRole } from '../../shared/import/pairs-import';
import { BatchChannel } from '../../shared/batch-channel';
import { newId } from '../../shared/ids';
import { runImport, type ImportRequest, type ImportResult, type StreamedFile, type TosVersionInput } from '../../shared/import/run-import';
import type { InputFile } from '../../shared/text/decode-text';
import type { LogEntry } from '../../shared/model/records';
import { dateInFileName, readTermsFile } from '../../shared/tos/read-terms';
import { folderVersions, readOtaVersions, type RecordedVersion } from '../../shared/tos/terms-history';
import { cliActor } from '../actor';
import { Unchanged, UsageError, readBytes, saveCaseFile, streamedDiskFile, withCaseFile, type CaseFile } from '../case-file';
import { Refusal, UnusableFileError } from '../../shared/errors';
import { formatInstant } from '../../shared/time-format';
import { applyChange } from '../../shared/model/case-change';
import { importChange } from '../../shared/import/source-record';
import { readQueryProvenance, type QueryProvenance } from '../../shared/import/query-provenance';

export const IMPORT_USAGE = [
  'import <case-file> <file> --kind log [--map field=column ...] [--identifier <column> ...] [--years 1990-2100] [--format jsonl|csv|tsv] [--no-header] [--from-query <result.provenance.json>] [--accept-partial]',
  'import <case-file> <file> --kind pairs [--accept-partial]',
  'import <case-file> --kind pairs --original <file> --suspect <file> [--control <file> ...] [--related <file> ...] [--known-derived <file> ...] [--join id|prompt] [--accept-partial]',
  'import <case-file> <file> --kind tos --effective <YYYY-MM-DD> [--title <text>]',
  'import <case-file> --kind tos --ota <repo-dir> --document "<Service>/<Document>.md" [--title <text>]',
  'import <case-file> --kind tos --folder <dir> [--document <name before the date>] [--title <text>]',
].join('\n  ');

async function inputFile(path: string): Promise<InputFile> {
  return { name: basename(path), bytes: await readBytes(path) };
}

function parseMappings(pairs: string[]): FieldMapping {
  const mapping: FieldMapping = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = LOG_FIELDS.find((f) => normalizeColumnName(f) === normalizeColumnName(pair.slice(0, Math.max(eq, 0))));
    if (eq < 1 || !field) throw new UsageError(`--map ${pair}: expected field=column with field one of ${LOG_FIELDS.join(', ')}`);
    mapping[field as LogField] = pair.slice(eq + 1);
  }
  return mapping;
}

/** The versions a ToS import names: one file with its date, an Open Terms Archive history, or a folder of dated files. */
async function recordedVersions(filePath: string | undefined, values: { effective?: string; ota?: string; folder?: string; document?: string }, usage: string, out: (line: string) => void): Promise<RecordedVersion[]> {
  const sources = [filePath, values.ota, values.folder].filter(Boolean).length;
  if (sources !== 1) throw new UsageError(`import --kind tos needs one of: a file with --effective, --ota with --document, or --folder\n${usage}`);
  try {
    if (values.ota) {
      if (!values.document) throw new UsageError(`--ota needs --document "<Service>/<Document>.md"\n${usage}`);
      await requireDirectory(values.ota);
      const { versions, notes } = await readOtaVersions(fs, values.ota, values.document);
      for (const note of notes) out(`  note: ${note}`);
      return versions;
    }
    if (values.folder) {
      const names = await requireDirectory(values.folder);
      const files = await Promise.all(names.filter((n) => dateInFileName(n)).map((n) => inputFile(join(values.folder!, n))));
      return folderVersions(values.folder, files, values.document);
    }
  } catch (error) {
    if (error instanceof UnusableFileError) throw new UnusableFileError(`Refused: ${error.message}. Nothing was imported.`);
    throw error;
  }
  if (!values.effective) throw new UsageError(`import --kind tos needs --effective <YYYY-MM-DD> with a file\n${usage}`);
  return [{ file: await inputFile(filePath!), effectiveDate: values.effective }];
}

/** The provenance of a warehouse result, as run-query-pack (or the lab's data team) wrote it. */
async function provenanceFile(path: string): Promise<QueryProvenance> {
  try {
    return readQueryProvenance(new TextDecoder().decode(await readBytes(path)), basename(path));
  } catch (error) {
    if (error instanceof UnusableFileError) throw new UnusableFileError(`Refused: ${error.message}. Nothing was imported.`);
    throw error;
  }
}

async function requireDirectory(path: string): Promise<string[]> {
  try {
    return (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    throw new Refusal(`Refused: ${path} is not a folder that can be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Nothing was imported.`);
  }
}

export async function importCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      map: { type: 'string', multiple: true },
      identifier: { type: 'string', multiple: true },
      years: { type: 'string' },
      format: { type: 'string' },
      'no-header': { type: 'boolean' },
      'from-query': { type: 'string' },
      original: { type: 'string' },
      suspect: { type: 'string' },
      control: { type: 'string', multiple: true },
      related: { type: 'string', multiple: true },
      'known-derived': { type: 'string', multiple: true },
      join: { type: 'string' },
      effective: { type: 'string' },
      title: { type: 'string' },
      ota: { type: 'string' },
      folder: { type: 'string' },
      document: { type: 'string' },
      'accept-partial': { type: 'boolean' },
      actor: { type: 'string' },
    },
  });
  const usage = `usage:\n  ${IMPORT_USAGE}`;
  const [casePath, filePath, ...extra] = positionals;
  if (!casePath || extra.length) throw new UsageError(usage);
  if (values['from-query'] && values.kind !== 'log') throw new UsageError(`--from-query names the provenance of a warehouse query's result, which is imported with --kind log\n${usage}`);
  const joined = values.original !== undefined || values.suspect !== undefined;

  let request: ImportRequest;
  if (values.kind === 'log') {
    if (!filePath) throw new UsageError(`import --kind log needs a file\n${usage}`);
    if (values.format && !['jsonl', 'csv', 'tsv'].includes(values.format)) throw new UsageError('--format must be jsonl, csv or tsv');
    const mapping = values.map && parseMappings(values.map);
    const years = values.years === undefined ? undefined : /^(\d{1,4})-(\d{1,4})$/.exec(values.years);
    if (years === null) throw new UsageError(`--years takes the first and last year the log's times may lie in, as 1990-2100; not “${values.years}”`);
    request = {
      kind: 'log',
      file: await streamedDiskFile(filePath),
      ...(mapping && { mapping }),
      ...(values.format && { format: values.format as LogFormat }),
      ...(values['no-header'] && { hasHeader: false }),
      ...(values.identifier && { identifiers: values.identifier }),
      ...(years && { years: { from: Number(years[1]), to: Number(years[2]) } }),
      ...(values['from-query'] && { fromQuery: await provenanceFile(values['from-query']) }),
    };
  } else if (values.kind === 'pairs' && joined) {
    if (filePath || !values.original || !values.suspect) throw new UsageError(`separate answer files need both --original and --suspect, and no other file\n${usage}`);
    if (values.join && values.join !== 'id' && values.join !== 'prompt') throw new UsageError('--join must be id or prompt');
    const named: [PairRole, string][] = [['original', values.original], ['suspect', values.suspect], ...(values.control ?? []).map((f): [PairRole, string] => ['reference', f]), ...(values.related ?? []).map((f): [PairRole, string] => ['related', f]), ...(values['known-derived'] ?? []).map((f): [PairRole, string] => ['known-derived', f])];
    const paths = named.map(([, path]) => path);
    const twice = paths.find((p, i) => paths.indexOf(p) !== i);
    if (twice) throw new UsageError(`${twice} is given twice; each model's answers are imported once, under one role`);
    request = {
      kind: 'pairs-joined',
      files: await Promise.all(named.map(async ([role, path]) => ({ role, file: await inputFile(path) }))),
      ...(values.join && { join: values.join as 'id' | 'prompt' }),
    };
  } else if (values.kind === 'pairs') {
    if (!filePath) throw new UsageError(`import --kind pairs needs a file, or --original and --suspect\n${usage}`);
    request = { kind: 'pairs', file: await inputFile(filePath) };
  } else if (values.kind === 'tos') {
    const recorded = await recordedVersions(filePath, values, usage, out);
    const versions: TosVersionInput[] = [];
    for (const v of recorded) {
      try {
        versions.push({ ...v, reading: await readTermsFile(v.file.name, v.file.bytes) });
      } catch (error) {
        if (error instanceof UnusableFileError) throw new UnusableFileError(`Refused: ${error.message}. Nothing was imported.`);
        throw error;
      }
    }
    request = { kind: 'tos', versions, ...(values.title && { title: values.title }) };
  } else {
    throw new UsageError(`--kind must be log, pairs or tos\n${usage}`);
  }

  const diskLog = request.kind === 'log' ? (request.file as Awaited<ReturnType<typeof streamedDiskFile>>) : undefined;
  try {
    await withCaseFile(casePath, (file) => importInto(file, request, { actor: cliActor(values.actor), acceptPartial: values['accept-partial'] === true, diskLog }, out));
  } catch (error) {
    if (error instanceof UnusableFileError) throw new UnusableFileError(`Refused: ${error.message}. Nothing was imported.`);
    if (!(error instanceof Unchanged)) throw error;
  } finally {
    await diskLog?.close();
  }
}

/**
 * Runs the import and saves the case file. A log is streamed: its rows are
 * written into the new file as they are read and its original copied from
 * disk after, so neither is ever whole in memory; the file is put in place
 * only if the import is accepted.
 */
async function importInto(file: CaseFile, request: ImportRequest, options: { actor: string; acceptPartial: boolean; diskLog?: StreamedFile }, out: (line: string) => void): Promise<void> {
  const { data } = file;
  const existing = { ...data, caseId: data.case.id };
  const settle = (result: ImportResult) => {
    for (const { fileName, existing } of result.alreadyImported) {
      out(`${fileName} is already imported (as ${existing.fileName}, ${formatInstant(existing.importedAt)} by ${existing.importedBy}, SHA-256 ${existing.sha256}); nothing added.`);
    }
    if (result.alreadyImported.length) throw new Unchanged();
    for (const rejection of result.rejections) out(`  rejected: ${describeRejection(rejection.fileName, rejection)}`);
    const { logRows, rejected } = counts(result);
    if (rejected > result.rejections.length) out(`  (and ${rejected - result.rejections.length} more rejected rows not listed)`);
    for (const note of result.notes) out(`  note: ${note}`);
    const good = logRows + result.records.outputPairs.length + result.records.tosClauses.length;
    if (rejected && !options.acceptPartial) {
      throw new Refusal(`Refused: ${rejected} row${rejected === 1 ? '' : 's'} could not be read (listed above); nothing was imported. Use --accept-partial to import the ${good} good ones.`);
    }
    applyChange(data, importChange(result.records));
  };

  let result: ImportResult;
  if (options.diskLog) {
    const diskLog = options.diskLog;
    const sourceId = newId();
    const rows = new BatchChannel<LogEntry[]>();
    const importing = runImport(existing, request, options.actor, new Date(), { sourceId, rows: (batch) => rows.push(batch) });
    importing.then(() => rows.end(), (error: unknown) => rows.end(error));
    try {
      await saveCaseFile(file, {
        added: {
          sourceId,
          batches: rows,
          original: () => diskLog.chunks(),
          settle: async () => settle((result = await importing)),
        },
      });
    } finally {
      rows.close();
    }
  } else {
    result = await runImport(existing, request, options.actor);
    settle(result);
    await saveCaseFile(file);
  }
  for (const source of result!.records.sources) {
    out(`Imported ${source.fileName} (${source.kind}, ${source.size} bytes, SHA-256 ${source.sha256})`);
  }
  const r = result!.records;
  const { logRows, rejected } = counts(result!);
  const what = [
    logRows && `${logRows} log entries`,
    r.outputPairs.length && `${r.outputPairs.length} output pairs`,
    r.tosVersions.length && `${r.tosVersions.length} ToS version${r.tosVersions.length === 1 ? '' : 's'} with ${r.tosClauses.length} clauses`,
  ].filter(Boolean);
  out(`Added ${what.join(', ')}; ${rejected} rejected.`);
}

/** Rows read and refused: a log's from its source record, which counts rows the result does not keep. */
function counts(result: ImportResult): { logRows: number; rejected: number } {
  const log = result.records.sources.find((s) => s.kind === 'log');
  return log ? { logRows: log.recordCount, rejected: log.rejectedCount } : { logRows: 0, rejected: result.rejections.length };
}
