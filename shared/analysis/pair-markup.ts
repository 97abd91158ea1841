import type { Highlight } from '../text/highlight-ranges';
import { diffArrays } from 'diff';
import { DEFAULT_PAIR_SETTINGS, sharedRuns, type PairSettings, type Run } from './pair-metrics';
import type { MarkerHit } from './markers';
import { tokenize, type Token } from './tokens';

/** A stretch of one text as the pair view shows it. */
export interface Segment {
  text: string;
  /** Not found at this place in the other text (deleted from the original, or inserted in the suspect). */
  changed: boolean;
  /** Part of a verbatim run shared with the other text; the same number marks the run in both. */
  run: number | null;
  /** The marker found here (its id), if any. */
  marker: string | null;
}

export interface PairMarkup {
  reference: Segment[];
  candidate: Segment[];
  runs: { referenceStart: number; candidateStart: number; length: number }[];
  /** False when the texts differ by more than the edit bound: differences are not marked. */
  exact: boolean;
}

function segments(text: string, tokens: readonly Token[], changed: readonly boolean[], run: readonly (number | null)[]): Segment[] {
  const out: Segment[] = [];
  const push = (piece: string, isChanged: boolean, runId: number | null) => {
    if (!piece) return;
    const last = out[out.length - 1];
    if (last && last.changed === isChanged && last.run === runId) last.text += piece;
    else out.push({ text: piece, changed: isChanged, run: runId, marker: null });
  };
  let at = 0;
  tokens.forEach((token, i) => {
    // Text between tokens (spaces, punctuation) belongs to the run around it, if the run goes on.
    const between = text.slice(at, token.start);
    const sameRun = i > 0 && run[i] !== null && run[i] === run[i - 1];
    push(between, false, sameRun ? run[i]! : null);
    push(text.slice(token.start, token.end), changed[i]!, run[i]!);
    at = token.end;
  });
  push(text.slice(at), false, null);
  return out;
}

/** Verbatim runs this long anchor the diff: long enough that a common phrase rarely anchors two places that do not correspond. */
const ANCHOR_TOKENS = 5;

/**
 * The longest chain of runs that stands in the same order in both texts
 * (a weighted longest increasing subsequence); runs come in candidate order.
 */
function anchorChain(runs: readonly Run[]): Run[] {
  if (runs.length > 4000) {
    // Too many for the quadratic chain: keep each run that does not go back.
    const kept: Run[] = [];
    for (const r of runs) if (!kept.length || r.referenceStart >= kept.at(-1)!.referenceStart + kept.at(-1)!.length) kept.push(r);
    return kept;
  }
  const best = runs.map((r) => r.length);
  const previous = runs.map(() => -1);
  runs.forEach((r, i) => {
    for (let k = 0; k < i; k++) {
      const q = runs[k]!;
      if (q.referenceStart + q.length <= r.referenceStart && best[k]! + r.length > best[i]!) {
        best[i] = best[k]! + r.length;
        previous[i] = k;
      }
    }
  });
  const chain: Run[] = [];
  for (let i = best.indexOf(Math.max(...best)); i >= 0; i = previous[i]!) chain.unshift(runs[i]!);
  return chain;
}

/**
 * Which tokens of each text are not matched in the other. Long shared runs
 * in the same order in both texts anchor the alignment, and only the gaps
 * between them are diffed (Myers, through jsdiff), as patience-style diffs
 * do: a 10,000-word pair is marked in a few milliseconds instead of a few
 * hundred. A gap differing by more than `maxEditLength` tokens is marked
 * changed whole and the result flagged inexact.
 */
function tokenChanges(ref: readonly string[], cand: readonly string[], maxEditLength: number): { refChanged: boolean[]; candChanged: boolean[]; exact: boolean } {
  const refChanged = new Array<boolean>(ref.length).fill(false);
  const candChanged = new Array<boolean>(cand.length).fill(false);
  let exact = true;
  const gap = (refFrom: number, refTo: number, candFrom: number, candTo: number) => {
    if (refFrom === refTo && candFrom === candTo) return;
    const changes = refFrom === refTo || candFrom === candTo ? undefined : diffArrays(ref.slice(refFrom, refTo), cand.slice(candFrom, candTo), { maxEditLength });
    if (!changes) {
      if (refFrom !== refTo && candFrom !== candTo) exact = false;
      refChanged.fill(true, refFrom, refTo);
      candChanged.fill(true, candFrom, candTo);
      return;
    }
    let i = refFrom;
    let j = candFrom;
    for (const c of changes) {
      if (c.removed) refChanged.fill(true, i, (i += c.count));
      else if (c.added) candChanged.fill(true, j, (j += c.count));
      else {
        i += c.count;
        j += c.count;
      }
    }
  };
  let refAt = 0;
  let candAt = 0;
  for (const run of anchorChain(sharedRuns(ref, cand, ANCHOR_TOKENS))) {
    gap(refAt, run.referenceStart, candAt, run.candidateStart);
    refAt = run.referenceStart + run.length;
    candAt = run.candidateStart + run.length;
  }
  gap(refAt, ref.length, candAt, cand.length);
  return { refChanged, candChanged, exact };
}

/** Cuts segments where marker matches begin and end, and marks the pieces inside them. */
function markSpans(segments: Segment[], hits: readonly MarkerHit[]): Segment[] {
  if (hits.length === 0) return segments;
  const out: Segment[] = [];
  let at = 0;
  for (const segment of segments) {
    const end = at + segment.text.length;
    const cuts = new Set([at, end]);
    for (const h of hits) for (const x of [h.start, h.end]) if (x > at && x < end) cuts.add(x);
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i]!, points[i + 1]!];
      const hit = hits.find((h) => h.start <= from && to <= h.end);
      out.push({ ...segment, text: segment.text.slice(from - at, to - at), marker: hit?.markerId ?? null });
    }
    at = end;
  }
  return out;
}

/**
 * How the pair view marks a reference (original) and candidate (suspect or
 * control) text: token differences (word by word, character by character
 * for CJK), every shared verbatim run of at least `minRun` tokens, and
 * where markers matched.
 */
export function pairMarkup(
  reference: string,
  candidate: string,
  minRun: number,
  settings: PairSettings = DEFAULT_PAIR_SETTINGS,
  markers: { reference: readonly MarkerHit[]; candidate: readonly MarkerHit[] } = { reference: [], candidate: [] },
): PairMarkup {
  const refTokens = tokenize(reference, settings);
  const candTokens = tokenize(candidate, settings);
  const ref = refTokens.map((t) => t.text);
  const cand = candTokens.map((t) => t.text);
  const { refChanged, candChanged, exact } = tokenChanges(ref, cand, settings.maxEditLength);
  const runs = sharedRuns(ref, cand, Math.max(1, minRun));
  const refRun = new Array<number | null>(ref.length).fill(null);
  const candRun = new Array<number | null>(cand.length).fill(null);
  runs.forEach((r, id) => {
    for (let k = 0; k < r.length; k++) {
      refRun[r.referenceStart + k] ??= id + 1;
      candRun[r.candidateStart + k] = id + 1;
    }
  });
  return {
    reference: markSpans(segments(reference, refTokens, refChanged, refRun), markers.reference),
    candidate: markSpans(segments(candidate, candTokens, candChanged, candRun), markers.candidate),
    runs,
    exact,
  };
}

/** A side's segments as highlights over the text they concatenate to: differences, shared runs, markers. */
export function segmentHighlights(segments: readonly Segment[], markerTitle: (markerId: string) => string = () => 'Marker'): Highlight[] {
  const highlights: Highlight[] = [];
  let at = 0;
  for (const s of segments) {
    const [start, end] = [at, at + s.text.length];
    if (s.changed) highlights.push({ start, end, className: 'diff' });
    if (s.run !== null) highlights.push({ start, end, className: 'run' });
    if (s.marker) highlights.push({ start, end, className: 'marker', title: markerTitle(s.marker) });
    at = end;
  }
  return highlights;
}
