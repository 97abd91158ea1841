import { useMemo } from 'react';
import type { ImportKind } from '../../../../shared/import/detect-kind';
import { parseAnswers, parseCombinedPairs } from '../../../../shared/import/pairs-import';

const SHOWN = 4;
const excerpt = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n)}…` : text);

/** The first records a pairs, answers or terms file will give, read from its start. */
export function RecordsPreview({ kind, fileName, sample }: { kind: Exclude<ImportKind, 'log' | 'tos'>; fileName: string; sample: string }) {
  const rows = useMemo((): { key: string; cells: string[] }[] => {
    const complete = sample.slice(0, sample.lastIndexOf('\n') + 1) || sample;
    if (kind === 'pairs') {
      return parseCombinedPairs(complete, { caseId: 'preview', sourceId: 'preview' }, fileName)
        .pairs.slice(0, SHOWN)
        .map((p) => ({ key: p.id, cells: [String(p.original.ref.line), excerpt(p.prompt, 60), excerpt(p.original.text), excerpt(p.suspect.text), p.others[0] ? excerpt(p.others[0].text) : '—'] }));
    }
    return parseAnswers(complete)
      .answers.slice(0, SHOWN)
      .map((a) => ({ key: String(a.line), cells: [String(a.line), a.id ?? '—', excerpt(a.prompt ?? '—', 60), a.model ?? '—', excerpt(a.output)] }));
  }, [kind, fileName, sample]);
  const heads = kind === 'pairs' ? ['Line', 'Prompt', 'Original', 'Suspect', 'Control'] : ['Line', 'Prompt id', 'Prompt', 'Model', 'Output'];
  if (rows.length === 0) return <p className="muted">Nothing readable in the first part of this file as {kind}.</p>;
  return (
    <table className="table preview-table">
      <thead>
        <tr>
          {heads.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) => (
              <td key={i} className={i === 0 ? 'num' : undefined}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
