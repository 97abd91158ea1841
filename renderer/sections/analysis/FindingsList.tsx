import type { Finding } from '../../../shared/model/records';
import { formatTime } from '../../format';

/** Findings saved in this case, oldest first. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  return (
    <div className="findings">
      <h3>Saved findings</h3>
      <table className="table findings-table">
        <thead>
          <tr>
            <th>Finding</th>
            <th>Saved</th>
            <th>By</th>
            <th className="num">Rows behind it</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.id}>
              <td>{f.title}</td>
              <td className="nowrap">{formatTime(f.createdAt)}</td>
              <td className="nowrap">{f.createdBy}</td>
              <td className="num">{f.rows.length.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
