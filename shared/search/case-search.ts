import Fuse from 'fuse.js';
import type { ClaimsState } from '../claims/case-edit';
import { resolveTarget, type TargetCatalog } from '../claims/targets';
import { z } from 'zod';
import { pairOutputs, Target } from '../model/records';

export const SEARCH_KINDS = ['claim', 'element', 'link', 'annotation', 'clause', 'pair', 'finding', 'source'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  claim: 'Claims',
  element: 'Elements',
  link: 'Evidence notes',
  annotation: 'Annotations',
  clause: 'ToS clauses',
  pair: 'Output pairs',
  finding: 'Findings',
  source: 'Source files',
};

/** What the search says of each kind, so the UI can tell the user which fields are searched. */
export const SEARCHED_FIELDS: Record<SearchKind, string> = {
  claim: 'title, legal theory, description',
  element: 'text',
  link: 'note, and what it links to',
  annotation: 'label, comment, the annotated text',
  clause: 'citation, headings, text',
  pair: 'prompt id, prompt, model names',
  finding: 'title, kind',
  source: 'file name, SHA-256',
};

/** Where a result opens: a claim in the chart, or the evidence itself. */
export const Place = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim'), claimId: z.string(), elementId: z.string().optional() }),
  z.object({ kind: z.literal('evidence'), target: Target }),
  z.object({
    kind: z.literal('logFilter'),
    sourceId: z.string(),
    /** Exact indexed fields, and a UTC time range in epoch milliseconds. */
    filter: z.object({ account: z.string().optional(), apiKey: z.string().optional(), ip: z.string().optional(), from: z.number().optional(), to: z.number().optional() }),
  }),
]);
export type Place = z.infer<typeof Place>;

export interface SearchItem {
  kind: SearchKind;
  id: string;
  title: string;
  text: string;
  place: Place;
}

export interface SearchHit extends SearchItem {
  /** 0 is an exact match, 1 no match at all (Fuse's score). */
  score: number;
}

/** Everything in a case that search finds, one item per record; log rows are searched through their indexes instead. */
export function searchItems(state: ClaimsState, catalog: TargetCatalog): SearchItem[] {
  const items: SearchItem[] = [];
  const claimTitle = new Map(state.claims.map((c) => [c.id, c.title]));
  for (const c of state.claims) items.push({ kind: 'claim', id: c.id, title: c.title, text: `${c.theory}\n${c.description}`, place: { kind: 'claim', claimId: c.id } });
  for (const e of state.elements) items.push({ kind: 'element', id: e.id, title: e.text, text: claimTitle.get(e.claimId) ?? '', place: { kind: 'claim', claimId: e.claimId, elementId: e.id } });
  const elementById = new Map(state.elements.map((e) => [e.id, e]));
  for (const l of state.links) {
    const element = elementById.get(l.elementId);
    items.push({ kind: 'link', id: l.id, title: l.note || '(no note)', text: resolveTarget(l.target, catalog).title, place: { kind: 'claim', claimId: element?.claimId ?? '', elementId: l.elementId } });
  }
  for (const a of state.annotations) {
    const resolved = resolveTarget(a.target, catalog);
    const quote = resolved.broken ? '' : (resolved.quote ?? '');
    items.push({ kind: 'annotation', id: a.id, title: a.label, text: `${a.comment}\n${quote}\n${resolved.title}`, place: { kind: 'evidence', target: a.target } });
  }
  for (const c of catalog.clauses.values()) {
    items.push({ kind: 'clause', id: c.id, title: resolveTarget({ kind: 'tosClause', id: c.id }, catalog).title, text: `${c.headingPath.join(' › ')}\n${c.text}`, place: { kind: 'evidence', target: { kind: 'tosClause', id: c.id } } });
  }
  for (const p of catalog.pairs.values()) {
    items.push({ kind: 'pair', id: p.id, title: `Pair ${p.promptId}`, text: `${p.prompt}\n${pairOutputs(p).map((o) => o.model).join(' ')}`, place: { kind: 'evidence', target: { kind: 'outputPair', id: p.id } } });
  }
  for (const f of catalog.findings.values()) items.push({ kind: 'finding', id: f.id, title: f.title, text: f.kind, place: { kind: 'evidence', target: { kind: 'finding', id: f.id } } });
  for (const s of catalog.sources.values()) items.push({ kind: 'source', id: s.id, title: s.fileName, text: s.sha256, place: { kind: 'evidence', target: { kind: 'source', id: s.id } } });
  return items;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** Lower-cased words; in scripts written without spaces each character is a word. */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of text.toLowerCase().matchAll(WORD)) {
    if (!CJK.test(run)) {
      tokens.push(run);
      continue;
    }
    let word = '';
    for (const ch of run) {
      if (CJK.test(ch)) {
        if (word) tokens.push(word);
        word = '';
        tokens.push(ch);
      } else word += ch;
    }
    if (word) tokens.push(word);
  }
  return tokens;
}

/** True when a and b differ by at most `max` insertions, deletions, substitutions or swaps of neighbours. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= max;
}

const OPTIONS = {
  keys: [
    { name: 'title', weight: 2 },
    { name: 'text', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.35,
  useTokenSearch: true,
  tokenize: searchTokens,
};

/** Most items Fuse ranks per query; beyond this the word index has already narrowed enough. */
const MAX_CANDIDATES = 400;
/** Most words of the vocabulary one query word stands for (a short prefix matches many). */
const MAX_EXPANSIONS = 300;

/**
 * A fuzzy index over a case's items, built once and queried as the user
 * types. Fuse alone scans every item's text for each query, too slow at
 * 100,000 items; so a word index first finds the items that hold every query
 * word (as typed, as a prefix, or within one or two typos), and Fuse ranks those.
 */
export class CaseSearch {
  private readonly items: readonly SearchItem[];
  private readonly postings = new Map<string, number[]>();
  /** The vocabulary sorted, for prefix lookups. */
  private readonly words: string[];
  /** The vocabulary by word length, for typo lookups. */
  private readonly wordsByLength: string[][] = [];

  constructor(items: readonly SearchItem[]) {
    this.items = items;
    items.forEach((item, index) => {
      for (const token of new Set(searchTokens(`${item.title}\n${item.text}`))) {
        const list = this.postings.get(token);
        if (list) list.push(index);
        else this.postings.set(token, [index]);
      }
    });
    this.words = [...this.postings.keys()].sort();
    for (const word of this.words) (this.wordsByLength[word.length] ??= []).push(word);
  }

  get size(): number {
    return this.items.length;
  }

  /** The vocabulary words a query word stands for. */
  private expand(token: string): string[] {
    const found = new Set<string>();
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[mid]! < token) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.words.length && found.size < MAX_EXPANSIONS && this.words[i]!.startsWith(token); i++) found.add(this.words[i]!);
    const edits = token.length >= 8 ? 2 : token.length >= 4 ? 1 : 0;
    for (let length = token.length - edits; edits > 0 && length <= token.length + edits; length++) {
      for (const word of this.wordsByLength[length] ?? []) {
        if (found.size >= MAX_EXPANSIONS) break;
        if (withinEdits(token, word, edits)) found.add(word);
      }
    }
    return [...found];
  }

  /** The items holding every query word (`all`); failing that, the most query words. */
  private candidates(tokens: string[]): { items: SearchItem[]; all: boolean } {
    const counts = new Uint16Array(this.items.length);
    const seen = new Int32Array(this.items.length).fill(-1);
    let best = 0;
    tokens.forEach((token, t) => {
      for (const word of this.expand(token)) {
        for (const index of this.postings.get(word) ?? []) {
          if (seen[index] === t) continue;
          seen[index] = t;
          best = Math.max(best, ++counts[index]!);
        }
      }
    });
    const items: SearchItem[] = [];
    for (let i = 0; best > 0 && i < counts.length && items.length < MAX_CANDIDATES; i++) if (counts[i] === best) items.push(this.items[i]!);
    return { items, all: best === tokens.length };
  }

  /** The best matches, best first, at most `limit` of them. */
  search(query: string, limit = 50): SearchHit[] {
    const tokens = [...new Set(searchTokens(query))];
    if (tokens.length === 0 || query.trim().length < 2) return [];
    const candidates = this.candidates(tokens);
    if (candidates.items.length === 0) return [];
    const fuse = new Fuse(candidates.items, { ...OPTIONS, tokenMatch: candidates.all ? 'all' : 'any' });
    return fuse.search(query, { limit }).map((r) => ({ ...r.item, score: r.score ?? 1 }));
  }
}
/** What linking a hit to an element links: the evidence it is, or nothing for claims, elements and notes. */
export function linkTarget(hit: SearchItem): Target | null {
  if (hit.kind === 'annotation') return { kind: 'annotation', id: hit.id };
  if (hit.kind === 'claim' || hit.kind === 'element' || hit.kind === 'link' || hit.place.kind !== 'evidence') return null;
  return hit.place.target;
}

/** Hits grouped by kind, kinds in a fixed order, each group best first. */
export function groupHits(hits: readonly SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  return SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0);
}
