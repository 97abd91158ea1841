import { useEffect, useRef } from 'react';
import { actionLabel } from '../../../shared/audit/audit-actions';
import { nextUndo } from '../../../shared/audit/undo';
import { errorText, useNotify } from '../../components/notices';
import { auditEventsOf } from '../../db/case-store';
import { db } from '../../db/db';
import { undoInCase } from './undo-store';

/**
 * After each change the user makes in this window, a notice naming it with
 * an Undo button (Ctrl+Z does the same). Changes already in the history
 * when the case opened, undos and redos, and events that change no record
 * (review marks, sign-offs) get none.
 */
export function useUndoNotice(caseId: string, actor: string, eventCount: number | undefined): void {
  const notify = useNotify();
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (eventCount === undefined) return;
    if (seen.current === null) {
      seen.current = eventCount;
      return;
    }
    if (eventCount <= seen.current) return;
    seen.current = eventCount;
    void auditEventsOf(db, caseId).then((audit) => {
      const last = audit.at(-1);
      if (!last || last.actor !== actor || last.action === 'change.undone' || nextUndo(audit)?.seq !== last.seq) return;
      notify('success', `${actionLabel(last.action)}: ${last.subject}.`, {
        label: 'Undo',
        brief: true,
        run: () =>
          void undoInCase(db, caseId, actor, last.seq).then(
            (done) => notify('success', `${done}. Ctrl+Shift+Z redoes it.`),
            (error: unknown) => notify('error', `Not undone: ${errorText(error)}`),
          ),
      });
    });
  }, [caseId, actor, eventCount, notify]);
}
