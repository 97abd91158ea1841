import './pdf-worker';
import { UnusableFileError, createStreamDecoder } from '../../shared/import/decode-text';
import { dateInFileName, guessTosTitle, readTermsFile, termsFormat, type TermsReading } from '../../shared/tos/read-terms';
import { guessImportKind, type ImportKind } from '../../shared/import/detect-kind';
import { detectLogSettings, type LogImportSettings } from '../../shared/import/log-import';
import type { JoinKey, PairRole } from '../../shared/import/pairs-import';
import { checkLogSettings, isCalendarDate } from '../../shared/import/run-import';
import type { ImportJob } from './import-jobs';

const SAMPLE_BYTES = 256 * 1024;

/** One file in the import dialog: what it was taken for and how it will be read. */
export interface FilePlan {
  file: File;
  kind: ImportKind;
  sample: string;
  log: LogImportSettings;
  role: PairRole;
  tosTitle: string;
  effectiveDate: string;
  /** A terms file read whole, for the outline shown before import. */
  terms?: TermsReading;
  /** Set when the file cannot be imported at all. */
  unusable?: string;
}

/** Reads the start of each file and guesses what it is. */
export async function planFiles(files: File[]): Promise<FilePlan[]> {
  let answers = 0;
  return Promise.all(
    files.map(async (file) => {
      const head = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
      const base = { file, role: 'original' as PairRole, tosTitle: '', effectiveDate: dateInFileName(file.name) ?? '', log: detectLogSettings('') };
      try {
        if (/\.pdf$/i.test(file.name) || termsFormat(file.name, head) === 'pdf') return { ...base, ...(await termsPlan(file)), sample: '' };
        const sample = createStreamDecoder(head, file.name).decode(head, file.size <= SAMPLE_BYTES);
        const kind = guessImportKind(file.name, sample);
        if (kind === 'tos') return { ...base, ...(await termsPlan(file)), sample };
        const role: PairRole = kind === 'answers' ? (['original', 'suspect', 'control'] as const)[Math.min(answers++, 2)]! : 'original';
        return { ...base, kind, sample, role, log: detectLogSettings(sample) };
      } catch (error) {
        return { ...base, kind: 'log' as ImportKind, sample: '', unusable: error instanceof UnusableFileError ? error.message : String(error) };
      }
    }),
  );
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
      jobs.push({ kind: 'log', caseId, actor, file: plan.file, settings: plan.log });
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
    const [original, suspect, control] = [byRole('original'), byRole('suspect'), byRole('control')];
    if (original.length !== 1 || suspect.length !== 1 || control.length > 1) {
      return { jobs, problem: 'Files of one model’s answers are joined into pairs: mark exactly one as the original, one as the suspect, and at most one as the control' };
    }
    jobs.push({ kind: 'pairs-joined', caseId, actor, original: original[0]!.file, suspect: suspect[0]!.file, ...(control[0] && { control: control[0].file }), ...(join !== 'auto' && { join }) });
  }
  if (jobs.length === 0) return { jobs, problem: 'No file can be imported' };
  return { jobs };
}
