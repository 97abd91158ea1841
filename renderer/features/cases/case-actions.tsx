import { createContext, useContext } from 'react';
import type { Target } from '../../../shared/model/records';
import type { Place } from '../../../shared/search/case-search';

/** What any view inside a case can ask for: open a place, link or annotate a piece of evidence. */
export interface CaseActions {
  caseId: string;
  actor: string;
  openPlace(place: Place): void;
  linkToClaim(target: Target): void;
  annotate(target: Target): void;
}

export const CaseActionsContext = createContext<CaseActions | null>(null);

export function useCaseActions(): CaseActions {
  const actions = useContext(CaseActionsContext);
  if (!actions) throw new Error('useCaseActions is used outside a case');
  return actions;
}
