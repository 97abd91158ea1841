import { useCallback, useState } from 'react';
import type { CaseEdit, ClaimsState } from '../../../shared/claims/case-edit';
import { errorText } from '../../components/notices';
import { commitEdit } from './claims-store';
import { db } from '../../db/db';
import { useCaseActions } from '../cases';

/**
 * Commits an edit to the open case and keeps the message of the last one
 * refused (it names the field at fault), for the form to show.
 */
export function useCommit(): { error: string | null; commit: (build: (state: ClaimsState) => CaseEdit) => Promise<boolean> } {
  const { caseId } = useCaseActions();
  const [error, setError] = useState<string | null>(null);
  const commit = useCallback(
    async (build: (state: ClaimsState) => CaseEdit) => {
      try {
        await commitEdit(db, caseId, build);
        setError(null);
        return true;
      } catch (e) {
        setError(errorText(e));
        return false;
      }
    },
    [caseId],
  );
  return { error, commit };
}
