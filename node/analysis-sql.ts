import { network24 } from '../shared/warehouse/harvest-sql';

/**
 * The analyses' questions (CampaignQueries, PromptQueries) as SQL on the log
 * engine's `log_rows`. Every statement takes the sources' ids as $1; the
 * clusters' statements take the clustered accounts as $2 and their clusters
 * as $3. Values are as the analyses read them from the rows: for the
 * campaign, an empty text is none.
 */

/** The rows of the case's sources. */
const ROWS = 'SELECT * FROM log_rows WHERE list_contains($1, sourceId)';
/** Those rows of clustered accounts, each with its account's cluster. */
const CLUSTERED = `SELECT r.*, m.cluster FROM (${ROWS}) r JOIN (SELECT unnest($2) AS account, unnest($3) AS cluster) m USING (account)`;

/** Fields an attribute may name as it is (the chunks' text columns); any other name is an unmapped column. */
const FIELDS = new Set(['account', 'apiKey', 'ip', 'userAgent', 'prompt', 'promptHash']);

const text = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The value an attribute links accounts by: a field, the /24 network of the address, or an unmapped column by name. */
function linkValue(attribute: string): string {
  if (attribute === 'ip24') return network24('duckdb');
  if (FIELDS.has(attribute)) return `"${attribute}"`;
  return `json_extract_string(extra, ${text(`$.${JSON.stringify(attribute)}`)})`;
}

export const CAMPAIGN_SQL = {
  requests: `SELECT count(*) AS n FROM (${ROWS})`,
  accounts: `SELECT DISTINCT account FROM (${ROWS}) WHERE account <> '' ORDER BY account`,
  /**
   * Each value of the attributes held by two or more accounts (kind
   * 'value': how many accounts, and the first of them by name), and the
   * links that join the others to that first one (kind 'edge'). Grouped,
   * never gathered into lists, so the engine can spill to disk.
   */
  shared(attributes: readonly string[]): string {
    const values = attributes.map((attribute) => `SELECT ${text(attribute)} AS attribute, ${linkValue(attribute)} AS value, account FROM (${ROWS}) WHERE account <> ''`);
    return `WITH held AS MATERIALIZED (SELECT attribute, value, account FROM (${values.join(' UNION ALL ')}) WHERE value <> '' GROUP BY ALL),
      shared AS MATERIALIZED (SELECT attribute, value, count(*) AS accounts, min(account) AS first FROM held GROUP BY attribute, value HAVING count(*) >= 2)
      SELECT 'value' AS kind, attribute, value, accounts, first, NULL AS account FROM shared
      UNION ALL SELECT DISTINCT 'edge', NULL, NULL, NULL, s.first, h.account FROM held h JOIN shared s USING (attribute, value) WHERE h.account <> s.first`;
  },
  /** One pass over the clustered rows: each cluster's totals, and its requests per day, hour, user agent and prompt (told apart by \`sums\`: 0 for totals, then 1, 2, 3, 4). */
  sums: `SELECT cluster, floor(ts / 86400000) AS day, ((floor(ts / 3600000) % 24) + 24) % 24 AS hour, nullif(userAgent, '') AS agent, nullif(prompt, '') AS text,
      count(*) AS requests, coalesce(sum(tokensIn), 0) AS tokensIn, coalesce(sum(tokensOut), 0) AS tokensOut, count(coalesce(tokensIn, tokensOut)) AS tokensRecorded, min(ts) AS first, max(ts) AS last,
      CASE GROUPING(day, hour, agent, text) WHEN 15 THEN 0 WHEN 7 THEN 1 WHEN 11 THEN 2 WHEN 13 THEN 3 ELSE 4 END AS sums
    FROM (${CLUSTERED}) GROUP BY GROUPING SETS ((cluster), (cluster, day), (cluster, hour), (cluster, agent), (cluster, text))`,
  /** Per clustered account: its timed requests and the intervals between them no longer than the session gap ($4, seconds). */
  timing: `SELECT account, count(*) AS requests, count(gap) AS intervals, avg(gap) AS mean, stddev_pop(gap) AS sd FROM (
    SELECT account, CASE WHEN gap <= $4 THEN gap END AS gap FROM (
      SELECT account, (ts - lag(ts) OVER (PARTITION BY account ORDER BY ts)) / 1000 AS gap FROM (${CLUSTERED}) WHERE ts IS NOT NULL))
    GROUP BY account`,
};

export const PROMPT_SQL = {
  distinct: `SELECT count(*) AS n FROM (SELECT DISTINCT prompt, promptHash FROM (${ROWS}))`,
  /** The distinct prompts of one part ($2) of `parts` ($3), split by hash so each part is read without the others. */
  part: `SELECT DISTINCT prompt, promptHash FROM (${ROWS}) WHERE hash(prompt, promptHash) % $3 = $2`,
  /** Rows whose prompt is among $2 or whose hash is among $3, in file order, $4 from $5. */
  rows: `SELECT sourceId, line, ts, account, apiKey, ip, prompt, promptHash FROM (${ROWS})
    WHERE prompt IN (SELECT unnest($2)) OR promptHash IN (SELECT unnest($3)) ORDER BY sourceId, position LIMIT $4 OFFSET $5`,
};
