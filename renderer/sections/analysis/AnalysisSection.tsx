import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import type { CaseAnalysis } from '../../../shared/analysis/case-analysis';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../../shared/analysis/campaign';
import type { MetricSummary } from '../../../shared/analysis/pair-analysis';
import { DEFAULT_PAIR_SETTINGS } from '../../../shared/analysis/pair-metrics';
import { clusterFinding, pairsFinding } from '../../../shared/analysis/findings';
import type { Finding, OutputPair } from '../../../shared/model/records';
import { startAnalysis, type RunningAnalysis } from '../../analysis/start-analysis';
import { db } from '../../db/db';
import { rowsOfAccounts, saveFinding } from '../../db/findings-store';
import { formatTime } from '../../format';
import { PairView } from './PairView';
import { RedlinePanel } from './RedlinePanel';

const fixed = (x: number | null, digits = 3) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));
const pValue = (p: number | null) => (p === null ? '—' : p < 0.001 ? p.toExponential(1) : p.toFixed(3));

/** Suspect (dark) and control (light) similarity counts in ten bins from 0 to 1. */
function Histogram({ metric }: { metric: MetricSummary }) {
  const { suspect, control } = metric.histogram;
  const max = Math.max(1, ...suspect, ...(control ?? []));
  const bar = 8;
  return (
    <svg className="histogram" width={10 * (2 * bar + 2)} height={32} role="img" aria-label={`Histogram of ${metric.label}`}>
      {suspect.map((n, i) => (
        <g key={i}>
          <rect x={i * (2 * bar + 2)} y={32 - (30 * n) / max} width={bar} height={(30 * n) / max} fill="#23466b" />
          {control && <rect x={i * (2 * bar + 2) + bar} y={32 - (30 * control[i]!) / max} width={bar} height={(30 * control[i]!) / max} fill="#b9c7d6" />}
        </g>
      ))}
    </svg>
  );
}

export function AnalysisSection({ caseId, actor }: { caseId: string; actor: string }) {
  const [caseFold, setCaseFold] = useState(true);
  const [linkByAgent, setLinkByAgent] = useState(false);
  const [analysis, setAnalysis] = useState<CaseAnalysis | null>(null);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const running = useRef<RunningAnalysis | null>(null);
  const pairs = useLiveQuery(() => db.outputPairs.where('caseId').equals(caseId).toArray(), [caseId]);
  const pairById = new Map<string, OutputPair>((pairs ?? []).map((p) => [p.id, p]));
  const findings = useLiveQuery(() => db.findings.where('caseId').equals(caseId).sortBy('createdAt'), [caseId]);
  const [saving, setSaving] = useState<string | null>(null);

  const save = async (key: string, make: () => Promise<Finding>) => {
    setSaving(key);
    try {
      await saveFinding(db, await make());
    } catch (error) {
      setMessage(`The finding was not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(null);
    }
  };

  const run = async () => {
    setMessage(null);
    setProgress({ phase: 'Starting', done: 0, total: 0 });
    const handle = startAnalysis(caseId, { pairs: { ...DEFAULT_PAIR_SETTINGS, caseFold }, campaign: { ...DEFAULT_CAMPAIGN_SETTINGS, linkBy: linkByAgent ? ['apiKey', 'ip24', 'userAgent'] : DEFAULT_CAMPAIGN_SETTINGS.linkBy } }, (phase, done, total) => setProgress({ phase, done, total }));
    running.current = handle;
    try {
      const result = await handle.done;
      if (result) setAnalysis(result);
      else setMessage('Analysis cancelled; the earlier results, if any, are still shown.');
    } catch (error) {
      setMessage(`The analysis failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  const result = open && analysis?.pairs?.results.find((r) => r.pairId === open);
  const pair = open ? pairById.get(open) : undefined;
  return (
    <section aria-labelledby="analysis-heading">
      <div className="section-head">
        <h2 id="analysis-heading">Analysis</h2>
        <div className="actions">
          <label className="checkbox">
            <input type="checkbox" checked={caseFold} onChange={(e) => setCaseFold(e.target.checked)} disabled={!!progress} /> Ignore case
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={linkByAgent} onChange={(e) => setLinkByAgent(e.target.checked)} disabled={!!progress} /> Link accounts by user agent too
          </label>
          {progress ? (
            <button type="button" className="danger" onClick={() => running.current?.cancel()}>
              Cancel analysis
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void run()}>
              {analysis ? 'Run again' : 'Run analysis'}
            </button>
          )}
        </div>
      </div>
      {progress && (
        <div className="job-progress">
          <progress max={1} value={progress.total ? progress.done / progress.total : undefined} aria-label="Analysis progress" />
          <span className="muted small">
            {progress.phase}
            {progress.total ? `: ${progress.done} of ${progress.total}` : '…'}
          </span>
        </div>
      )}
      {message && <p className="banner banner-bad">{message}</p>}
      {findings && findings.length > 0 && (
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
      )}
      {!analysis && !progress && (
        <div className="empty">
          <h3>Not analysed yet</h3>
          <p>Run the analysis to compare every suspect output with the original’s (and the control model’s, as the baseline), redline the Terms of Service versions and find the accounts that act together in the logs. It runs in the background and can be cancelled.</p>
        </div>
      )}
      {analysis && (
        <>
          <p className="muted small">
            Evidence Desk {analysis.softwareVersion} · {analysis.pairs ? `n-grams: ${analysis.pairs.settings.wordNgram} words, ${analysis.pairs.settings.cjkNgram} CJK characters; ${analysis.pairs.settings.caseFold ? 'case ignored' : 'case kept'}; bootstrap ${analysis.pairs.settings.bootstrapResamples} resamples, seed ${analysis.pairs.settings.bootstrapSeed}` : 'no output pairs'}
          </p>
          {analysis.pairs && (
            <>
              <div className="section-head">
                <h3>Output pairs: suspect against control, on the same prompts</h3>
                <button
                  type="button"
                  disabled={saving !== null}
                  onClick={() => void save('pairs', async () => pairsFinding(caseId, actor, analysis.pairs!, (pairs ?? []).flatMap((p) => [p.original.ref, p.suspect.ref, ...(p.control ? [p.control.ref] : [])])))}
                >
                  Save as finding
                </button>
              </div>
              <p className={analysis.pairs.withControl ? 'muted' : 'banner banner-bad'}>{analysis.pairs.baseline}</p>
              <table className="table summary-table">
                <thead>
                  <tr>
                    <th>Similarity to the original</th>
                    <th className="num">Suspect</th>
                    <th className="num">Control</th>
                    <th className="num">Difference</th>
                    <th>95% CI</th>
                    <th className="num">p</th>
                    <th>Distribution</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.pairs.metrics.map((m) => (
                    <tr key={m.metric}>
                      <td>{m.label}</td>
                      <td className="num">{fixed(m.meanSuspect)}</td>
                      <td className="num">{fixed(m.meanControl)}</td>
                      <td className="num">{fixed(m.difference)}</td>
                      <td className="nowrap">{m.ci95 ? `[${fixed(m.ci95[0])}, ${fixed(m.ci95[1])}]` : '—'}</td>
                      <td className="num">{pValue(m.pValue)}</td>
                      <td>
                        <Histogram metric={m} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {analysis.pairs.withControl > 0 && <p className="muted small">{analysis.pairs.metrics[0]!.test}. Histograms: suspect dark, control light, similarity 0 to 1.</p>}
              <table className="table pairs-table">
                <thead>
                  <tr>
                    <th>Prompt</th>
                    <th className="num">Suspect ROUGE-L</th>
                    <th className="num">Control ROUGE-L</th>
                    <th className="num">Longest run</th>
                    <th aria-label="Open" />
                  </tr>
                </thead>
                <tbody>
                  {analysis.pairs.results.map((r) => (
                    <tr key={r.pairId}>
                      <td>
                        <span className="mono muted">{r.promptId}</span> {pairById.get(r.pairId)?.prompt.slice(0, 90)}
                      </td>
                      <td className="num">{fixed(r.suspect.values.rougeL)}</td>
                      <td className="num">{fixed(r.control?.values.rougeL ?? null)}</td>
                      <td className="num">{r.suspect.longestRun.length} tokens</td>
                      <td>
                        <button type="button" onClick={() => setOpen(r.pairId)} aria-label={`Compare ${r.promptId}`}>
                          Compare…
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
      <h3>Terms of Service redline</h3>
      <RedlinePanel caseId={caseId} />
      {analysis && (
        <>
          <h3>Extraction campaign in the logs</h3>
          <p className="muted">
            {analysis.campaign.accounts} accounts, {analysis.campaign.requests.toLocaleString('en-US')} requests: {analysis.campaign.clusters.length} cluster{analysis.campaign.clusters.length === 1 ? '' : 's'} of accounts linked by {analysis.campaign.settings.linkBy.join(', ')}; {analysis.campaign.singletons} accounts linked to no other.
          </p>
          {analysis.campaign.clusters.length > 0 && (
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
                {analysis.campaign.clusters.map((c) => (
                  <tr key={c.id}>
                    <td>{c.id}</td>
                    <td className="num">{c.accounts.length}</td>
                    <td className="num">{c.requests.toLocaleString('en-US')}</td>
                    <td className="nowrap">
                      {c.firstSeen?.slice(0, 10)} – {c.lastSeen?.slice(0, 10)}
                    </td>
                    <td className="small">{c.sharedBy.slice(0, 2).map((s) => `${s.attribute} ${s.value}`).join('; ')}{c.sharedBy.length > 2 && ` +${c.sharedBy.length - 2}`}</td>
                    <td className="num">{Math.round(c.topTemplatesShare * 100)}%</td>
                    <td className="num">{Math.round((c.reasoningRequests / c.requests) * 100)}%</td>
                    <td className="num">
                      {c.machineRegularAccounts} of {c.accounts.length}
                    </td>
                    <td>
                      <button type="button" disabled={saving !== null} aria-label={`Save cluster ${c.id} as finding`} onClick={() => void save(`cluster-${c.id}`, async () => clusterFinding(caseId, actor, c, { ...analysis.campaign.settings }, await rowsOfAccounts(db, caseId, c.accounts)))}>
                        Save as finding
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {result && pair && analysis?.pairs && <PairView pair={pair} result={result} settings={analysis.pairs.settings} onClose={() => setOpen(null)} />}
    </section>
  );
}
