import { formatTime } from '../../format';
import { linkAttributeLabel, tokensInWords, type CampaignSettings, type Cluster } from '../../../shared/analysis/campaign';
import type { AccountTerms } from '../../../shared/analysis/tos-timeline';
import { BarChart } from '../../components/BarChart';
import { Modal } from '../../components/Modal';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Every figure of one cluster: volume over time, hours, templates, and each account's timing and terms. */
export function ClusterDetail(props: { cluster: Cluster; settings: CampaignSettings; terms: AccountTerms[]; sentPairs: { pairId: string; promptId: string; requests: number; suspect: number | null; lead: number | null }[]; saving: boolean; onSaveTiming: () => void; onOpenPair: (pairId: string) => void; onClose: () => void }) {
  const { cluster, settings, terms, sentPairs, saving, onSaveTiming, onOpenPair, onClose } = props;
  const termsOf = new Map(terms.map((t) => [t.account, t]));
  return (
    <Modal title={`Cluster ${cluster.id}`} wide onClose={onClose}>
      <p className="small">
        {cluster.accounts.length} accounts, {cluster.requests.toLocaleString('en-US')} requests from {formatTime(cluster.firstSeen)} to {formatTime(cluster.lastSeen)}; tokens {tokensInWords(cluster)}.
      </p>
      <p className="small">
        <strong>Linked by</strong> {cluster.sharedBy.map((s) => `${linkAttributeLabel(s.attribute)} ${s.value} (${s.accounts} accounts)`).join('; ')}
      </p>
      <BarChart title="Requests per day (UTC)" values={cluster.daily.map((d) => d.requests)} labels={cluster.daily.map((d) => d.date)} />
      <BarChart title="Requests by hour of day (UTC)" values={cluster.hourOfDay} labels={cluster.hourOfDay.map((_, h) => `${String(h).padStart(2, '0')}:00`)} width={360} />
      <h3>Output pairs whose prompts this cluster sent</h3>
      {sentPairs.length === 0 ? (
        <p className="muted small">None of the case’s output pairs has a prompt these accounts sent (by the methods chosen).</p>
      ) : (
        <table className="table cluster-pairs-table">
          <thead>
            <tr>
              <th>Prompt</th>
              <th className="num">Requests</th>
              <th className="num">Suspect’s similarity to the original</th>
              <th className="num">Lead over the panel</th>
            </tr>
          </thead>
          <tbody>
            {sentPairs.map((p) => (
              <tr key={p.pairId}>
                <td>
                  <button type="button" className="link mono" onClick={() => onOpenPair(p.pairId)}>
                    {p.promptId}
                  </button>
                </td>
                <td className="num">{p.requests}</td>
                <td className="num">{p.suspect === null ? '—' : p.suspect.toFixed(3)}</td>
                <td className="num">{p.lead === null ? '—' : p.lead.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Prompt templates</h3>
      <p className="muted small">
        Numbers, quoted strings and names become slots; words in fewer than {pct(settings.slotShare)} of the cluster’s prompts are masked (…). The top {cluster.topTemplates.length} cover {pct(cluster.topTemplatesShare)} of its requests; {cluster.reasoningRequests.toLocaleString('en-US')} prompts ({pct(cluster.reasoningRequests / cluster.requests)}) ask for the reasoning
        {Object.keys(cluster.reasoningPhrases).length > 0 && ` (${Object.entries(cluster.reasoningPhrases).map(([p, n]) => `“${p}” ${n}`).join(', ')})`}.
      </p>
      <table className="table templates-table">
        <thead>
          <tr>
            <th>Template</th>
            <th className="num">Requests</th>
            <th className="num">Share</th>
          </tr>
        </thead>
        <tbody>
          {cluster.topTemplates.map((t) => (
            <tr key={t.fingerprint}>
              <td className="mono">{t.template}</td>
              <td className="num">{t.requests.toLocaleString('en-US')}</td>
              <td className="num">{pct(t.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="section-head">
        <h3>Timing and terms, account by account</h3>
        <span className="muted small">
          Intervals within sessions (gaps over {settings.sessionGapSeconds / 60} min start a new one); machine-regular: CV under {settings.regularCv} over at least {settings.minIntervals} intervals.
        </span>
        <button type="button" disabled={saving} onClick={onSaveTiming}>
          Save timing as finding
        </button>
      </div>
      <table className="table timing-table">
        <thead>
          <tr>
            <th>Account</th>
            <th className="num">Requests</th>
            <th className="num">Mean interval</th>
            <th className="num">CV</th>
            <th>Timing</th>
            <th>Terms in force over its activity</th>
          </tr>
        </thead>
        <tbody>
          {cluster.timing.map((t) => (
            <tr key={t.account}>
              <td className="mono">{t.account}</td>
              <td className="num">{t.requests.toLocaleString('en-US')}</td>
              <td className="num">{t.meanIntervalSeconds === null ? '—' : `${t.meanIntervalSeconds.toFixed(1)} s`}</td>
              <td className="num">{t.cv === null ? '—' : t.cv.toFixed(3)}</td>
              <td className={t.machineRegular ? 'warn' : undefined}>{t.machineRegular ? 'machine-regular' : t.intervals < settings.minIntervals ? 'too few intervals' : 'irregular'}</td>
              <td className="small">
                {termsOf.get(t.account)?.inForce.map((d) => `${d.title}: ${d.versions.join(', ') || 'none'}`).join('; ') ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
