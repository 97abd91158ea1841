import { useState, type ReactNode } from 'react';
import type { CaseRecord } from '../../../shared/model/records';
import { CaseForm } from '../../components/CaseForm';
import { useNotify } from '../../components/notices';
import { useConfirm } from '../../components/use-confirm';
import { createCase, deleteCase, updateCase } from '../../db/case-store';
import { db } from '../../db/db';

/**
 * Making, editing and deleting cases, as the menu, the case list and the
 * workspace ask for them: the forms, the confirmation, and what the user is
 * told. `created` and `deleted` say where to go next.
 */
export function useCaseCommands(actor: string, created: (caseId: string) => void, deleted: (caseId: string) => void): { newCase(): void; editCase(record: CaseRecord): void; removeCase(record: CaseRecord): void; element: ReactNode } {
  const notify = useNotify();
  const [confirmElement, confirm] = useConfirm();
  const [editing, setEditing] = useState<{ mode: 'new' } | { mode: 'edit'; record: CaseRecord } | null>(null);

  const removeCase = async (record: CaseRecord) => {
    const ok = await confirm({
      title: 'Delete case',
      message: (
        <>
          <p>
            Delete the case <strong>“{record.title}”</strong>
            {record.matterNumber && ` (matter ${record.matterNumber})`} from this computer?
          </p>
          <p>Its evidence, claims and history are removed. Save a case archive first if you may need it again.</p>
        </>
      ),
      confirmLabel: `Delete “${record.title}”`,
      danger: true,
    });
    if (!ok) return;
    await deleteCase(db, record.id);
    notify('success', `Deleted “${record.title}”.`);
    deleted(record.id);
  };

  const element = (
    <>
      {editing?.mode === 'new' && (
        <CaseForm
          title="New case"
          submitLabel="Create case"
          onClose={() => setEditing(null)}
          onSubmit={async (fields) => {
            const record = await createCase(db, fields, actor);
            setEditing(null);
            notify('success', `Created “${record.title}”.`);
            created(record.id);
          }}
        />
      )}
      {editing?.mode === 'edit' && (
        <CaseForm
          title="Case details"
          submitLabel="Save"
          initial={editing.record}
          onClose={() => setEditing(null)}
          onSubmit={async (fields) => {
            await updateCase(db, editing.record.id, fields, actor);
            setEditing(null);
          }}
        />
      )}
      {confirmElement}
    </>
  );
  return { newCase: () => setEditing({ mode: 'new' }), editCase: (record) => setEditing({ mode: 'edit', record }), removeCase: (record) => void removeCase(record), element };
}
