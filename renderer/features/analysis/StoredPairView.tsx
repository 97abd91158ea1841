import { useLiveQuery } from 'dexie-react-hooks';
import { MATCH_METHODS, countedMatches } from '../../../shared/analysis/prompt-matching';
import type { OutputPair, Span } from '../../../shared/model/records';
import { recordsOf } from '../../db/case-store';
import { db } from '../../db/db';
import { lastAnalysis } from './analysis-store';
import { caseRoles } from './plans-store';
import { firstReference } from '../../../shared/analysis/attribution-plan';
import { PairView, type PairMeasures } from './PairView';
import { SentBy } from './SentBy';

/** The pair view opened from the evidence: with the case's last analysis, when one has run, as the analysis shows it. */
export function StoredPairView({ caseId, pair, focus, onClose }: { caseId: string; pair: OutputPair; focus?: { field?: 'original' | 'suspect' | 'control' | 'prompt'; span?: Span; model?: string }; onClose: () => void }) {
  const stored = useLiveQuery(async () => (await lastAnalysis(db, caseId)) ?? null, [caseId]);
  const markers = useLiveQuery(() => recordsOf(db, 'markers', caseId), [caseId]);
  const roles = useLiveQuery(() => caseRoles(db, caseId), [caseId]);
  if (stored === undefined || !markers || !roles) return null;
  const analysis = stored?.analysis;
  const result = analysis?.pairs?.results.find((r) => r.pairId === pair.id);
  const match = analysis?.harvest ? countedMatches(analysis.harvest.matches, [...MATCH_METHODS]).find((m) => m.pairId === pair.id) : undefined;
  const measures: PairMeasures | null =
    analysis?.pairs && result
      ? { result, settings: analysis.pairs.settings, markers, controlModel: analysis.pairs.controlModel, sentBy: analysis.harvest ? <SentBy match={match} clusters={analysis.campaign.clusters} terms={analysis.tos.accounts} /> : null }
      : null;
  return <PairView pair={pair} measures={measures} reference={firstReference(roles.plan?.roles ?? roles.roles)} {...(focus && { focus })} onClose={onClose} />;
}
