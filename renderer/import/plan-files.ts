import { UnusableFileError, createStreamDecoder } from '../../shared/import/decode-text';
import { guessImportKind, type ImportKind } from '../../shared/import/detect-kind';
import { detectLogSettings, type LogImportSettings } from '../../shared/import/log-import';
import type { JoinKey, PairRole } from '../../shared/import/pairs-import';
import { checkLogSettings, isCalendarDate } from '../../shared/import/run-import';
import { dateInFileName, guessTosTitle, tosText } from '../../shared/import/tos-import';
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
        const sample = createStreamDecoder(head, file.name).decode(head, file.size <= SAMPLE_BYTES);
        const kind = guessImportKind(file.name, sample);
        const role: PairRole = kind === 'answers' ? (['original', 'suspect', 'control'] as const)[Math.min(answers++, 2)]! : 'original';
        return { ...base, kind, sample, role, log: detectLogSettings(sample), tosTitle: kind === 'tos' ? guessTosTitle(file.name, tosText(file.name, sample)) : '' };
      } catch (error) {
        return { ...base, kind: 'log' as ImportKind, sample: '', unusable: error instanceof UnusableFileError ? error.message : String(error) };
      }
    }),
  );
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
      jobs.push({ kind: 'tos', caseId, actor, file: plan.file, effectiveDate: plan.effectiveDate, title: plan.tosTitle.trim() });
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
