import type { Span, Target } from '../../../shared/model/records';
import type { Place } from '../../../shared/search/case-search';
import { db } from '../../db/db';
import type { LogFilter } from '../../db/log-store';
import { recordById } from '../../db/case-store';

/** What the Evidence section shows for a place: which file, and in it which pair, clause, rows or filter. */
export interface EvidenceFocus {
  sourceId: string | null;
  pairId?: string;
  field?: Target['field'];
  model?: string;
  span?: Span;
  clauseId?: string;
  lines?: number[];
  filter?: LogFilter;
}

/** Where in the Evidence section a place lives; an annotation opens the text it marks. */
export async function evidenceFocus(place: Place): Promise<EvidenceFocus | null> {
  if (place.kind === 'logFilter') return { sourceId: place.sourceId, filter: place.filter };
  if (place.kind !== 'evidence') return null;
  let target = place.target;
  if (target.kind === 'annotation') {
    const annotation = await recordById(db, 'annotations', target.id);
    if (!annotation) return null;
    target = annotation.target;
  }
  switch (target.kind) {
    case 'source':
      return { sourceId: target.id };
    case 'logRows': {
      const rows = target.rows ?? [];
      return { sourceId: rows[0]?.sourceId ?? null, lines: rows.map((r) => r.line) };
    }
    case 'outputPair': {
      const pair = await recordById(db, 'outputPairs', target.id);
      return pair ? { sourceId: pair.suspect.ref.sourceId, pairId: pair.id, field: target.field, ...(target.model && { model: target.model }), span: target.span } : null;
    }
    case 'tosClause': {
      const clause = await recordById(db, 'tosClauses', target.id);
      const version = clause && (await recordById(db, 'tosVersions', clause.versionId));
      return version ? { sourceId: version.sourceId, clauseId: target.id, span: target.span } : null;
    }
    default:
      return null;
  }
}
