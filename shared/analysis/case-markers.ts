import type { CaseData } from '../model/case-data';
import { pairOutputs, type Marker } from '../model/records';
import { latestPlan, modelFamily, modelsInCase, proposeRoles } from './attribution-plan';
import { escapeRegex } from './markers';
import type { MarkerFields } from './marker-edits';


/** Words that follow "I am" in answers without being a name. */
const NOT_NAMES = new Set(['AI', 'Not', 'Sorry', 'Happy', 'Glad', 'Here', 'Unable', 'Just', 'Able', 'Afraid', 'Really', 'Also', 'Still', 'Always']);

/** A company's name without its legal form: "Northwind AI, Inc." → "Northwind AI". */
function companyName(party: string): string {
  return party
    .replace(/\s+and\s+Does?\b.*$/i, '')
    .replace(/,?\s+(Inc|Ltd|LLC|L\.L\.C|Corp|Corporation|GmbH|S\.A|SAS|PLC|Co|Limited)\.?$/i, '')
    .trim();
}

/** The makers a case's parties name: each side of "A v. B". */
function partiesMakers(parties: string): string[] {
  return parties
    .split(/\s+(?:v\.?|vs\.?|versus)\s+/i)
    .map(companyName)
    .filter((name) => name.length >= 2 && name.length <= 60);
}

/** Names and makers the answers give themselves ("I am Atlas…", "developed by Northwind AI", "我是Atlas", "由Northwind AI开发"). */
function selfDescriptions(texts: readonly string[]): { names: string[]; makers: string[] } {
  const names = new Set<string>();
  const makers = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\b(?:I am|I'm|I’m|my name is)\s+([A-Z][\w-]{1,30})/g)) if (!NOT_NAMES.has(m[1]!)) names.add(m[1]!);
    for (const m of text.matchAll(/我是\s*([A-Za-z][\w-]{1,30})/g)) names.add(m[1]!);
    for (const m of text.matchAll(/\b(?:created|made|developed|trained|built) by ((?:[A-Z][\w-]*)(?: [A-Z][\w-]*){0,2})/g)) makers.add(m[1]!);
    for (const m of text.matchAll(/由\s*([A-Za-z][A-Za-z0-9 -]{0,40}?)\s*(?:开发|创建|训练)/g)) makers.add(m[1]!.trim());
  }
  return { names: [...names], makers: [...makers] };
}

/** The phrasings of "I am X" in the scripts the case's answers are written in. */
function claimsToBe(name: string, scripts: ReadonlySet<string>): MarkerFields {
  const n = escapeRegex(name);
  const forms = [String.raw`\b(I am|I'm|I’m|my name is) ${n}\b`];
  if (scripts.has('han')) forms.push(String.raw`我是\s*${n}`);
  if (scripts.has('kana')) forms.push(String.raw`私は\s*${n}`);
  if (scripts.has('hangul')) forms.push(String.raw`저는\s*${n}`);
  return { kind: 'self-identification', label: `Claims to be ${name}`, pattern: forms.join('|'), regex: true };
}

function saysMadeBy(maker: string, scripts: ReadonlySet<string>): MarkerFields {
  const m = escapeRegex(maker);
  const forms = [String.raw`\b(created|made|developed|trained|built) by ${m}\b`];
  if (scripts.has('han')) forms.push(String.raw`由\s*${m}\s*(开发|创建|训练)`);
  return { kind: 'self-identification', label: `Says ${maker} made it`, pattern: forms.join('|'), regex: true };
}

/** Which of the scripts with their own self-identification phrasing the texts use. */
function scriptsIn(texts: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const text of texts) {
    if (/\p{Script=Han}/u.test(text)) found.add('han');
    if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) found.add('kana');
    if (/\p{Script=Hangul}/u.test(text)) found.add('hangul');
  }
  return found;
}

/**
 * Self-identification markers proposed from the case itself: the names of
 * the original and suspect models (their family, "atlas-2-large" → Atlas),
 * the makers the parties name, and the names and makers the two models'
 * answers give themselves, each in the scripts the answers are written in.
 * Only markers the case's list does not already hold (by label) are
 * proposed; an expert adds them before recording the plan.
 */
export function proposeCaseMarkers(input: { models: readonly string[]; parties: string; texts: readonly string[]; existing: readonly Pick<Marker, 'label'>[] }): MarkerFields[] {
  const scripts = scriptsIn(input.texts);
  const described = selfDescriptions(input.texts);
  const capitalised = (family: string) => family.charAt(0).toUpperCase() + family.slice(1);
  const names = [...new Set([...input.models.map((m) => capitalised(modelFamily(m))).filter((n) => n.length >= 2), ...described.names])];
  const makers = [...new Set([...partiesMakers(input.parties), ...described.makers])];
  const proposals = [
    ...names.map((n) => claimsToBe(n, scripts)),
    ...makers.flatMap((m): MarkerFields[] => [saysMadeBy(m, scripts), { kind: 'mention', label: `Names ${m}`, pattern: m, regex: false }]),
  ];
  const taken = new Set(input.existing.map((m) => m.label.toLowerCase()));
  return proposals.filter((p) => !taken.has(p.label.toLowerCase()));
}

/**
 * The proposals for a case as it stands: its original and suspect models
 * (the latest plan's, else as imported), the parties on its record, and
 * those two models' answers.
 */
export function proposeMarkersForCase(data: Pick<CaseData, 'case' | 'outputPairs' | 'sources' | 'analysisPlans' | 'markers'>): MarkerFields[] {
  const roles = proposeRoles(modelsInCase(data.outputPairs, data.sources), latestPlan(data.analysisPlans));
  const models = roles.filter((r) => r.role === 'original' || r.role === 'suspect').map((r) => r.model);
  const texts = data.outputPairs.flatMap((pair) => pairOutputs(pair).filter((o) => models.includes(o.model)).map((o) => o.text));
  return proposeCaseMarkers({ models, parties: data.case.parties, texts, existing: data.markers });
}
