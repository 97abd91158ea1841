import { useMemo, useState } from 'react';
import type { AttributionResult } from '../../../shared/analysis/attribution';
import { fixed } from '../../../shared/analysis/format-figures';
import type { PairResult } from '../../../shared/analysis/pair-analysis';
import { VirtualList } from '../../components/VirtualList';

interface Row {
  pairId: string;
  promptId: string;
  prompt: string;
  suspect: number;
  panelMean: number;
  lead: number;
  control: number;
  longestRun: number;
  flags: string;
}

type Column = { key: keyof Row; title: string; numeric: boolean };

const COLUMNS: Column[] = [
  { key: 'promptId', title: 'Prompt id', numeric: false },
  { key: 'prompt', title: 'Prompt', numeric: false },
  { key: 'suspect', title: 'Suspect', numeric: true },
  { key: 'panelMean', title: 'Panel mean', numeric: true },
  { key: 'lead', title: 'Lead', numeric: true },
  { key: 'control', title: 'First reference', numeric: true },
  { key: 'longestRun', title: 'Longest run', numeric: true },
  { key: 'flags', title: 'Flags', numeric: false },
];

const FLAG_FILTERS = { all: 'All pairs', clean: 'Unflagged only', flagged: 'Flagged only' } as const;

/**
 * Every pair of the analysis, virtualised, sortable by any column and
 * filterable by text and flags; a row opens the pair's three-column view.
 */
export function PairTable({ results, attribution, prompts, onOpen }: { results: readonly PairResult[]; attribution: AttributionResult | null; prompts: Map<string, { prompt: string }>; onOpen: (pairId: string) => void }) {
  const [sort, setSort] = useState<{ key: keyof Row; descending: boolean }>({ key: 'promptId', descending: false });
  const [text, setText] = useState('');
  // Short answers and answers mostly made of the prompt say little about copying: hidden until asked for.
  const [flags, setFlags] = useState<keyof typeof FLAG_FILTERS>('clean');
  const measure = attribution?.primary.label ?? 'ROUGE-L F1';
  const rows = useMemo(() => {
    const perPrompt = new Map((attribution?.perPrompt ?? []).map((p) => [p.pairId, p]));
    return results.map((r): Row => {
      const a = perPrompt.get(r.pairId);
      const suspect = a?.suspect ?? r.suspect.values.rougeL;
      const panelMean = a?.panelMean ?? NaN;
      return {
        pairId: r.pairId,
        promptId: r.promptId,
        prompt: prompts.get(r.pairId)?.prompt ?? '',
        suspect,
        panelMean,
        lead: suspect - panelMean,
        control: r.control?.values.rougeL ?? NaN,
        longestRun: r.suspect.longestRun.length,
        flags: [a?.short && 'short', a?.promptEcho && 'mostly prompt'].filter(Boolean).join(', '),
      };
    });
  }, [results, attribution, prompts]);
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const kept = rows.filter((r) => (flags === 'all' || (flags === 'flagged') === (r.flags !== '')) && (!needle || r.promptId.toLowerCase().includes(needle) || r.prompt.toLowerCase().includes(needle)));
    const column = COLUMNS.find((c) => c.key === sort.key)!;
    const compare = column.numeric
      ? (a: Row, b: Row) => ((a[sort.key] as number) || 0) - ((b[sort.key] as number) || 0)
      : (a: Row, b: Row) => String(a[sort.key]).localeCompare(String(b[sort.key]), 'en', { numeric: true });
    return kept.sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)));
  }, [rows, text, flags, sort]);
  return (
    <section aria-label="Pairs">
      <div className="filters">
        <label className="field">
          <span className="field-label">Find prompt</span>
          <input aria-label="Find prompt" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Flags</span>
          <select aria-label="Flag filter" value={flags} onChange={(e) => setFlags(e.target.value as keyof typeof FLAG_FILTERS)}>
            {Object.entries(FLAG_FILTERS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small" data-testid="pair-count">
          {shown.length} of {rows.length} pairs{flags === 'clean' && rows.some((r) => r.flags) ? ` (${rows.filter((r) => r.flags).length} flagged hidden: under 20 words or mostly the prompt)` : ''} · {measure} to the original; lead = suspect − panel mean
        </span>
      </div>
      <div className="grid-head pair-grid" role="row">
        {COLUMNS.map((c) => (
          <span key={c.key} role="columnheader" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={c.numeric ? 'num' : undefined}>
            <button type="button" className="sort" onClick={() => setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : c.numeric })}>
              {c.title}
              {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
            </button>
          </span>
        ))}
      </div>
      <VirtualList
        items={shown}
        rowHeight={32}
        height={420}
        label="Pair rows"
        row={(r) => (
          <div className="pair-grid" style={{ height: 32 }}>
            <span className="mono">
              <button type="button" className="link" onClick={() => onOpen(r.pairId)} aria-label={`Compare ${r.promptId}`}>
                {r.promptId}
              </button>
            </span>
            <span title={r.prompt}>{r.prompt}</span>
            <span className="num">{fixed(r.suspect)}</span>
            <span className="num">{fixed(r.panelMean)}</span>
            <span className="num">{fixed(r.lead)}</span>
            <span className="num">{fixed(r.control)}</span>
            <span className="num">{r.longestRun}</span>
            <span className="muted">{r.flags}</span>
          </div>
        )}
      />
    </section>
  );
}
