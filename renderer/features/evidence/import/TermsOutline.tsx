import type { TermsReading } from '../../../../shared/tos/read-terms';

const FORMATS: Record<TermsReading['format'], string> = { markdown: 'Markdown', html: 'HTML', text: 'plain text', pdf: 'PDF (text extracted)' };
const firstWords = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 90)}…` : flat;
};

/** The clause outline a terms file will be stored as, so a bad split is seen before it becomes evidence. */
export function TermsOutline({ reading }: { reading: TermsReading }) {
  return (
    <div className="terms-outline">
      <p className="muted">
        Read as {FORMATS[reading.format]}: {reading.clauses.length} clause{reading.clauses.length === 1 ? '' : 's'}, {reading.clauses.filter((c) => c.number).length} numbered by the document.
      </p>
      {reading.notes.map((note) => (
        <p key={note} className="import-note" role="note">
          {note}
        </p>
      ))}
      <div className="outline-scroll">
        <table className="table preview-table" aria-label="Clause outline">
          <thead>
            <tr>
              <th>Citation</th>
              <th>{reading.format === 'pdf' ? 'Page' : 'Line'}</th>
              <th>Heading</th>
              <th>Text</th>
            </tr>
          </thead>
          <tbody>
            {reading.clauses.map((c) => (
              <tr key={c.start}>
                <td className="mono">{c.citation}</td>
                <td className="num">{c.page ?? c.line}</td>
                <td className="muted">{c.headingPath.at(-1) ?? ''}</td>
                <td>{firstWords(c.text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
