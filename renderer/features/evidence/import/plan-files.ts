import { UnusableFileError } from '../../../../shared/errors';
import './pdf-worker';
import { dateInFileName, guessTosTitle, readTermsFile, termsFormat, type TermsReading } from '../../../../shared/tos/read-terms';
import { guessImportKind, type ImportKind } from '../../../../shared/import/detect-kind';
import { checkLogSettings, detectLogSettings, parquetSettings, type LogImportSettings } from '../../../../shared/import/log-import';
import { isParquet, openParquet } from '../../../../shared/import/parquet-rows';
import { compressionOf, logSample } from '../../../../shared/import/log-stream';
import { answersModelName, type JoinKey, type PairRole } from '../../../../shared/import/pairs-import';
import type { RoleProposal } from '../../../../shared/analysis/import-roles';
import type { ImportJob } from './import-jobs';
import { readQueryProvenance, type QueryProvenance } from '../../../../shared/import/query-provenance';
import { isCalendarDate } from '../../../../shared/time-format';


/** One file in the import dialog: what it was taken for and how it will be read. */
export interface FilePlan {
  file: File;
  kind: ImportKind;
  sample: string;
  log: LogImportSettings;
  role: PairRole;
  /** For a file of answers: the model it names, and the role proposed for it and why. */
  model: string;
  proposal?: RoleProposal;
  tosTitle: string;
  effectiveDate: string;
  /** A terms file read whole, for the outline shown before import. */
  terms?: TermsReading;
  /** For a Parquet log: its first rows, which the settings editor previews (its sample is them as JSON lines). */
  parquetRows?: Record<string, unknown>[];
  /** For a log a warehouse query returned: the provenance given beside it (a `<name>.provenance.json` among the files). */
  fromQuery?: QueryProvenance;
  /** Set when the file cannot be imported at all. */
  unusable?: string;
}

const PROVENANCE_FILE = /\.provenance\.json$/i;

/**
 * The provenance files among those given, each read and checked, by the
 * result it describes; a provenance that cannot be read, or whose result is
 * not among the files, is a plan that cannot be imported, saying why.
 */
async function provenancesOf(files: File[]): Promise<{ byResult: Map<string, QueryProvenance>; refused: FilePlan[] }> {
  const byResult = new Map<string, QueryProvenance>();
  const refused: FilePlan[] = [];
  const names = new Set(files.map((f) => f.name));
  for (const file of files.filter((f) => PROVENANCE_FILE.test(f.name))) {
    const unusable = (reason: string) => refused.push({ file, kind: 'log', sample: '', log: detectLogSettings(''), role: 'reference', model: '', tosTitle: '', effectiveDate: '', unusable: reason });
    try {
      const provenance = readQueryProvenance(await file.text(), file.name);
      if (names.has(provenance.result)) byResult.set(provenance.result, provenance);
      else unusable(`it is the provenance of ${provenance.result}, which is not among the files; import the two together`);
    } catch (error) {
      unusable(error instanceof Error ? error.message : String(error));
    }
  }
  return { byResult, refused };
}

const PARQUET_PREVIEW_ROWS = 20;

/**
 * Reads the start of each file and guesses what it is. A file of answers
 * gets the role proposed for its model (proposeImportRoles: the plan's, an
 * earlier import's, or by its name), never one guessed from the order the
 * files came in.
 */
export async function planFiles(files: File[], propose: (models: string[]) => Map<string, RoleProposal> = () => new Map()): Promise<FilePlan[]> {
  const provenances = await provenancesOf(files);
  const plans = await Promise.all(
    files.filter((f) => !PROVENANCE_FILE.test(f.name)).map(async (file): Promise<FilePlan> => {
      const fromQuery = provenances.byResult.get(file.name);
      if (fromQuery) return { ...(await planFile(file)), kind: 'log', fromQuery };
      return planFile(file);
    }),
  );
  const proposals = propose(plans.filter((p) => p.kind === 'answers').map((p) => p.model));
  return [...plans.map((p) => (p.kind === 'answers' && proposals.has(p.model) ? { ...p, role: proposals.get(p.model)!.role, proposal: proposals.get(p.model)! } : p)), ...provenances.refused];
}

/** What one file is taken for and how it will be read. */
async function planFile(file: File): Promise<FilePlan> {
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const base = { file, role: 'reference' as PairRole, model: '', tosTitle: '', effectiveDate: dateInFileName(file.name) ?? '', log: detectLogSettings('') };
  try {
    if (/\.pdf$/i.test(file.name) || termsFormat(file.name, head) === 'pdf') return { ...base, ...(await termsPlan(file)), sample: '' };
    if (isParquet(head)) {
      const parquet = await openParquet({ size: file.size, slice: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()) }, file.name);
      const parquetRows = await parquet.first(PARQUET_PREVIEW_ROWS);
      const sample = parquetRows.map((row) => JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).join('\n');
      return { ...base, kind: 'log' as ImportKind, sample, parquetRows, log: parquetSettings(parquet.columns) };
    }
    // The sample a log's settings are detected from is the one the CLI detects them from (a gzipped file's text, too).
    const sample = await logSample(file.stream(), file.name);
    // Warehouses export logs gzipped; only logs are read compressed (the compressed file is the original kept).
    const kind = compressionOf(head) ? 'log' : guessImportKind(file.name, sample);
    if (kind === 'tos') return { ...base, ...(await termsPlan(file)), sample };
    const model = kind === 'answers' ? answersModelName(sample, file.name) : '';
    return { ...base, kind, sample, model, log: detectLogSettings(sample) };
  } catch (error) {
    return { ...base, kind: 'log' as ImportKind, sample: '', unusable: error instanceof UnusableFileError ? error.message : String(error) };
  }
}

const MAX_TERMS_BYTES = 50 * 1024 * 1024;

/** A terms file read whole with the importer's own reader, so the outline shown is the split that will be stored. */
export async function termsPlan(file: File): Promise<Pick<FilePlan, 'kind' | 'terms' | 'tosTitle'>> {
  if (file.size > MAX_TERMS_BYTES) throw new UnusableFileError(`${file.name} is ${Math.round(file.size / 1024 / 1024)} MB, too large for a terms document`);
  const terms = await readTermsFile(file.name, new Uint8Array(await file.arrayBuffer()));
  return { kind: 'tos', terms, tosTitle: guessTosTitle(file.name, terms) };
}

/** The jobs the plans become, or the first reason they cannot run yet. */
export function jobsFor(plans: FilePlan[], caseId: string, actor: string, join: JoinKey | 'auto'): { jobs: ImportJob[]; problem?: string } {
  const jobs: ImportJob[] = [];
  const usable = plans.filter((p) => !p.unusable);
  for (const plan of usable) {
    if (plan.kind === 'log') {
      try {
        checkLogSettings(plan.log, plan.file.name);
      } catch (error) {
        return { jobs, problem: (error as Error).message };
      }
      jobs.push({ kind: 'log', caseId, actor, file: plan.file, settings: plan.log, ...(plan.fromQuery && { fromQuery: plan.fromQuery }) });
    } else if (plan.kind === 'pairs') {
      jobs.push({ kind: 'pairs', caseId, actor, file: plan.file });
    } else if (plan.kind === 'tos') {
      if (!isCalendarDate(plan.effectiveDate)) return { jobs, problem: `${plan.file.name}: enter the date this version took effect` };
      if (!plan.tosTitle.trim()) return { jobs, problem: `${plan.file.name}: enter the document title` };
      if (!plan.terms) return { jobs, problem: `${plan.file.name}: still reading its clauses` };
      jobs.push({ kind: 'tos', caseId, actor, title: plan.tosTitle.trim(), versions: [{ file: plan.file, effectiveDate: plan.effectiveDate }] });
    }
  }
  const answers = usable.filter((p) => p.kind === 'answers');
  if (answers.length) {
    const byRole = (role: PairRole) => answers.filter((p) => p.role === role);
    if (byRole('original').length !== 1 || byRole('suspect').length !== 1) {
      return { jobs, problem: 'Files of one model’s answers are joined by prompt: mark exactly one as the original and one as the suspect; the others are reference, related or known-derived models' };
    }
    // The original and the suspect first, then the others by model name: the order files were dropped in never matters.
    const rank = (p: FilePlan) => (p.role === 'original' ? 0 : p.role === 'suspect' ? 1 : 2);
    const ordered = [...answers].sort((a, b) => rank(a) - rank(b) || a.model.localeCompare(b.model));
    jobs.push({ kind: 'pairs-joined', caseId, actor, files: ordered.map((p) => ({ file: p.file, role: p.role })), ...(join !== 'auto' && { join }) });
  }
  if (jobs.length === 0) return { jobs, problem: 'No file can be imported' };
  return { jobs };
}
