import { sha256Hex } from '../hash';
import type { LogRow } from '../model/records';
import { SOFTWARE_VERSION } from '../version';

export type LinkAttribute = 'apiKey' | 'ip' | 'ip24' | 'userAgent';

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

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.get(root) !== undefined && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** The /24 network of an IPv4 address ("203.0.113.0/24"), or undefined for anything else. */
export function network24(ip: string): string | undefined {
  const m = /^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/.exec(ip);
  return m ? `${m[1]}.0/24` : undefined;
}

function attributeValue(entry: LogRow, attribute: LinkAttribute | string): string | undefined {
  switch (attribute) {
    case 'apiKey':
      return entry.apiKey;
    case 'ip':
      return entry.ip;
    case 'ip24':
      return entry.ip ? network24(entry.ip) : undefined;
    case 'userAgent':
      return entry.userAgent;
    default:
      return entry.extra?.[attribute];
  }
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

function templatesOf(prompts: string[], slotShare: number): Template[] {
  const normalized = prompts.map(normalizePrompt);
  const words = normalized.map((p) => p.split(' '));
  let masked = normalized;
  if (prompts.length >= 20) {
    const df = new Map<string, number>();
    for (const ws of words) for (const w of new Set(ws)) df.set(w, (df.get(w) ?? 0) + 1);
    const min = slotShare * prompts.length;
    masked = words.map((ws) => ws.map((w) => ((df.get(w) ?? 0) >= min ? w : '…')).join(' ').replace(/…( …)+/g, '…'));
  }
  const counts = new Map<string, number>();
  for (const t of masked) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([template, requests]) => ({ fingerprint: sha256Hex(template).slice(0, 12), template, requests, share: requests / prompts.length }));
}

function timingOf(account: string, times: number[], settings: CampaignSettings): AccountTiming {
  const sorted = [...times].sort((a, b) => a - b);
  const intervals: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i]! - sorted[i - 1]!) / 1000;
    if (gap <= settings.sessionGapSeconds) intervals.push(gap);
  }
  if (intervals.length === 0) return { account, requests: times.length, intervals: 0, meanIntervalSeconds: null, cv: null, machineRegular: false };
  const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  const sd = Math.sqrt(intervals.reduce((a, b) => a + (b - mean) ** 2, 0) / intervals.length);
  const cv = mean > 0 ? sd / mean : 0;
  return { account, requests: times.length, intervals: intervals.length, meanIntervalSeconds: mean, cv, machineRegular: intervals.length >= settings.minIntervals && cv < settings.regularCv };
}

/**
 * Finds the accounts that act together: linked by shared keys, networks or
 * fingerprints into clusters (connected components), each with its volume
 * over time, its prompt templates, its reasoning-elicitation phrases and how
 * machine-regular its accounts' timing is.
 */
export function analyzeCampaign(entries: readonly LogRow[], settings: CampaignSettings = DEFAULT_CAMPAIGN_SETTINGS): CampaignAnalysis {
  const byAccount = new Map<string, LogRow[]>();
  for (const e of entries) {
    if (!e.account) continue;
    const list = byAccount.get(e.account);
    if (list) list.push(e);
    else byAccount.set(e.account, [e]);
  }
  const links = new UnionFind();
  const holders = new Map<string, Set<string>>();
  for (const attribute of [...settings.linkBy, ...settings.linkColumns]) {
    for (const [account, rows] of byAccount) {
      links.find(account);
      for (const row of rows) {
        const value = attributeValue(row, attribute);
        if (value === undefined || value === '') continue;
        const key = `${attribute}\u0000${value}`;
        const set = holders.get(key);
        if (set) set.add(account);
        else holders.set(key, new Set([account]));
      }
    }
  }
  for (const accounts of holders.values()) {
    const [first, ...rest] = accounts;
    for (const other of rest) links.union(first!, other);
  }
  const members = new Map<string, string[]>();
  for (const account of byAccount.keys()) {
    const root = links.find(account);
    members.set(root, [...(members.get(root) ?? []), account]);
  }

  const clusters: Cluster[] = [];
  for (const accounts of members.values()) {
    if (accounts.length < 2) continue;
    accounts.sort();
    const rows = accounts.flatMap((a) => byAccount.get(a)!);
    const times = rows.map((r) => r.ts).filter((t): t is number => t !== null).sort((a, b) => a - b);
    const daily = new Map<string, number>();
    const hourOfDay = new Array<number>(24).fill(0);
    const agents = new Map<string, number>();
    const phraseCounts: Record<string, number> = {};
    let reasoningRequests = 0;
    let tokensIn = 0;
    let tokensOut = 0;
    const prompts: string[] = [];
    for (const r of rows) {
      if (r.ts !== null) {
        const day = new Date(r.ts).toISOString().slice(0, 10);
        daily.set(day, (daily.get(day) ?? 0) + 1);
        hourOfDay[new Date(r.ts).getUTCHours()]!++;
      }
      if (r.userAgent) agents.set(r.userAgent, (agents.get(r.userAgent) ?? 0) + 1);
      tokensIn += r.tokensIn ?? 0;
      tokensOut += r.tokensOut ?? 0;
      if (r.prompt) {
        prompts.push(r.prompt);
        const lower = r.prompt.toLowerCase();
        const found = REASONING_PHRASES.filter((p) => lower.includes(p));
        if (found.length) reasoningRequests++;
        for (const p of found) phraseCounts[p] = (phraseCounts[p] ?? 0) + 1;
      }
    }
    const members = new Set(accounts);
    const sharedBy = [...holders]
      .filter(([, set]) => set.size > 1 && [...set].every((a) => members.has(a)))
      .map(([key, set]) => {
        const [attribute, value] = key.split('\u0000') as [string, string];
        return { attribute, value, accounts: set.size };
      })
      .sort((a, b) => b.accounts - a.accounts || a.value.localeCompare(b.value));
    const templates = templatesOf(prompts, settings.slotShare);
    const top = templates.slice(0, 5);
    const timing = accounts.map((a) => timingOf(a, byAccount.get(a)!.map((r) => r.ts).filter((t): t is number => t !== null), settings));
    clusters.push({
      id: 0,
      accounts,
      sharedBy,
      firstSeen: times.length ? new Date(times[0]!).toISOString() : null,
      lastSeen: times.length ? new Date(times[times.length - 1]!).toISOString() : null,
      requests: rows.length,
      tokensIn,
      tokensOut,
      daily: [...daily].sort(([a], [b]) => a.localeCompare(b)).map(([date, requests]) => ({ date, requests })),
      hourOfDay,
      userAgents: [...agents].sort((a, b) => b[1] - a[1]).map(([value, requests]) => ({ value, requests })),
      topTemplates: top,
      topTemplatesShare: top.reduce((s, t) => s + t.share, 0),
      reasoningRequests,
      reasoningPhrases: phraseCounts,
      machineRegularAccounts: timing.filter((t) => t.machineRegular).length,
      timing,
    });
  }
  clusters.sort((a, b) => b.requests - a.requests || a.accounts[0]!.localeCompare(b.accounts[0]!));
  clusters.forEach((c, i) => (c.id = i + 1));
  const clustered = clusters.reduce((n, c) => n + c.accounts.length, 0);
  return { softwareVersion: SOFTWARE_VERSION, settings, accounts: byAccount.size, requests: entries.length, clusters, singletons: byAccount.size - clustered };
}
