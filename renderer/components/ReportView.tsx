import type { ReportBlock, ReportDocument, ReportMean } from '../../shared/report/report-document';

/** Each model's mean on one axis: the reference panel grey, the suspect dark, others hollow. */
function MeansChart({ label, models }: { label: string; models: readonly ReportMean[] }) {
  const width = 640;
  const values = models.map((m) => m.mean);
  const lo = Math.max(0, Math.min(...values) - 0.02);
  const hi = Math.min(1, Math.max(...values) + 0.02);
  const x = (v: number) => 20 + ((v - lo) / (hi - lo || 1)) * (width - 40);
  const height = 34 + models.length * 16;
  return (
    <svg className="strip-plot" width={width} height={height} role="img" aria-label={label}>
      <line x1={20} x2={width - 20} y1={height - 20} y2={height - 20} stroke="#999" />
      {[lo, (lo + hi) / 2, hi].map((t) => (
        <text key={t} x={x(t)} y={height - 6} textAnchor="middle">
          {t.toFixed(3)}
        </text>
      ))}
      {models.map((m, i) => {
        const y = 12 + i * 16;
        const right = x(m.mean) > width - 200;
        return (
          <g key={m.model}>
            <line x1={20} x2={width - 20} y1={y} y2={y} stroke="#eee" />
            <circle cx={x(m.mean)} cy={y} r={m.suspect ? 6 : 4.5} fill={m.suspect ? '#243f5c' : m.reference ? '#9aa6b2' : 'none'} stroke={m.suspect ? '#243f5c' : '#bf7219'} strokeWidth={m.reference || m.suspect ? 0 : 1.5} />
            <text x={x(m.mean) + (right ? -10 : 10)} y={y + 4} textAnchor={right ? 'end' : 'start'}>
              {m.model} ({m.role})
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return block.strong ? <h5 className="report-question">{block.text}</h5> : <p>{block.text}</p>;
    case 'note':
      return <p className="muted small">{block.text}</p>;
    case 'list':
      return (
        <ul className="limitations">
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <table className="table summary-table" aria-label={block.label}>
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th key={c.title} className={c.numeric ? 'num' : undefined}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} className={block.columns[i]?.numeric ? 'num nowrap' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'means':
      return <MeansChart label={block.label} models={block.models} />;
  }
}

/**
 * A report in its two layers: the summary for counsel under its
 * conclusion, a list of the expert's sections that jumps to each, the
 * sections, and the glossary of every term they use.
 */
export function ReportView({ report, idPrefix, positive }: { report: ReportDocument; idPrefix: string; positive: boolean }) {
  const anchor = (id: string) => `${idPrefix}-${id}`;
  const jump = (id: string) => document.getElementById(anchor(id))?.scrollIntoView({ block: 'start' });
  return (
    <div className="report">
      <section className="report-summary" aria-labelledby={anchor('summary')}>
        <h4 id={anchor('summary')}>{report.summary.title}</h4>
        <div className={`banner ${positive ? 'banner-ok' : 'banner-warn'} conclusion`} data-testid="report-conclusion" data-conclusion={report.conclusion.code}>
          <strong>{report.conclusion.label}.</strong> {report.conclusion.wording}
        </div>
        <p className="muted small">Above, the conclusion in the exact words the decision rule allows.</p>
        {report.summary.blocks.map((block, i) => (
          <Block key={i} block={block} />
        ))}
      </section>
      <nav className="report-nav" aria-label="Report sections">
        <strong>The expert’s sections</strong>
        <ol>
          {[...report.sections, { id: 'glossary', title: 'Glossary' }].map((s) => (
            <li key={s.id}>
              <button type="button" className="link" onClick={() => jump(s.id)}>
                {s.title}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {report.sections.map((section) => (
        <section key={section.id} className="report-section" aria-labelledby={anchor(section.id)}>
          <h4 id={anchor(section.id)}>{section.title}</h4>
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} />
          ))}
          <button type="button" className="link small" onClick={() => jump('summary')}>
            Back to the summary
          </button>
        </section>
      ))}
      <section className="report-section" aria-labelledby={anchor('glossary')}>
        <h4 id={anchor('glossary')}>Glossary</h4>
        <dl className="glossary">
          {report.glossary.map((entry) => (
            <div key={entry.term}>
              <dt>{entry.term}</dt>
              <dd>{entry.definition}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
