import { linkAttributeLabel, type Cluster } from '../../../shared/analysis/campaign';
import { formatTime } from '../../format';

/** Accounts that act together, one row per cluster. */
export function ClustersTable({ clusters, saving, onSave, onOpen }: { clusters: Cluster[]; saving: boolean; onSave: (cluster: Cluster) => void; onOpen: (cluster: Cluster) => void }) {
  return (
    <table className="table clusters-table">
      <thead>
        <tr>
          <th>Cluster</th>
          <th className="num">Accounts</th>
          <th className="num">Requests</th>
          <th>Active</th>
          <th>Shared</th>
          <th className="num">Top templates</th>
          <th className="num">Reasoning prompts</th>
          <th className="num">Machine-regular</th>
          <th aria-label="Save" />
        </tr>
      </thead>
      <tbody>
        {clusters.map((c) => (
          <tr key={c.id}>
            <td>{c.id}</td>
            <td className="num">{c.accounts.length}</td>
            <td className="num">{c.requests.toLocaleString('en-US')}</td>
            <td className="nowrap">
              {formatTime(c.firstSeen)} – {formatTime(c.lastSeen)}
            </td>
            <td className="small">
              {c.sharedBy.slice(0, 2).map((s) => `${linkAttributeLabel(s.attribute)} ${s.value}`).join('; ')}
              {c.sharedBy.length > 2 && ` +${c.sharedBy.length - 2}`}
            </td>
            <td className="num">{Math.round(c.topTemplatesShare * 100)}%</td>
            <td className="num">{Math.round((c.reasoningRequests / c.requests) * 100)}%</td>
            <td className="num">
              {c.machineRegularAccounts} of {c.accounts.length}
            </td>
            <td className="row-actions">
              <button type="button" aria-label={`Details of cluster ${c.id}`} onClick={() => onOpen(c)}>
                Details…
              </button>{' '}
              <button type="button" disabled={saving} aria-label={`Save cluster ${c.id} as finding`} onClick={() => onSave(c)}>
                Save as finding
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
