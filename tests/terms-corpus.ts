// Checks every recorded version in a folder of real terms (`name_YYYY-MM-DD.md`):
// the unit tier runs them on the copies in fixtures/tos-real, the real-data
// tier on ../shared/data/tos.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { redline, summarizeRedline } from '../shared/analysis/tos-redline';
import { readTerms, type TermsReading } from '../shared/tos/read-terms';

/**
 * Consecutive versions that were rewritten, not re-split: the split guard is
 * right to warn on them, and must. Each reason was read off the two texts.
 */
export const REWRITTEN: Record<string, string> = {
  'chatgpt-developer-terms_2025-12-17': 'the Connectors terms became the Apps SDK terms: new sections 1 (Apps) to 9',
  'deepseek-developer-terms_2026-03-27': 'new clauses 4.1(a)–(b), 7.1–7.2 with sub-items, section 8 (AI generated content) and export controls',
  'grok-terms-of-service_2026-07-08': 'run-in headings lost their bold, the table of contents became linked headings, new minors and liability paragraphs',
  'le-chat-commercial-terms_2026-05-28': 'the partner terms became the commercial terms, and the page holds the terms twice',
};

export interface TermsVersion {
  document: string;
  date: string;
  file: string;
  reading: TermsReading;
}

/** Every dated version in a folder, read as the importer reads it, grouped by document in date order. */
export function readCorpus(dir: string): Map<string, TermsVersion[]> {
  const byDocument = new Map<string, TermsVersion[]>();
  for (const file of readdirSync(dir).filter((f) => /_\d{4}-\d{2}-\d{2}\.(md|html?|txt)$/.test(f)).sort()) {
    const [, document, date] = /^(.*)_(\d{4}-\d{2}-\d{2})\./.exec(file)!;
    const reading = readTerms(file, new Uint8Array(readFileSync(join(dir, file))));
    byDocument.set(document!, [...(byDocument.get(document!) ?? []), { document: document!, date: date!, file, reading }]);
  }
  return byDocument;
}

export const ordered = (reading: TermsReading) => reading.clauses.map((c, order) => ({ ...c, order }));

/** The invariants every real version and every consecutive pair must hold. */
export function checkCorpus(corpus: Map<string, TermsVersion[]>): { versions: number; pairs: number } {
  let versions = 0;
  let pairs = 0;
  for (const [, list] of corpus) {
    for (const v of list) {
      versions++;
      const citations = v.reading.clauses.map((c) => c.citation);
      assert.equal(new Set(citations).size, citations.length, `${v.file}: every citation is unique`);
      for (const c of v.reading.clauses) {
        assert.equal(v.reading.text.slice(c.start, c.end), c.text, `${v.file}: clause ${c.citation} is a slice of the stored text`);
        assert.doesNotMatch(c.citation, /^¶/, `${v.file}: no clause is cited by a bare ¶`);
        assert.ok(c.line >= 1, `${v.file}: clause ${c.citation} has a line`);
      }
      assert.doesNotMatch(v.reading.text, /&(amp|nbsp|eacute|trade|euro|#\d+);/, `${v.file}: no entity is left undecoded`);
    }
    for (let i = 1; i < list.length; i++) {
      pairs++;
      const [before, after] = [list[i - 1]!, list[i]!];
      const summary = summarizeRedline(redline(ordered(before.reading), ordered(after.reading)));
      const name = after.file.replace(/\.[^.]+$/, '');
      if (REWRITTEN[name]) assert.ok(summary.splitWarning, `${before.file} → ${after.file} was rewritten (${REWRITTEN[name]}); the guard must say so`);
      else assert.equal(summary.splitWarning, null, `${before.file} → ${after.file}: ${summary.added} added and ${summary.removed} removed of ${summary.fromClauses} → ${summary.toClauses}; the guard must not fire`);
    }
  }
  return { versions, pairs };
}
