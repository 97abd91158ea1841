import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { analysisFingerprint, experiments, type CaseAnalysis } from '../../../shared/analysis/case-analysis';
import { DEFAULT_CAMPAIGN_SETTINGS, type CampaignSettings } from '../../../shared/analysis/campaign';
import { attributionFinding, clusterFinding, harvestFinding, naturalExperimentFinding, pairsFinding, timelineFinding, timingFinding, findingSaved } from '../../../shared/analysis/findings';
import { harvestTimeline } from '../../../shared/analysis/harvest-timeline';
import { MATCH_METHODS, countedMatches, type MatchMethod } from '../../../shared/analysis/prompt-matching';
import { pairOutputs, type Finding, type OutputPair } from '../../../shared/model/records';
import type { Place } from '../../../shared/search/case-search';
import { startAnalysis } from './start-analysis';
import { useJob } from '../../hooks/use-job';
import { isCancellation } from '../../../shared/errors';
import { errorText, useNotify } from '../../components/notices';
import { saveQueryPack } from './query-pack-store';
import { ClickHouseRunDialog } from './ClickHouseRunDialog';
import { JobProgress } from '../../components/JobProgress';
import { db } from '../../db/db';
import { rowsOfAccounts } from './findings-store';
import { ClusterDetail } from './ClusterDetail';
import { ClustersTable } from './ClustersTable';
import { FindingsList } from './FindingsList';
import { InForcePanel } from './InForcePanel';
import { MarkersPanel } from './MarkersPanel';
import { MarkersSummary } from './MarkersSummary';
import { AttributionReport } from './AttributionReport';
import { PairsSummary } from './PairsSummary';
import { PairTable } from './PairTable';
import { PairView } from './PairView';
import { PlanPanel } from './PlanPanel';
import { HarvestPanel } from './HarvestPanel';
import { SentBy } from './SentBy';
import { caseRoles } from './plans-store';
import { RedlinePanel } from './RedlinePanel';
import { formatTime } from '../../format';
import { lastAnalysis } from './analysis-store';
import { commitChange, recordsOf } from '../../db/case-store';

export function AnalysisSection({ caseId, actor, focus }: { caseId: string; actor: string; focus?: Place }) {
  const [caseFold, setCaseFold] = useState(true);
  const [linkByAgent, setLinkByAgent] = useState(false);
  const { progress, run: runJob, cancel } = useJob();
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [openCluster, setOpenCluster] = useState<number | null>(null);
  const pairs = useLiveQuery(() => recordsOf(db, 'outputPairs', caseId), [caseId]);
  const pairById = new Map<string, OutputPair>((pairs ?? []).map((p) => [p.id, p]));
  const markers = useLiveQuery(() => recordsOf(db, 'markers', caseId), [caseId]);
  const findings = useLiveQuery(() => recordsOf(db, 'findings', caseId, 'createdAt'), [caseId]);
  const [saving, setSaving] = useState<string | null>(null);
  const [runningPack, setRunningPack] = useState(false);
  const [methods, setMethods] = useState<MatchMethod[]>([...MATCH_METHODS]);
  const roles = useLiveQuery(() => caseRoles(db, caseId), [caseId]);
  const settings = { pairs: { caseFold }, campaign: { ...DEFAULT_CAMPAIGN_SETTINGS, linkBy: linkByAgent ? ['apiKey', 'ip24', 'userAgent'] : DEFAULT_CAMPAIGN_SETTINGS.linkBy } as CampaignSettings };
  const notify = useNotify();
  const exportQueryPack = async () => {
    try {
      const exported = await saveQueryPack(db, caseId, settings.campaign);
      if (exported) notify('success', `Saved the query pack to ${exported.saved.path}: ${exported.files} files, the harvest queries for DuckDB, ClickHouse, Spark SQL and BigQuery with the case’s prompts and a README for the lab’s data team.`);
    } catch (error) {
      notify('error', `The query pack was not saved: ${errorText(error)}`);
    }
  };
  // The last run is kept with the case; it is shown again, marked out of date once the evidence, plan, markers or settings change.
  const stored = useLiveQuery(() => lastAnalysis(db, caseId), [caseId]);
  const fingerprint = useLiveQuery(async () => {
    const [sources, analysisPlans] = await Promise.all([recordsOf(db, 'sources', caseId), recordsOf(db, 'analysisPlans', caseId)]);
    return analysisFingerprint({ sources, analysisPlans, markers: markers ?? [] }, settings);
  }, [caseId, markers, caseFold, linkByAgent]);
  const analysis: CaseAnalysis | null = stored?.analysis ?? null;
  const outOfDate = !!stored && !!fingerprint && stored.fingerprint !== fingerprint;
  // The methods that count are the expert's choice: the matches, the experiment and the timeline follow it.
  const harvest = useMemo(() => {
    if (!analysis?.harvest) return null;
    const counted = countedMatches(analysis.harvest.matches, methods);
    const attribution = analysis.attribution;
    return {
      counted,
      byPair: new Map(counted.map((m) => [m.pairId, m])),
      ...experiments(attribution, new Set(counted.map((m) => m.pairId)), attribution?.settings.seed ?? 0),
      timeline: harvestTimeline(counted, roles?.roles ?? [], analysis.tos.documents),
    };
  }, [analysis, methods, roles]);

  const save = async (key: string, make: () => Promise<Finding>) => {
    setSaving(key);
    try {
      const finding = await make();
      await commitChange(db, finding.caseId, () => findingSaved(finding));
    } catch (error) {
      setMessage(`The finding was not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(null);
    }
  };

  const run = async () => {
    setMessage(null);
    try {
      // The worker stores its result with the case; the live query above shows it.
      await runJob((job) => startAnalysis({ caseId, actor, ...settings }, job));
    } catch (error) {
      setMessage(isCancellation(error) ? 'Analysis cancelled; the earlier results, if any, are still shown.' : `The analysis failed: ${errorText(error)}`);
    }
  };

  const result = open && analysis?.pairs?.results.find((r) => r.pairId === open);
  const pair = open ? pairById.get(open) : undefined;
  const cluster = analysis?.campaign.clusters.find((c) => c.id === openCluster);
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
          <button type="button" onClick={() => void exportQueryPack()} disabled={!!progress} title="The harvest queries as SQL for the lab's warehouse (DuckDB, ClickHouse, Spark, BigQuery), with the case's prompts and a README for the data team">
            Export query pack…
          </button>
          <button type="button" onClick={() => setRunningPack(true)} disabled={!!progress} title="Run the harvest queries on the lab's ClickHouse server and keep each result with its provenance">
            Run on ClickHouse…
          </button>
          {progress ? (
            <button type="button" className="danger" onClick={cancel}>
              Cancel analysis
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void run()}>
              {analysis ? 'Run again' : 'Run analysis'}
            </button>
          )}
        </div>
      </div>
      {runningPack && <ClickHouseRunDialog caseId={caseId} settings={settings.campaign} onClose={() => setRunningPack(false)} />}
      {progress && <JobProgress progress={progress} label="Analysis progress" />}
      {message && <p className="banner banner-bad">{message}</p>}
      {findings && findings.length > 0 && <FindingsList findings={findings} focusId={focus?.kind === 'evidence' && focus.target.kind === 'finding' ? focus.target.id : undefined} />}
      <PlanPanel caseId={caseId} actor={actor} />
      {markers && <MarkersPanel caseId={caseId} actor={actor} markers={markers} />}
      {!analysis && !progress && (
        <div className="empty">
          <h3>Not analysed yet</h3>
          <p>Run the analysis to compare every suspect output with the original’s (and the control model’s, as the baseline), redline the Terms of Service versions and find the accounts that act together in the logs. It runs in the background and can be cancelled.</p>
        </div>
      )}
      {analysis && (
        <>
          {outOfDate && <p className="banner banner-warn">The evidence, the plan, the markers or the settings changed since this analysis ran ({formatTime(stored!.ranAt)}): run it again before relying on it.</p>}
          {[analysis.attribution ?? [], analysis.furtherSuspects ?? []].flat().map((result) => (
            <AttributionReport
              key={result.suspect}
              result={result}
              saving={saving !== null}
              onSave={() => void save(`attribution-${result.suspect}`, async () => attributionFinding(caseId, actor, result, (pairs ?? []).filter((p) => result.perPrompt.some((x) => x.pairId === p.id)).flatMap((p) => pairOutputs(p).map((o) => o.ref))))}
            />
          ))}
          <p className="muted small">
            Evidence Desk {analysis.softwareVersion} · {analysis.pairs ? `n-grams: ${analysis.pairs.settings.wordNgram} words, ${analysis.pairs.settings.cjkNgram} CJK characters; ${analysis.pairs.settings.caseFold ? 'case ignored' : 'case kept'}; bootstrap ${analysis.pairs.settings.bootstrapResamples} resamples, seed ${analysis.pairs.settings.bootstrapSeed}` : 'no output pairs'}
          </p>
          {analysis.pairs && (
            <PairsSummary
              analysis={analysis.pairs}
              prompts={pairById}
              saving={saving !== null}
              onSave={() => void save('pairs', async () => pairsFinding(caseId, actor, analysis.pairs!, (pairs ?? []).flatMap((p) => pairOutputs(p).map((o) => o.ref))))}
            />
          )}
          {analysis.pairs && <PairTable results={analysis.pairs.results} attribution={analysis.attribution} prompts={pairById} onOpen={setOpen} />}
          {analysis.pairs && (
            <>
              <h3>Markers found, in how many outputs of each model</h3>
              <MarkersSummary analysis={analysis.pairs} />
            </>
          )}
        </>
      )}
      {analysis?.harvest && harvest && (
        <HarvestPanel
          analysis={analysis}
          attribution={analysis.attribution}
          methods={methods}
          onMethods={setMethods}
          counted={harvest.counted}
          experiment={harvest.naturalExperiment}
          classifierExperiment={harvest.classifierExperiment}
          timeline={harvest.timeline}
          saving={saving !== null}
          onSaveCluster={(id) => {
            const c = analysis.campaign.clusters.find((x) => x.id === id)!;
            void save(`harvest-${id}`, async () => harvestFinding(caseId, actor, { cluster: id, accounts: c.accounts, matches: harvest.counted, methods, pairs: analysis.pairs?.pairs ?? 0 }));
          }}
          onSaveExperiment={() => void save('experiment', async () => naturalExperimentFinding(caseId, actor, { result: harvest.naturalExperiment!, classifier: harvest.classifierExperiment, suspect: analysis.attribution!.suspect, original: analysis.attribution!.original, measure: analysis.attribution!.primary.label, methods }))}
          onSaveTimeline={() => void save('timeline', async () => timelineFinding(caseId, actor, harvest.timeline, harvest.counted.flatMap((m) => m.rows.map((r) => r.ref))))}
        />
      )}
      <h3>Terms of Service redline</h3>
      <InForcePanel caseId={caseId} />
      <RedlinePanel caseId={caseId} actor={actor} saving={saving !== null} onSave={(finding) => void save('redline', async () => finding)} />
      {analysis && (
        <>
          <h3>Extraction campaign in the logs</h3>
          <p className="muted">
            {analysis.campaign.accounts} accounts, {analysis.campaign.requests.toLocaleString('en-US')} requests: {analysis.campaign.clusters.length} cluster{analysis.campaign.clusters.length === 1 ? '' : 's'} of accounts linked by {analysis.campaign.settings.linkBy.join(', ')}; {analysis.campaign.singletons} accounts linked to no other.
          </p>
          {analysis.campaign.clusters.length > 0 && (
            <ClustersTable
              clusters={analysis.campaign.clusters}
              saving={saving !== null}
              onSave={(c) => void save(`cluster-${c.id}`, async () => clusterFinding(caseId, actor, c, { ...analysis.campaign.settings }, await rowsOfAccounts(db, caseId, c.accounts)))}
              onOpen={(c) => setOpenCluster(c.id)}
            />
          )}
        </>
      )}
      {cluster && analysis && (
        <ClusterDetail
          cluster={cluster}
          settings={analysis.campaign.settings}
          terms={analysis.tos.accounts}
          sentPairs={(harvest?.counted ?? [])
            .filter((m) => m.accounts.some((a) => cluster.accounts.includes(a)))
            .map((m) => {
              const values = analysis.attribution?.perPrompt.find((p) => p.pairId === m.pairId);
              return { pairId: m.pairId, promptId: m.promptId, requests: m.rows.length, suspect: values?.suspect ?? null, lead: values ? values.suspect - values.panelMean : null };
            })}
          onOpenPair={(pairId) => {
            setOpenCluster(null);
            setOpen(pairId);
          }}
          saving={saving !== null}
          onSaveTiming={() => void save(`timing-${cluster.id}`, async () => timingFinding(caseId, actor, cluster, analysis.campaign.settings, await rowsOfAccounts(db, caseId, cluster.accounts)))}
          onClose={() => setOpenCluster(null)}
        />
      )}
      {result && pair && analysis?.pairs && <PairView pair={pair} reference={analysis.pairs.controlModel} measures={{ result, controlModel: analysis.pairs.controlModel, settings: analysis.pairs.settings, markers: markers ?? [], sentBy: analysis.harvest ? <SentBy match={harvest?.byPair.get(pair.id)} clusters={analysis.campaign.clusters} terms={analysis.tos.accounts} /> : null }} onClose={() => setOpen(null)} />}
    </section>
  );
}
