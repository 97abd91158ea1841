import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { UnusableFileError } from '../../shared/import/decode-text';
import { LOG_FIELDS, normalizeColumnName, type FieldMapping, type LogField } from '../../shared/import/log-fields';
import type { LogFormat } from '../../shared/import/log-import';
import { describeRejection } from '../../shared/import/rejections';
import { applyImport, runImport, type ImportRequest, type InputFile } from '../../shared/import/run-import';
import { cliActor } from '../actor';
import { Refusal, UsageError, readBytes, readCaseFile, writeCaseFile } from '../case-file';

export const IMPORT_USAGE = [
  'import <case-file> <file> --kind log [--map field=column ...] [--format jsonl|csv|tsv] [--no-header] [--accept-partial]',
  'import <case-file> <file> --kind pairs [--accept-partial]',
  'import <case-file> --kind pairs --original <file> --suspect <file> [--control <file>] [--join id|prompt] [--accept-partial]',
  'import <case-file> <file> --kind tos --effective <YYYY-MM-DD> [--title <text>]',
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

export async function importCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      map: { type: 'string', multiple: true },
      format: { type: 'string' },
      'no-header': { type: 'boolean' },
      original: { type: 'string' },
      suspect: { type: 'string' },
      control: { type: 'string' },
      join: { type: 'string' },
      effective: { type: 'string' },
      title: { type: 'string' },
      'accept-partial': { type: 'boolean' },
      actor: { type: 'string' },
    },
  });
  const usage = `usage:\n  ${IMPORT_USAGE}`;
  const [casePath, filePath, ...extra] = positionals;
  if (!casePath || extra.length) throw new UsageError(usage);
  const joined = values.original !== undefined || values.suspect !== undefined;

  let request: ImportRequest;
  if (values.kind === 'log') {
    if (!filePath) throw new UsageError(`import --kind log needs a file\n${usage}`);
    if (values.format && !['jsonl', 'csv', 'tsv'].includes(values.format)) throw new UsageError('--format must be jsonl, csv or tsv');
    const mapping = values.map && parseMappings(values.map);
    request = {
      kind: 'log',
      file: await inputFile(filePath),
      ...(mapping && { mapping }),
      ...(values.format && { format: values.format as LogFormat }),
      ...(values['no-header'] && { hasHeader: false }),
    };
  } else if (values.kind === 'pairs' && joined) {
    if (filePath || !values.original || !values.suspect) throw new UsageError(`separate answer files need both --original and --suspect, and no other file\n${usage}`);
    if (values.join && values.join !== 'id' && values.join !== 'prompt') throw new UsageError('--join must be id or prompt');
    request = {
      kind: 'pairs-joined',
      original: await inputFile(values.original),
      suspect: await inputFile(values.suspect),
      ...(values.control && { control: await inputFile(values.control) }),
      ...(values.join && { join: values.join as 'id' | 'prompt' }),
    };
  } else if (values.kind === 'pairs') {
    if (!filePath) throw new UsageError(`import --kind pairs needs a file, or --original and --suspect\n${usage}`);
    request = { kind: 'pairs', file: await inputFile(filePath) };
  } else if (values.kind === 'tos') {
    if (!filePath || !values.effective) throw new UsageError(`import --kind tos needs a file and --effective <YYYY-MM-DD>\n${usage}`);
    request = { kind: 'tos', file: await inputFile(filePath), effectiveDate: values.effective, ...(values.title && { title: values.title }) };
  } else {
    throw new UsageError(`--kind must be log, pairs or tos\n${usage}`);
  }

  const data = await readCaseFile(casePath);
  let result;
  try {
    result = runImport({ ...data, caseId: data.case.id }, request, cliActor(values.actor));
  } catch (error) {
    if (error instanceof UnusableFileError) throw new Refusal(`Refused: ${error.message}. Nothing was imported.`);
    throw error;
  }

  for (const { fileName, existing } of result.alreadyImported) {
    out(`${fileName} is already imported (as ${existing.fileName}, ${existing.importedAt} by ${existing.importedBy}, SHA-256 ${existing.sha256}); nothing added.`);
  }
  if (result.alreadyImported.length) return;
  for (const rejection of result.rejections) out(`  rejected: ${describeRejection(rejection.fileName, rejection)}`);
  for (const note of result.notes) out(`  note: ${note}`);
  const good = result.records.logEntries.length + result.records.outputPairs.length + result.records.tosClauses.length;
  if (result.rejections.length && !values['accept-partial']) {
    throw new Refusal(`Refused: ${result.rejections.length} row${result.rejections.length === 1 ? '' : 's'} could not be read (listed above); nothing was imported. Use --accept-partial to import the ${good} good ones.`);
  }
  applyImport(data, result);
  await writeCaseFile(casePath, data, { mustNotExist: false });
  for (const source of result.records.sources) {
    out(`Imported ${source.fileName} (${source.kind}, ${source.size} bytes, SHA-256 ${source.sha256})`);
  }
  const r = result.records;
  const what = [
    r.logEntries.length && `${r.logEntries.length} log entries`,
    r.outputPairs.length && `${r.outputPairs.length} output pairs`,
    r.tosVersions.length && `1 ToS version with ${r.tosClauses.length} clauses`,
  ].filter(Boolean);
  out(`Added ${what.join(', ')}; ${result.rejections.length} rejected.`);
}
