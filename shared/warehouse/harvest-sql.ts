import type { CampaignSettings, LinkAttribute } from '../analysis/campaign';
import { normalisePrompt } from '../analysis/prompt-matching';
import { sha256Hex } from '../hash';
import type { LogEntry, OutputPair } from '../model/records';

/**
 * The harvest analyses as SQL, for the engines where a lab's logs live. Each
 * query reads one table, `log_rows`, whose columns the query pack's README
 * defines (the lab maps its warehouse table onto them with a view), and
 * `case_prompts`, the case's prompts with their SHA-256s, which the pack
 * ships as a CSV. Times are UTC epoch milliseconds; an absent value is NULL
 * or empty text.
 *
 * What SQL cannot do as the app does is left to the app, and said: the
 * accounts linked by shared values are returned as links, and the app joins
 * them into clusters; prompts are matched exactly and by hash, not after
 * NFKC normalisation, which no warehouse engine has.
 */
export const DIALECTS = ['duckdb', 'clickhouse', 'spark', 'bigquery'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const DIALECT_NAMES: Record<Dialect, string> = { duckdb: 'DuckDB', clickhouse: 'ClickHouse', spark: 'Spark SQL', bigquery: 'BigQuery (GoogleSQL)' };

/** The columns of `log_rows` every query may read, with their meaning, for the README and the tests' tables. */
export const LOG_ROW_COLUMNS = [
  ['source', 'text', 'the file or table the row comes from'],
  ['line', 'integer', 'the row’s line (or row number) in that file'],
  ['ts', 'integer', 'the request’s time, UTC epoch milliseconds; NULL if it has none'],
  ['account', 'text', 'the account that sent the request'],
  ['api_key', 'text', 'the API key it used (an identifier of the key, never the secret)'],
  ['ip', 'text', 'the client IP address'],
  ['user_agent', 'text', 'the client’s user agent'],
  ['prompt', 'text', 'the prompt as sent'],
  ['prompt_hash', 'text', 'a SHA-256 (hex) of the prompt, where the log keeps that instead of the text'],
  ['tokens_in', 'integer', 'prompt tokens'],
  ['tokens_out', 'integer', 'completion tokens'],
] as const;

export type HarvestQueryName = 'account_summary' | 'shared_values' | 'account_timing' | 'daily_requests' | 'prompt_matches' | 'excerpt';

export interface HarvestQuery {
  name: HarvestQueryName;
  title: string;
  /** What each result row means, for the README and the import of its result. */
  returns: string;
  sql: string;
}

/** The settings the queries are written for; each query's text holds them as literals, and the pack records them. */
export type HarvestQuerySettings = Pick<CampaignSettings, 'linkBy' | 'linkColumns' | 'sessionGapSeconds'>;

const quote = (dialect: Dialect, name: string) => (dialect === 'duckdb' ? `"${name.replaceAll('"', '""')}"` : `\`${name.replaceAll('`', dialect === 'clickhouse' ? '\\`' : '``')}\``);
/** A string literal: DuckDB keeps backslashes as they are (standard SQL); the others read them as escapes. */
const literal = (dialect: Dialect, value: string) => (dialect === 'duckdb' ? `'${value.replaceAll("'", "''")}'` : `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`);
const present = (column: string) => `${column} IS NOT NULL AND ${column} <> ''`;

/** The /24 network of an IPv4 address as "a.b.c.0/24", empty for anything else: the app's network24. */
export function network24(dialect: Dialect): string {
  const pattern = '^([0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3})\\.[0-9]{1,3}$';
  switch (dialect) {
    case 'duckdb':
      return `CASE WHEN regexp_matches(ip, ${literal(dialect, pattern)}) THEN regexp_extract(ip, ${literal(dialect, pattern)}, 1) || '.0/24' ELSE '' END`;
    case 'clickhouse':
      return `if(match(ip, ${literal(dialect, pattern)}), concat(extract(ip, ${literal(dialect, pattern)}), '.0/24'), '')`;
    case 'spark':
      return `CASE WHEN ip RLIKE ${literal(dialect, pattern)} THEN concat(regexp_extract(ip, ${literal(dialect, pattern)}, 1), '.0/24') ELSE '' END`;
    case 'bigquery':
      return `IF(REGEXP_CONTAINS(ip, r'${pattern}'), CONCAT(REGEXP_EXTRACT(ip, r'${pattern}'), '.0/24'), '')`;
  }
}

/** A link attribute's column in log_rows and the value it links by. */
function linkValue(dialect: Dialect, attribute: string): { column: string; value: string } {
  switch (attribute as LinkAttribute) {
    case 'apiKey':
      return { column: 'api_key', value: 'api_key' };
    case 'ip':
      return { column: 'ip', value: 'ip' };
    case 'ip24':
      return { column: 'ip', value: network24(dialect) };
    case 'userAgent':
      return { column: 'user_agent', value: 'user_agent' };
    default:
      return { column: quote(dialect, attribute), value: quote(dialect, attribute) };
  }
}

const countDistinct = (dialect: Dialect, column: string) => (dialect === 'clickhouse' ? `uniqExact(${column})` : `COUNT(DISTINCT ${column})`);
const dayOf = (dialect: Dialect) => (dialect === 'clickhouse' ? 'intDiv(ts, 86400000)' : dialect === 'bigquery' ? 'DIV(ts, 86400000)' : 'CAST(floor(ts / 86400000) AS BIGINT)');

function sharedValues(dialect: Dialect, settings: HarvestQuerySettings): string {
  const links = [...settings.linkBy, ...settings.linkColumns]
    .map((attribute) => {
      const { column, value } = linkValue(dialect, attribute);
      return `  SELECT ${literal(dialect, attribute)} AS attribute, ${value} AS value, account, COUNT(*) AS requests
  FROM log_rows
  WHERE ${present('account')} AND ${present(column)}
  GROUP BY ${value}, account`;
    })
    .join('\n  UNION ALL\n');
  // A value links accounts only when two or more sent it; the app joins the links into clusters.
  if (dialect === 'clickhouse') {
    return `SELECT attribute, value, account, requests
FROM (
${links}
)
ALL INNER JOIN (
  SELECT attribute, value FROM (
${links}
  )
  WHERE value <> ''
  GROUP BY attribute, value
  HAVING COUNT(*) >= 2
) USING (attribute, value)
ORDER BY attribute, value, account`;
  }
  return `WITH links AS (
${links}
),
shared AS (
  SELECT attribute, value FROM links WHERE value <> '' GROUP BY attribute, value HAVING COUNT(*) >= 2
)
SELECT l.attribute, l.value, l.account, l.requests
FROM links AS l
JOIN shared AS s ON l.attribute = s.attribute AND l.value = s.value
ORDER BY l.attribute, l.value, l.account`;
}

function accountTiming(dialect: Dialect, settings: HarvestQuerySettings): string {
  const gapMs = settings.sessionGapSeconds * 1000;
  if (dialect === 'clickhouse') {
    // No window functions in the ClickHouse releases a lab may still run: the gaps are taken from each account's sorted times.
    return `SELECT account, length(gaps) AS intervals, arrayReduce('avg', gaps) AS mean_interval_seconds, arrayReduce('stddevPop', gaps) AS sd_interval_seconds
FROM (
  SELECT account, arrayMap(g -> g / 1000, arrayFilter(g -> g <= ${gapMs}, arraySlice(arrayDifference(arraySort(groupArray(ts))), 2))) AS gaps
  FROM log_rows
  WHERE ${present('account')} AND ts IS NOT NULL
  GROUP BY account
)
WHERE length(gaps) > 0
ORDER BY account`;
  }
  const sd = dialect === 'bigquery' ? 'STDDEV_POP' : 'stddev_pop';
  return `WITH gaps AS (
  SELECT account, ts - LAG(ts) OVER (PARTITION BY account ORDER BY ts) AS gap_ms
  FROM log_rows
  WHERE ${present('account')} AND ts IS NOT NULL
)
SELECT account, COUNT(*) AS intervals, AVG(gap_ms / 1000.0) AS mean_interval_seconds, ${sd}(gap_ms / 1000.0) AS sd_interval_seconds
FROM gaps
WHERE gap_ms IS NOT NULL AND gap_ms <= ${gapMs}
GROUP BY account
ORDER BY account`;
}

/** A logged prompt hash as the app reads it: trimmed and in lower case (ClickHouse releases a lab may run have no trim). */
const loggedHash = (dialect: Dialect) => (dialect === 'clickhouse' ? `lower(replaceRegexpAll(prompt_hash, '^\\\\s+|\\\\s+$', ''))` : 'LOWER(TRIM(prompt_hash))');

function promptMatches(dialect: Dialect): string {
  const hashKeys = `SELECT DISTINCT pair_id, match_key FROM (SELECT pair_id, sha256 AS match_key FROM case_prompts UNION ALL SELECT pair_id, sha256_normalised AS match_key FROM case_prompts)${dialect === 'clickhouse' ? '' : ' AS keys'}`;
  const stage = (method: string, logKey: string, logColumn: string, keys: string) =>
    `SELECT pair_id, '${method}' AS method, account, ts, source, line
  FROM (SELECT ${logKey} AS match_key, account, ts, source, line FROM log_rows WHERE ${present(logColumn)}) AS logged
  ${dialect === 'clickhouse' ? 'ALL INNER JOIN' : 'JOIN'} (${keys}) AS wanted ${dialect === 'clickhouse' ? 'USING (match_key)' : 'ON logged.match_key = wanted.match_key'}`;
  // A request found both ways for one pair is counted once, as exact (the app's order: exact before hash).
  return `SELECT pair_id, MIN(method) AS method, account, ts, source, line
FROM (
  ${stage('exact', 'prompt', 'prompt', 'SELECT pair_id, prompt AS match_key FROM case_prompts')}
  UNION ALL
  ${stage('hash', loggedHash(dialect), 'prompt_hash', hashKeys)}
)${dialect === 'clickhouse' ? '' : ' AS found'}
GROUP BY pair_id, source, line, account, ts
ORDER BY pair_id, source, line`;
}

/** Every harvest query, written for one engine. */
export function harvestQueries(dialect: Dialect, settings: HarvestQuerySettings): HarvestQuery[] {
  return [
    {
      name: 'account_summary',
      title: 'Requests, first and last request, tokens, keys and networks of each account',
      returns: 'one row per account: requests, first_ts and last_ts (UTC epoch ms), tokens_in, tokens_out, api_keys and networks (distinct counts)',
      sql: `SELECT account, COUNT(*) AS requests, MIN(ts) AS first_ts, MAX(ts) AS last_ts, SUM(tokens_in) AS tokens_in, SUM(tokens_out) AS tokens_out,
  ${countDistinct(dialect, `CASE WHEN ${present('api_key')} THEN api_key END`)} AS api_keys,
  ${countDistinct(dialect, `CASE WHEN ${network24(dialect)} <> '' THEN ${network24(dialect)} END`)} AS networks
FROM log_rows
WHERE ${present('account')}
GROUP BY account
ORDER BY account`,
    },
    {
      name: 'shared_values',
      title: 'Accounts linked by a key, network or fingerprint they share',
      returns: 'one row per account and shared value: attribute (apiKey, ip, ip24, userAgent or a column), value, account, requests; only values two or more accounts sent',
      sql: sharedValues(dialect, settings),
    },
    {
      name: 'account_timing',
      title: `Each account’s intervals between requests in a session (gaps of at most ${settings.sessionGapSeconds} s)`,
      returns: 'one row per account with intervals: intervals, mean_interval_seconds, sd_interval_seconds (population); the coefficient of variation is sd / mean',
      sql: accountTiming(dialect, settings),
    },
    {
      name: 'daily_requests',
      title: 'Requests and accounts per UTC day',
      returns: 'one row per day with requests: day (days since 1970-01-01 UTC), requests, accounts',
      sql: `SELECT ${dayOf(dialect)} AS day, COUNT(*) AS requests, ${countDistinct(dialect, `CASE WHEN ${present('account')} THEN account END`)} AS accounts
FROM log_rows
WHERE ts IS NOT NULL
GROUP BY ${dialect === 'clickhouse' ? 'day' : dayOf(dialect)}
ORDER BY day`,
    },
    {
      name: 'excerpt',
      title: 'The log excerpt for the case: every column of each request that sent one of the case’s prompts, exactly or as its SHA-256',
      returns: `one row per such request, with the columns of log_rows; imported into the case as a log with the query's provenance`,
      sql: `SELECT ${[...LOG_ROW_COLUMNS.map(([name]) => name), ...settings.linkColumns.map((column) => quote(dialect, column))].join(', ')}
FROM log_rows
WHERE prompt IN (SELECT prompt FROM case_prompts)
   OR ${loggedHash(dialect)} IN (SELECT sha256 FROM case_prompts)
   OR ${loggedHash(dialect)} IN (SELECT sha256_normalised FROM case_prompts)
ORDER BY source, line`,
    },
    {
      name: 'prompt_matches',
      title: 'Logged requests that sent one of the case’s prompts, exactly or as its SHA-256',
      returns: 'one row per pair and matching request: pair_id, method (exact or hash), account, ts, source, line',
      sql: promptMatches(dialect),
    },
  ];
}

/** A log row as the columns of `log_rows`: how the app's rows are laid out for the queries. */
export function logRowColumns(row: Pick<LogEntry, 'sourceId' | 'line' | 'ts' | 'account' | 'apiKey' | 'ip' | 'userAgent' | 'prompt' | 'promptHash' | 'tokensIn' | 'tokensOut'>): Record<(typeof LOG_ROW_COLUMNS)[number][0], string | number | null> {
  return {
    source: row.sourceId,
    line: row.line,
    ts: row.ts,
    account: row.account ?? null,
    api_key: row.apiKey ?? null,
    ip: row.ip ?? null,
    user_agent: row.userAgent ?? null,
    prompt: row.prompt ?? null,
    prompt_hash: row.promptHash ?? null,
    tokens_in: row.tokensIn ?? null,
    tokens_out: row.tokensOut ?? null,
  };
}

/** The case's prompts as the queries read them: each pair's prompt with the SHA-256 of its exact and its normalised text. */
export function casePrompts(pairs: readonly Pick<OutputPair, 'id' | 'promptId' | 'prompt'>[]): { pair_id: string; prompt_id: string; prompt: string; sha256: string; sha256_normalised: string }[] {
  return pairs.map((p) => ({ pair_id: p.id, prompt_id: p.promptId, prompt: p.prompt, sha256: sha256Hex(p.prompt), sha256_normalised: sha256Hex(normalisePrompt(p.prompt)) }));
}

/**
 * The clusters the links of `shared_values` make: accounts joined whenever
 * they sent a shared value, as the app's campaign analysis joins them;
 * clusters of two or more accounts, each sorted, largest first.
 */
export function clustersOfLinks(links: readonly { attribute: string; value: string; account: string }[]): string[][] {
  const parent = new Map<string, string>();
  const root = (a: string): string => {
    let r = a;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(a, r);
    return r;
  };
  const firstOf = new Map<string, string>();
  for (const { attribute, value, account } of links) {
    if (!parent.has(account)) parent.set(account, account);
    const key = `${attribute}\u0000${value}`;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, account);
    else {
      const [a, b] = [root(first), root(account)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const members = new Map<string, string[]>();
  for (const account of parent.keys()) members.set(root(account), [...(members.get(root(account)) ?? []), account]);
  return [...members.values()].filter((m) => m.length >= 2).map((m) => m.sort()).sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}
