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
  /** Each value of the attributes held by two or more accounts, with those accounts. */
  shared(attributes: readonly string[]): string {
    const values = attributes.map((attribute) => `SELECT ${text(attribute)} AS attribute, ${linkValue(attribute)} AS value, account FROM (${ROWS}) WHERE account <> ''`);
    return `SELECT attribute, value, list(DISTINCT account ORDER BY account) AS accounts FROM (${values.join(' UNION ALL ')}) WHERE value <> '' GROUP BY attribute, value HAVING count(DISTINCT account) >= 2`;
  },
  totals: `SELECT cluster, count(*) AS requests, coalesce(sum(tokensIn), 0) AS tokensIn, coalesce(sum(tokensOut), 0) AS tokensOut, min(ts) AS first, max(ts) AS last FROM (${CLUSTERED}) GROUP BY cluster`,
  days: `SELECT cluster, floor(ts / 86400000) AS day, count(*) AS requests FROM (${CLUSTERED}) WHERE ts IS NOT NULL GROUP BY ALL`,
  hours: `SELECT cluster, ((floor(ts / 3600000) % 24) + 24) % 24 AS hour, count(*) AS requests FROM (${CLUSTERED}) WHERE ts IS NOT NULL GROUP BY ALL`,
  agents: `SELECT cluster, userAgent AS value, count(*) AS requests FROM (${CLUSTERED}) WHERE userAgent <> '' GROUP BY ALL`,
  prompts: `SELECT cluster, prompt, count(*) AS requests FROM (${CLUSTERED}) WHERE prompt <> '' GROUP BY ALL`,
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
