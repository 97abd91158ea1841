import type { Cluster } from '../../../shared/analysis/campaign';
import { MATCH_METHOD_LABELS, type PromptMatch } from '../../../shared/analysis/prompt-matching';
import type { AccountTerms } from '../../../shared/analysis/tos-timeline';
import { formatTime } from '../../format';


/** Who sent a pair's prompt, as the logs recorded it: how it was found, the accounts, keys and networks, when, the cluster, the terms in force. */
export function SentBy({ match, clusters, terms }: { match: PromptMatch | undefined; clusters: readonly Cluster[]; terms: readonly AccountTerms[] }) {
  if (!match) return <p className="small muted" data-testid="sent-by">No request in the case’s logs sent this prompt (by the methods chosen).</p>;
  const inClusters = clusters.filter((c) => match.accounts.some((a) => c.accounts.includes(a)));
  const inForce = [...new Set(terms.filter((t) => match.accounts.includes(t.account)).flatMap((t) => t.inForce.flatMap((d) => d.versions.map((v) => `${d.title} ${v}`))))].sort();
  return (
    <section className="sent-by" aria-label="Who sent this prompt" data-testid="sent-by">
      <h3>Who sent this prompt</h3>
      <p className="small">
        {match.rows.length} request{match.rows.length === 1 ? '' : 's'} from {formatTime(match.first)} to {formatTime(match.last)}, found by {match.methods.map((m) => MATCH_METHOD_LABELS[m].toLowerCase()).join('; ')}
        {inClusters.length ? `; ${inClusters.map((c) => `cluster ${c.id}`).join(', ')}` : '; no cluster of linked accounts'}.
      </p>
      <p className="small">
        <strong>Accounts</strong> {match.accounts.join(', ') || '—'} · <strong>keys</strong> {match.apiKeys.join(', ') || '—'} · <strong>networks</strong> {match.networks.join(', ') || '—'}
        {inForce.length > 0 && (
          <>
            {' '}
            · <strong>terms in force</strong> {inForce.join(', ')}
          </>
        )}
      </p>
      <table className="table summary-table">
        <thead>
          <tr>
            <th>Row</th>
            <th>Time</th>
            <th>Found by</th>
            <th>Similarity or template</th>
          </tr>
        </thead>
        <tbody>
          {match.rows.slice(0, 20).map((r) => (
            <tr key={`${r.ref.sourceId}:${r.ref.line}`}>
              <td className="mono">line {r.ref.line}</td>
              <td>{formatTime(r.ts)}</td>
              <td>{MATCH_METHOD_LABELS[r.method]}</td>
              <td className="mono small">{r.similarity !== undefined ? r.similarity.toFixed(2) : (r.template ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {match.rows.length > 20 && <p className="muted small">and {match.rows.length - 20} more requests.</p>}
    </section>
  );
}
