// The attribution method's validation on public answers (../shared/data/model-outputs):
// every documented derivation, every pair whose suspect predates its original, and every
// later model of an unrelated family, decided by the same rule the app runs. Run as
// `npm run validate:attribution` it writes shared/analysis/method-validation.ts, the record
// every report and bundle cites; the real-data tier recomputes it and fails if it differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ATTRIBUTION_METHOD_VERSION } from '../shared/analysis/attribution-rule';
import { DEFAULT_PAIR_SETTINGS, METRIC_LABELS, textForComparison, type TextForComparison } from '../shared/analysis/pair-metrics';
import { fullSimilarityTable, type SimilarityTable } from '../shared/analysis/similarity-table';
import { GRID_SETTINGS, runGrid, summarizeGrid, validationGrid, type MethodValidation, type ModelCard } from '../shared/analysis/validation-grid';
import { parseAnswers } from '../shared/import/pairs-import';

export const DATA = '../shared/data/model-outputs';

interface ModelsJson {
  models: { file: string; vendor: string; released: string; derivedFrom?: string }[];
}
interface LineageJson {
  models: Record<string, { base?: { model: string; vendor: string }; trainedOnOutputsOf?: string[] }>;
}

/** The model cards: models.json's maker, month and documented derivation, with the lineage the repository records beside it. */
export function modelCards(dataDir = DATA): ModelCard[] {
  const { models } = JSON.parse(readFileSync(join(dataDir, 'models.json'), 'utf8')) as ModelsJson;
  const lineage = (JSON.parse(readFileSync('fixtures/method-validation/lineage.json', 'utf8')) as LineageJson).models;
  const names = new Set(models.map((m) => m.file.replace(/\.json$/, '')));
  return models.map((m) => {
    const model = m.file.replace(/\.json$/, '');
    return { model, vendor: m.vendor, released: m.released, ...(m.derivedFrom && names.has(m.derivedFrom) && { derivedFrom: m.derivedFrom }), ...lineage[model] };
  });
}

/** Every model's answers, tokenised, on the prompts all of them answered (joined by the prompt's text). */
export function answersByPrompt(cards: readonly ModelCard[], dataDir = DATA): ReadonlyMap<string, TextForComparison>[] {
  const byModel = cards.map((c) => new Map(parseAnswers(readFileSync(join(dataDir, `${c.model}.json`), 'utf8')).answers.map((a) => [a.prompt ?? '', a.output])));
  const prompts = [...byModel[0]!.keys()].filter((p) => byModel.every((answers) => answers.has(p))).sort();
  return prompts.map((p) => new Map(cards.map((c, k) => [c.model, textForComparison(byModel[k]!.get(p)!, DEFAULT_PAIR_SETTINGS)])));
}

/** The similarity table of every pair of the models, on ROUGE-L F1 with the default settings. */
export function validationTable(cards: readonly ModelCard[], dataDir = DATA): SimilarityTable {
  return fullSimilarityTable(answersByPrompt(cards, dataDir), cards.map((c) => c.model), 'rougeL', DEFAULT_PAIR_SETTINGS);
}

/** The validation record, computed from the data. */
export function computeValidation(cards: readonly ModelCard[], table: SimilarityTable): MethodValidation {
  const outcomes = runGrid(table, cards, validationGrid(cards), METRIC_LABELS.rougeL);
  return {
    methodVersion: ATTRIBUTION_METHOD_VERSION,
    data: `public answers of ${cards.length} models to the ${table.prompts} AlpacaEval prompts all of them answered (ROUGE-L F1)`,
    measure: 'rougeL',
    settings: GRID_SETTINGS,
    models: [...cards],
    outcomes,
    summary: summarizeGrid(outcomes),
  };
}

export const RECORD_PATH = 'shared/analysis/method-validation.ts';

function recordSource(record: MethodValidation): string {
  return `// Made by \`npm run validate:attribution\` (scripts/attribution-validation.ts); do not edit.
// The attribution rule's validation on public models: every report and bundle cites it,
// and the real-data tier fails when the rule gives other outcomes than these.
import type { MethodValidation } from './validation-grid';

export const METHOD_VALIDATION: MethodValidation = ${JSON.stringify(record, null, 2)};
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const cards = modelCards();
  const record = computeValidation(cards, validationTable(cards));
  writeFileSync(RECORD_PATH, recordSource(record));
  const s = record.summary;
  console.log(`Wrote ${RECORD_PATH} (rule version ${record.methodVersion}, ${record.outcomes.length} cases) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  documented derivations: consistent ${s.derivations.consistent.count} of ${s.derivations.consistent.of}`);
  console.log(`  suspects predating the original: consistent ${s.predating.consistent.count} of ${s.predating.consistent.of}; criterion alone (dates withheld) ${s.predating.ruleMet.count}`);
  console.log(`  later unrelated: consistent ${s.laterUnrelated.consistent.count} of ${s.laterUnrelated.consistent.of}; criterion alone ${s.laterUnrelated.ruleMet.count}`);
  console.log(`  random five-model panels of the negatives: consistent ${s.negativePanels.consistent.count} of ${s.negativePanels.consistent.of}; criterion alone ${s.negativePanels.ruleMet.count}`);
}
