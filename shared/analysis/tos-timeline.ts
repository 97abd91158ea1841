import type { LogChunks } from '../log-store/log-chunks';
import type { TosDocument, TosVersion } from '../model/records';

/** The version of a document in force on a date: the latest one effective on or before it. */
export function versionInForce<V extends Pick<TosVersion, 'effectiveDate'>>(versions: readonly V[], date: string): V | null {
  let best: V | null = null;
  for (const v of versions) if (v.effectiveDate <= date && (!best || v.effectiveDate > best.effectiveDate)) best = v;
  return best;
}

/** Every version in force at some moment between two dates (inclusive): the one in force at the start and all that took effect after. */
export function versionsInForceBetween<V extends Pick<TosVersion, 'effectiveDate'>>(versions: readonly V[], from: string, to: string): V[] {
  const first = versionInForce(versions, from);
  return versions
    .filter((v) => v === first || (v.effectiveDate > from && v.effectiveDate <= to))
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
}

export interface DocumentTimeline {
  documentId: string;
  title: string;
  versions: { versionId: string; sourceId: string; effectiveDate: string; until: string | null }[];
}

/** Each document's versions in date order, each in force until the next took effect. */
export function tosTimeline(documents: readonly TosDocument[], versions: readonly TosVersion[]): DocumentTimeline[] {
  return documents.map((doc) => {
    const own = versions.filter((v) => v.documentId === doc.id).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
    return {
      documentId: doc.id,
      title: doc.title,
      versions: own.map((v, i) => ({ versionId: v.id, sourceId: v.sourceId, effectiveDate: v.effectiveDate, until: own[i + 1]?.effectiveDate ?? null })),
    };
  });
}

export interface AccountTerms {
  account: string;
  firstSeen: string;
  lastSeen: string;
  /** For each document, the effective dates of the versions in force over the account's activity. */
  inForce: { title: string; versions: string[] }[];
}

/** For each account in the logs, which versions of each document governed it while it was active. */
export async function accountTerms(chunks: LogChunks, timelines: readonly DocumentTimeline[]): Promise<AccountTerms[]> {
  const span = new Map<string, [number, number]>();
  for await (const chunk of chunks()) {
    const spans = chunk.text.account.values.map((account) => {
      if (account === '') return undefined;
      let s = span.get(account);
      if (!s) span.set(account, (s = [Infinity, -Infinity]));
      return s;
    });
    const { codes } = chunk.text.account;
    const { ts } = chunk.numbers;
    for (let k = 0; k < chunk.rows; k++) {
      const s = codes[k]! < 0 ? undefined : spans[codes[k]!];
      const t = ts[k]!;
      if (!s || Number.isNaN(t)) continue;
      if (t < s[0]) s[0] = t;
      if (t > s[1]) s[1] = t;
    }
  }
  return [...span]
    .filter(([, [first]]) => first !== Infinity)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, [first, last]]) => {
      const from = new Date(first).toISOString().slice(0, 10);
      const to = new Date(last).toISOString().slice(0, 10);
      return {
        account,
        firstSeen: new Date(first).toISOString(),
        lastSeen: new Date(last).toISOString(),
        inForce: timelines.map((t) => ({ title: t.title, versions: versionsInForceBetween(t.versions, from, to).map((v) => v.effectiveDate) })),
      };
    });
}
