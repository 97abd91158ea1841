import { TextReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { sha256Hex } from '../hash';
import type { OutputPair } from '../model/records';
import { SOFTWARE_VERSION } from '../version';
import { DIALECTS, DIALECT_NAMES, LOG_ROW_COLUMNS, casePrompts, harvestQueries, type HarvestQuerySettings } from './harvest-sql';

/** One file of a query pack: its path inside the pack's folder and its text. */
export interface PackFile {
  path: string;
  text: string;
}

export interface QueryPackCase {
  id: string;
  title: string;
  /** The SHA-256 of the case's last history event when the pack was made: which state of the case the prompts come from. */
  historyHead: string;
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function promptsCsv(pairs: readonly OutputPair[]): string {
  const rows = casePrompts(pairs);
  const header = ['pair_id', 'prompt_id', 'prompt', 'sha256', 'sha256_normalised'] as const;
  return `${[header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\r\n')}\r\n`;
}

function readme(kase: QueryPackCase, settings: HarvestQuerySettings, prompts: number, createdAt: string): string {
  const queries = harvestQueries('duckdb', settings);
  return `# Harvest queries for “${kase.title}”

Made by Evidence Desk ${SOFTWARE_VERSION} at ${createdAt}, from the case's history at event SHA-256 ${kase.historyHead}.
These are the analyses the app runs on the log excerpt it holds, written as SQL so the lab's data team can run them where the full logs live. \`pack.json\` lists every file with its SHA-256: quote the query's hash with any result.

## 1. Make the table \`log_rows\`

Every query reads one table (or view) named \`log_rows\` with these columns. Map your log table onto them with a view; a column your logs do not have can be \`NULL\`.

| column | type | meaning |
| --- | --- | --- |
${LOG_ROW_COLUMNS.map(([name, type, meaning]) => `| \`${name}\` | ${type} | ${meaning} |`).join('\n')}
${settings.linkColumns.map((column) => `| \`${column}\` | text | a fingerprint column the case links accounts by |`).join('\n')}

## 2. Load \`case_prompts.csv\` as the table \`case_prompts\`

${prompts} rows, one per output pair of the case: \`pair_id\`, \`prompt_id\`, \`prompt\` (the exact text), \`sha256\` (of its UTF-8 bytes) and \`sha256_normalised\` (of the text after Unicode NFKC, runs of white space folded to one space and trimmed, then lower case). It is RFC 4180 CSV with a header; prompts may hold line breaks inside quotes.

## 3. Run the queries of your engine

One folder per engine: ${DIALECTS.map((d) => `\`${d}/\` (${DIALECT_NAMES[d]})`).join(', ')}. The DuckDB and ClickHouse texts are tested on those engines (ClickHouse from release 18.16) against the app's own results on the same rows; the Spark SQL and BigQuery texts are written to their documented dialects but not run by our tests.

${queries.map((q) => `- \`${q.name}.sql\`: ${q.title}. Returns ${q.returns}.`).join('\n')}

## 4. Send the results back

With a ClickHouse server, Evidence Desk can run the ClickHouse queries itself: \`run-query-pack <this folder> --clickhouse http://host:8123 [--user name] [--database db]\` (password from \`CLICKHOUSE_PASSWORD\`, never stored). The case's prompts go into a temporary table of the session, so nothing is created in your database; a query edited since the pack was made is refused. Each result is written to \`results/clickhouse/<query>.jsonl\` (JSON Lines, one row per line, as the engine returned it) beside \`<query>.provenance.json\`.

On another engine, save each result as JSON Lines and write its provenance beside it by hand, a JSON object with: \`query\` (the file's path in this pack, such as \`spark/excerpt.sql\`), \`querySha256\` and \`queryText\` (the file's SHA-256 and text, from \`pack.json\` and the file), \`case\` (copied from \`pack.json\`), \`engine\` and \`engineVersion\`, \`ranAt\` (ISO 8601 with its offset), \`result\` (the result's file name), \`resultSha256\` (the SHA-256 of the result's bytes) and \`rows\`.

The excerpt comes back into the case as a log whose source records that provenance: \`import <case> results/clickhouse/excerpt.jsonl --kind log --from-query results/clickhouse/excerpt.provenance.json\`. A result whose bytes differ from the SHA-256 its provenance records, or made for another case, is refused.

Written for these settings, which each file repeats: accounts linked by ${[...settings.linkBy, ...settings.linkColumns].join(', ')}; a session ends after a gap of more than ${settings.sessionGapSeconds} s.

## What the queries do not do

- They do not form clusters: \`shared_values\` returns the links (an account and a value it shares with another), and the app joins linked accounts into clusters, as it does for its own rows.
- They match prompts exactly and by SHA-256 only. The app also matches after NFKC normalisation, inside templates and as near-duplicates; warehouse engines have no NFKC, so a prompt that differs only in Unicode form is found by the app and not here.
- They judge nothing: counts, times and links, for an expert to read with the app's findings.
`;
}

/** The files of a query pack for this case: README, the case's prompts, each query for each engine, and the manifest that hashes them. */
export function queryPack(kase: QueryPackCase, pairs: readonly OutputPair[], settings: HarvestQuerySettings, createdAt: string): PackFile[] {
  const files: PackFile[] = [
    { path: 'README.md', text: readme(kase, settings, pairs.length, createdAt) },
    { path: 'case_prompts.csv', text: promptsCsv(pairs) },
  ];
  for (const dialect of DIALECTS) {
    for (const query of harvestQueries(dialect, settings)) {
      const header = [
        `-- ${query.title}`,
        `-- Returns ${query.returns}.`,
        `-- Engine: ${DIALECT_NAMES[dialect]}. Case ${kase.id}, history at ${kase.historyHead}. Evidence Desk ${SOFTWARE_VERSION}.`,
        `-- Settings: link by ${[...settings.linkBy, ...settings.linkColumns].join(', ')}; session gap ${settings.sessionGapSeconds} s.`,
      ];
      files.push({ path: `${dialect}/${query.name}.sql`, text: `${header.join('\n')}\n${query.sql};\n` });
    }
  }
  const manifest = {
    format: 1,
    software: `Evidence Desk ${SOFTWARE_VERSION}`,
    createdAt,
    case: kase,
    settings,
    files: files.map((f) => ({ path: f.path, sha256: sha256Hex(f.text) })),
  };
  return [...files, { path: 'pack.json', text: `${JSON.stringify(manifest, null, 2)}\n` }];
}

/** A query pack as one zip file, its files under a folder of the pack's name: how the app hands it over. */
export async function queryPackZip(files: readonly PackFile[], folder: string): Promise<Uint8Array> {
  const zip = new ZipWriter(new Uint8ArrayWriter());
  for (const file of files) await zip.add(`${folder}/${file.path}`, new TextReader(file.text));
  return zip.close();
}
