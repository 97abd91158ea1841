import { sha256Hex } from '../hash';
import type { LogChunk, LogChunks } from '../log-store/log-chunks';
import { SOFTWARE_VERSION } from '../version';

export type LinkAttribute = 'apiKey' | 'ip' | 'ip24' | 'userAgent';

const LINK_ATTRIBUTE_LABELS: Record<LinkAttribute, string> = { apiKey: 'API key', ip: 'IP address', ip24: '/24 network', userAgent: 'user agent' };

/** What linked two accounts, in words: a field's name as a reader knows it, or the column (a fingerprint) as the log names it. */
export function linkAttributeLabel(attribute: string): string {
  return (LINK_ATTRIBUTE_LABELS as Record<string, string>)[attribute] ?? attribute;
}

/**
 * A cluster's token counts in words: "not recorded" when no row of it has
 * one (a log without token columns is not a log of zero tokens), and how
 * many requests the sums cover when only some do. Findings saved before the
 * count was kept show the sums alone.
 */
export function tokensInWords(c: { requests: number; tokensIn: number; tokensOut: number; tokensRecorded?: number }): string {
  if (c.tokensRecorded === 0) return 'not recorded';
  const sums = `${c.tokensIn.toLocaleString('en-US')} in, ${c.tokensOut.toLocaleString('en-US')} out`;
  return c.tokensRecorded !== undefined && c.tokensRecorded < c.requests ? `${sums} (recorded on ${c.tokensRecorded.toLocaleString('en-US')} of ${c.requests.toLocaleString('en-US')} requests)` : sums;
}

export interface CampaignSettings {
  /** Which shared attributes link two accounts. User agents are off by default: common clients would join unrelated users. */
  linkBy: LinkAttribute[];
  /** Extra columns (device or payment fingerprints) whose shared values link accounts. */
  linkColumns: string[];
  /** Requests further apart than this start a new session; only intervals within sessions measure regularity. */
  sessionGapSeconds: number;
  /** An account is machine-regular when its in-session intervals vary less than this (coefficient of variation). */
  regularCv: number;
  /** ...over at least this many intervals. */
  minIntervals: number;
  /** Within a cluster, a word in fewer than this share of its prompts is a slot in the template, not part of it. */
  slotShare: number;
}

export const DEFAULT_CAMPAIGN_SETTINGS: CampaignSettings = {
  linkBy: ['apiKey', 'ip24'],
  linkColumns: [],
  sessionGapSeconds: 1800,
  regularCv: 0.15,
  minIntervals: 10,
  slotShare: 0.15,
};

/** Phrases that ask a model to spell out its reasoning, the material a distiller wants. */
export const REASONING_PHRASES = ['step by step', 'show your reasoning', 'chain of thought', 'think carefully', "let's think", 'explain your reasoning', 'intermediate step', 'reasoning before', '一步一步', '逐步', '思考过程'];

export interface AccountTiming {
  account: string;
  requests: number;
  intervals: number;
  meanIntervalSeconds: number | null;
  cv: number | null;
  machineRegular: boolean;
}

export interface Template {
  fingerprint: string;
  template: string;
  requests: number;
  share: number;
}

export interface Cluster {
  id: number;
  accounts: string[];
  /** The attribute values that tie the accounts together. */
  sharedBy: { attribute: string; value: string; accounts: number }[];
  firstSeen: string | null;
  lastSeen: string | null;
  requests: number;
  tokensIn: number;
  tokensOut: number;
  /** Requests whose row records a token count: with none, the sums above are "not recorded", not zero. */
  tokensRecorded: number;
  daily: { date: string; requests: number }[];
  hourOfDay: number[];
  userAgents: { value: string; requests: number }[];
  topTemplates: Template[];
  topTemplatesShare: number;
  reasoningRequests: number;
  reasoningPhrases: Record<string, number>;
  machineRegularAccounts: number;
  timing: AccountTiming[];
}

export interface CampaignAnalysis {
  softwareVersion: string;
  settings: CampaignSettings;
  accounts: number;
  requests: number;
  /** Clusters of two or more accounts, largest first. */
  clusters: Cluster[];
  /** Accounts linked to no other. */
  singletons: number;
}

/** The /24 network of an IPv4 address ("203.0.113.0/24"), or undefined for anything else. */
export function network24(ip: string): string | undefined {
  const m = /^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/.exec(ip);
  return m ? `${m[1]}.0/24` : undefined;
}

/** A prompt with numbers, quoted strings, capitalised names and spacing made uniform. */
export function normalizePrompt(prompt: string): string {
  return prompt
    .normalize('NFKC')
    .replace(/"[^"]*"|“[^”]*”|'[^'\s][^']*'/g, '<q>')
    .replace(/(?<=[a-z,;:] )(?:[A-Z][a-z]+)(?: [A-Z][a-z]+)*/g, '<name>')
    .toLowerCase()
    .replace(/\d+(?:[.,]\d+)*/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The templates of a cluster's prompts, given as their normalised texts and
 * how often each was sent: a word in fewer than `slotShare` of the prompts
 * (counted with repeats) is a slot, masked, once there are enough prompts
 * for the share to mean something.
 */
function templatesOf(normalized: ReadonlyMap<string, number>, prompts: number, slotShare: number): Template[] {
  let masked: [string, number][] = [...normalized];
  if (prompts >= 20) {
    const df = new Map<string, number>();
    for (const [text, count] of normalized) for (const w of new Set(text.split(' '))) df.set(w, (df.get(w) ?? 0) + count);
    const min = slotShare * prompts;
    masked = masked.map(([text, count]) => [text.split(' ').map((w) => ((df.get(w) ?? 0) >= min ? w : '…')).join(' ').replace(/…( …)+/g, '…'), count]);
  }
  const counts = new Map<string, number>();
  for (const [template, count] of masked) counts.set(template, (counts.get(template) ?? 0) + count);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([template, requests]) => ({ fingerprint: sha256Hex(template).slice(0, 12), template, requests, share: requests / prompts }));
}

/** An account's timing from its requests' in-session intervals: how many, their mean and their (population) standard deviation. */
export function accountTiming(account: string, requests: number, intervals: { count: number; mean: number; sd: number }, settings: CampaignSettings): AccountTiming {
  if (intervals.count === 0) return { account, requests, intervals: 0, meanIntervalSeconds: null, cv: null, machineRegular: false };
  const { mean, sd } = intervals;
  const cv = mean > 0 ? sd / mean : 0;
  return { account, requests, intervals: intervals.count, meanIntervalSeconds: mean, cv, machineRegular: intervals.count >= settings.minIntervals && cv < settings.regularCv };
}

function timingOf(account: string, times: Float64Array, settings: CampaignSettings): AccountTiming {
  const sorted = times.slice().sort();
  const intervals: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i]! - sorted[i - 1]!) / 1000;
    if (gap <= settings.sessionGapSeconds) intervals.push(gap);
  }
  const mean = intervals.reduce((a, b) => a + b, 0) / Math.max(1, intervals.length);
  const sd = Math.sqrt(intervals.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, intervals.length));
  return accountTiming(account, times.length, { count: intervals.length, mean, sd }, settings);
}

/** The values of a chunk a link attribute reads, one per distinct value of its column (undefined where it links nothing). */
function linkColumn(chunk: LogChunk, attribute: string): { keys: (string | undefined)[]; codes: Int32Array } | undefined {
  const column = attribute === 'ip24' ? chunk.text.ip : attribute in chunk.text ? chunk.text[attribute as keyof LogChunk['text']] : chunk.extra[attribute];
  if (!column) return undefined;
  const value = attribute === 'ip24' ? (v: string) => network24(v) : (v: string) => v;
  return { keys: column.values.map((v) => (v === '' ? undefined : value(v)) && `${attribute}\u0000${value(v)}`), codes: column.codes };
}

/** A growing list of times. */
class Times {
  private values = new Float64Array(16);
  length = 0;
  push(t: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = t;
  }
  all(): Float64Array {
    return this.values.subarray(0, this.length);
  }
}

interface ClusterTotals {
  accounts: number[];
  requests: number;
  tokensIn: number;
  tokensOut: number;
  tokensRecorded: number;
  first: number;
  last: number;
  daily: Map<number, number>;
  /** The day of the cluster's last rows and how many it sent, not yet in daily: rows come mostly in time order. */
  day: number;
  dayRequests: number;
  hourOfDay: number[];
  agents: Map<string, number>;
  prompts: number;
  normalized: Map<string, number>;
  reasoningRequests: number;
  phraseCounts: Record<string, number>;
}

const DAY_MS = 86_400_000;

function newTotals(accounts: number[]): ClusterTotals {
  return { accounts, requests: 0, tokensIn: 0, tokensOut: 0, tokensRecorded: 0, first: Infinity, last: -Infinity, daily: new Map(), day: NaN, dayRequests: 0, hourOfDay: new Array<number>(24).fill(0), agents: new Map(), prompts: 0, normalized: new Map(), reasoningRequests: 0, phraseCounts: {} };
}

/** Counts `requests` requests of a cluster that sent one prompt, given as its normalised text and the reasoning phrases it holds. */
function countPrompt(cluster: ClusterTotals, normalized: string, phrases: readonly string[], requests: number): void {
  cluster.prompts += requests;
  cluster.normalized.set(normalized, (cluster.normalized.get(normalized) ?? 0) + requests);
  if (phrases.length) cluster.reasoningRequests += requests;
  for (const phrase of phrases) cluster.phraseCounts[phrase] = (cluster.phraseCounts[phrase] ?? 0) + requests;
}

/** The reasoning-elicitation phrases a prompt holds. */
const phrasesIn = (prompt: string) => REASONING_PHRASES.filter((phrase) => prompt.toLowerCase().includes(phrase));

function countDay(cluster: ClusterTotals): void {
  if (cluster.dayRequests) cluster.daily.set(cluster.day, (cluster.daily.get(cluster.day) ?? 0) + cluster.dayRequests);
}
const HOUR_MS = 3_600_000;

/**
 * Finds the accounts that act together: linked by shared keys, networks or
 * fingerprints into clusters (connected components), each with its volume
 * over time, its prompt templates, its reasoning-elicitation phrases and how
 * machine-regular its accounts' timing is. Two passes over the chunks: the
 * first links the accounts, the second sums what their rows did. What is
 * kept is per account, per distinct value and per distinct prompt, plus
 * each clustered row's time (for the intervals), never the rows.
 */
export async function analyzeCampaign(chunks: LogChunks, settings: CampaignSettings = DEFAULT_CAMPAIGN_SETTINGS): Promise<CampaignAnalysis> {
  const accountIds = new Map<string, number>();
  const accountNames: string[] = [];
  const holders = new Map<string, Set<number>>();
  const attributes = [...settings.linkBy, ...settings.linkColumns];
  let requests = 0;
  const idsOf = (chunk: LogChunk) =>
    chunk.text.account.values.map((name) => {
      if (name === '') return -1;
      let id = accountIds.get(name);
      if (id === undefined) {
        id = accountNames.length;
        accountIds.set(name, id);
        accountNames.push(name);
      }
      return id;
    });

  for await (const chunk of chunks()) {
    requests += chunk.rows;
    const accounts = chunk.text.account.codes;
    const ids = idsOf(chunk);
    for (const attribute of attributes) {
      const column = linkColumn(chunk, attribute);
      if (!column) continue;
      const sets = column.keys.map((key) => {
        if (key === undefined) return undefined;
        let set = holders.get(key);
        if (!set) holders.set(key, (set = new Set()));
        return set;
      });
      // Rows of one account sending one value come in runs: the set is asked only when the account changes.
      const lastAccount = new Int32Array(sets.length).fill(-1);
      for (let k = 0; k < chunk.rows; k++) {
        const a = accounts[k]!;
        const v = column.codes[k]!;
        if (a < 0 || v < 0 || ids[a]! < 0 || lastAccount[v] === ids[a]) continue;
        lastAccount[v] = ids[a]!;
        sets[v]?.add(ids[a]!);
      }
    }
  }

  const { clusterOf, totals } = linkedClusters(accountNames.length, holders.values());
  const times: (Times | undefined)[] = [];

  if (totals.length) {
    for await (const chunk of chunks()) {
      const ids = chunk.text.account.values.map((name) => accountIds.get(name) ?? -1);
      const { account, userAgent, prompt } = chunk.text;
      const { ts, tokensIn, tokensOut } = chunk.numbers;
      // Worked out once per distinct prompt of the chunk, when a clustered row first sends it.
      const normalized = new Array<string | undefined>(prompt.values.length);
      const phrases = new Array<string[] | undefined>(prompt.values.length);
      for (let k = 0; k < chunk.rows; k++) {
        const a = account.codes[k]!;
        if (a < 0) continue;
        const id = ids[a]!;
        const c = id < 0 ? -1 : clusterOf[id]!;
        if (c < 0) continue;
        const cluster = totals[c]!;
        cluster.requests++;
        const t = ts[k]!;
        if (!Number.isNaN(t)) {
          if (t < cluster.first) cluster.first = t;
          if (t > cluster.last) cluster.last = t;
          const day = Math.floor(t / DAY_MS);
          if (day === cluster.day) cluster.dayRequests++;
          else {
            countDay(cluster);
            [cluster.day, cluster.dayRequests] = [day, 1];
          }
          cluster.hourOfDay[(((Math.floor(t / HOUR_MS) % 24) + 24) % 24)]!++;
          (times[id] ??= new Times()).push(t);
        }
        const agent = userAgent.codes[k]!;
        if (agent >= 0 && userAgent.values[agent] !== '') cluster.agents.set(userAgent.values[agent]!, (cluster.agents.get(userAgent.values[agent]!) ?? 0) + 1);
        if (!Number.isNaN(tokensIn[k]!)) cluster.tokensIn += tokensIn[k]!;
        if (!Number.isNaN(tokensOut[k]!)) cluster.tokensOut += tokensOut[k]!;
        if (!Number.isNaN(tokensIn[k]!) || !Number.isNaN(tokensOut[k]!)) cluster.tokensRecorded++;
        const p = prompt.codes[k]!;
        if (p < 0 || prompt.values[p] === '') continue;
        countPrompt(cluster, (normalized[p] ??= normalizePrompt(prompt.values[p]!)), (phrases[p] ??= phrasesIn(prompt.values[p]!)), 1);
      }
    }
  }

  totals.forEach(countDay);
  const shared = [...holders].filter(([, set]) => set.size >= 2).map(([key, set]) => ({ key, first: set.values().next().value!, accounts: set.size }));
  return campaignOf({ accountNames, requests, totals, clusterOf, shared, settings, timing: (name) => timingOf(name, times[accountIds.get(name)!]?.all() ?? new Float64Array(0), settings) });
}

/** The accounts of the rows, and the values (of the attributes asked for) that two or more of them share. */
export interface CampaignLinks {
  requests: number;
  /** Every account that sent a row (a non-empty name). */
  accounts: string[];
  /** Each value held by two or more accounts: how many, and the first of them by name. */
  shared: { attribute: string; value: string; accounts: number; first: string }[];
  /** Pairs of accounts that share a value: together, they join every account of a shared value to its first. */
  links: [string, string][];
}

/** Which cluster (0, 1, …) each clustered account is in: two lists of one length. */
export interface ClusterMembership {
  accounts: string[];
  clusters: number[];
}

/** What the clustered accounts' rows did, summed per cluster (per account for timing). Days and hours as in analyzeCampaign: UTC, from epoch milliseconds. */
export interface ClusterReadings {
  totals: { cluster: number; requests: number; tokensIn: number; tokensOut: number; tokensRecorded: number; first: number | null; last: number | null }[];
  days: { cluster: number; day: number; requests: number }[];
  hours: { cluster: number; hour: number; requests: number }[];
  agents: { cluster: number; value: string; requests: number }[];
  prompts: { cluster: number; prompt: string; requests: number }[];
  /** Per account with timed rows: its timed requests, and its intervals within sessions (count, mean, population SD; null when none). */
  timing: { account: string; requests: number; intervals: number; mean: number | null; sd: number | null }[];
}

/** The campaign's two questions, asked where the rows are (the log engine's SQL) rather than by reading every row here. */
export interface CampaignQueries {
  links(attributes: readonly string[]): Promise<CampaignLinks>;
  clusters(membership: ClusterMembership, sessionGapSeconds: number): Promise<ClusterReadings>;
}

/**
 * The campaign analysis from the answers of CampaignQueries: the same
 * clusters, sums and timing as analyzeCampaign over the same rows (the
 * engine's sums of intervals may differ from ours in the last digits).
 */
export async function analyzeCampaignWith(queries: CampaignQueries, settings: CampaignSettings = DEFAULT_CAMPAIGN_SETTINGS): Promise<CampaignAnalysis> {
  const links = await queries.links([...settings.linkBy, ...settings.linkColumns]);
  const ids = new Map(links.accounts.map((name, i) => [name, i]));
  const shared = links.shared.map(({ attribute, value, accounts, first }) => ({ key: `${attribute}\u0000${value}`, first: ids.get(first)!, accounts }));
  const { clusterOf, totals } = linkedClusters(links.accounts.length, links.links.map((pair) => pair.map((a) => ids.get(a)!)));
  const membership: ClusterMembership = { accounts: [], clusters: [] };
  clusterOf.forEach((c, a) => {
    if (c < 0) return;
    membership.accounts.push(links.accounts[a]!);
    membership.clusters.push(c);
  });
  const timing = new Map<string, AccountTiming>();
  if (totals.length) {
    const read = await queries.clusters(membership, settings.sessionGapSeconds);
    for (const t of read.totals) {
      const cluster = totals[t.cluster]!;
      Object.assign(cluster, { requests: t.requests, tokensIn: t.tokensIn, tokensOut: t.tokensOut, tokensRecorded: t.tokensRecorded, first: t.first ?? Infinity, last: t.last ?? -Infinity });
    }
    for (const d of read.days) totals[d.cluster]!.daily.set(d.day, d.requests);
    for (const h of read.hours) totals[h.cluster]!.hourOfDay[h.hour] = h.requests;
    for (const a of read.agents) totals[a.cluster]!.agents.set(a.value, a.requests);
    const prompts = new Map<string, { normalized: string; phrases: string[] }>();
    for (const p of read.prompts) {
      let seen = prompts.get(p.prompt);
      if (!seen) prompts.set(p.prompt, (seen = { normalized: normalizePrompt(p.prompt), phrases: phrasesIn(p.prompt) }));
      countPrompt(totals[p.cluster]!, seen.normalized, seen.phrases, p.requests);
    }
    for (const t of read.timing) timing.set(t.account, accountTiming(t.account, t.requests, { count: t.intervals, mean: t.mean ?? 0, sd: t.sd ?? 0 }, settings));
  }
  const none = { count: 0, mean: 0, sd: 0 };
  return campaignOf({ accountNames: links.accounts, requests: links.requests, totals, clusterOf, shared, settings, timing: (name) => timing.get(name) ?? accountTiming(name, 0, none, settings) });
}

/**
 * Links accounts (numbered 0 to `accounts` - 1) that share a value into
 * clusters (connected components): each account's cluster (-1 for one
 * linked to no other), and an empty total for each cluster of two or more.
 */
function linkedClusters(accounts: number, sets: Iterable<Iterable<number>>): { clusterOf: Int32Array; totals: ClusterTotals[] } {
  const parent = Int32Array.from({ length: accounts }, (_, i) => i);
  const root = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const set of sets) {
    let first = -1;
    for (const a of set) {
      if (first < 0) first = root(a);
      else {
        const other = root(a);
        if (other !== first) parent[Math.max(other, first)] = Math.min(other, first);
        first = Math.min(other, first);
      }
    }
  }
  const members = new Map<number, number[]>();
  for (let a = 0; a < accounts; a++) {
    const r = root(a);
    const list = members.get(r);
    if (list) list.push(a);
    else members.set(r, [a]);
  }
  const clusterOf = new Int32Array(accounts).fill(-1);
  const totals: ClusterTotals[] = [];
  for (const group of members.values()) {
    if (group.length < 2) continue;
    for (const a of group) clusterOf[a] = totals.length;
    totals.push(newTotals(group));
  }
  return { clusterOf, totals };
}

/** What both readings of the rows (the chunks, the engine's SQL) have found, for the analysis to be put together alike. */
interface CampaignParts {
  accountNames: readonly string[];
  requests: number;
  totals: readonly ClusterTotals[];
  clusterOf: Int32Array;
  /** Each value shared by two or more accounts (`attribute\u0000value`): one of its accounts, and how many. */
  shared: readonly { key: string; first: number; accounts: number }[];
  settings: CampaignSettings;
  timing(account: string): AccountTiming;
}

function campaignOf({ accountNames, requests, totals, clusterOf, shared, settings, timing: timingOfAccount }: CampaignParts): CampaignAnalysis {
  const sharedBy = totals.map(() => [] as Cluster['sharedBy']);
  for (const { key, first, accounts } of shared) {
    const [attribute, value] = key.split('\u0000') as [string, string];
    sharedBy[clusterOf[first]!]!.push({ attribute, value, accounts });
  }
  const clusters: Cluster[] = totals.map((cluster, c) => {
    const accounts = cluster.accounts.map((a) => accountNames[a]!).sort();
    const templates = templatesOf(cluster.normalized, cluster.prompts, settings.slotShare);
    const top = templates.slice(0, 5);
    const timing = accounts.map(timingOfAccount);
    return {
      id: 0,
      accounts,
      sharedBy: sharedBy[c]!.sort((a, b) => b.accounts - a.accounts || a.value.localeCompare(b.value) || a.attribute.localeCompare(b.attribute)),
      firstSeen: cluster.first <= cluster.last ? new Date(cluster.first).toISOString() : null,
      lastSeen: cluster.first <= cluster.last ? new Date(cluster.last).toISOString() : null,
      requests: cluster.requests,
      tokensIn: cluster.tokensIn,
      tokensOut: cluster.tokensOut,
      tokensRecorded: cluster.tokensRecorded,
      daily: [...cluster.daily].sort(([a], [b]) => a - b).map(([day, requests]) => ({ date: new Date(day * DAY_MS).toISOString().slice(0, 10), requests })),
      hourOfDay: cluster.hourOfDay,
      userAgents: [...cluster.agents].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, requests]) => ({ value, requests })),
      topTemplates: top,
      topTemplatesShare: top.reduce((s, t) => s + t.share, 0),
      reasoningRequests: cluster.reasoningRequests,
      reasoningPhrases: Object.fromEntries(REASONING_PHRASES.filter((phrase) => cluster.phraseCounts[phrase]).map((phrase) => [phrase, cluster.phraseCounts[phrase]!])),
      machineRegularAccounts: timing.filter((t) => t.machineRegular).length,
      timing,
    };
  });
  return finished(clusters, accountNames.length, requests, settings);
}

function finished(clusters: Cluster[], accounts: number, requests: number, settings: CampaignSettings): CampaignAnalysis {
  clusters.sort((a, b) => b.requests - a.requests || a.accounts[0]!.localeCompare(b.accounts[0]!));
  clusters.forEach((c, i) => (c.id = i + 1));
  const clustered = clusters.reduce((n, c) => n + c.accounts.length, 0);
  return { softwareVersion: SOFTWARE_VERSION, settings, accounts, requests, clusters, singletons: accounts - clustered };
}
