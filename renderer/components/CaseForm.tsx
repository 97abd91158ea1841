import { useState, type FormEvent } from 'react';
import { CaseFields, DEFAULT_BATES_PREFIX, DEFAULT_PRIVILEGE_LEGEND, type CaseFieldsInput } from '../../shared/model/records';
import { Modal } from './Modal';

interface CaseFormProps {
  title: string;
  submitLabel: string;
  initial?: CaseFieldsInput;
  onSubmit: (fields: CaseFields) => Promise<void>;
  onClose: () => void;
}

const LABELS: Record<keyof CaseFields, string> = {
  title: 'Title',
  matterNumber: 'Matter number',
  parties: 'Parties',
  privilegeLegend: 'Privilege legend',
  batesPrefix: 'Bates prefix',
};

/** Create or edit a case's details, with each field's problem shown beside it. */
export function CaseForm({ title, submitLabel, initial, onSubmit, onClose }: CaseFormProps) {
  const [values, setValues] = useState<Record<keyof CaseFields, string>>({
    title: initial?.title ?? '',
    matterNumber: initial?.matterNumber ?? '',
    parties: initial?.parties ?? '',
    privilegeLegend: initial?.privilegeLegend ?? DEFAULT_PRIVILEGE_LEGEND,
    batesPrefix: initial?.batesPrefix ?? DEFAULT_BATES_PREFIX,
  });
  const [errors, setErrors] = useState<Partial<Record<keyof CaseFields | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CaseFields.safeParse(values);
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof CaseFields] ??= issue.message;
      setErrors(next);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : String(error) });
      setBusy(false);
    }
  };

  const change = (name: keyof CaseFields, value: string) => {
    setValues({ ...values, [name]: value });
    setErrors(({ [name]: _fixed, ...rest }) => rest);
  };

  const field = (name: keyof CaseFields, props: { multiline?: boolean; hint?: string; autoFocus?: boolean } = {}) => (
    <label className="field">
      <span className="field-label">{LABELS[name]}</span>
      {props.multiline ? (
        <textarea
          name={name}
          rows={2}
          value={values[name]}
          onChange={(e) => change(name, e.target.value)}
          aria-invalid={errors[name] ? true : undefined}
        />
      ) : (
        <input
          name={name}
          value={values[name]}
          autoFocus={props.autoFocus}
          onChange={(e) => change(name, e.target.value)}
          aria-invalid={errors[name] ? true : undefined}
        />
      )}
      {errors[name] ? <span className="field-error">{errors[name]}</span> : props.hint && <span className="field-hint">{props.hint}</span>}
    </label>
  );

  return (
    <Modal title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {field('title', { autoFocus: true, hint: 'For example: Northwind AI v. Lumen Labs' })}
        <div className="field-row">
          {field('matterNumber', { hint: 'Your firm’s or court’s reference' })}
          {field('batesPrefix', { hint: 'Printed on every bundle page, e.g. NWA-000001' })}
        </div>
        {field('parties', { multiline: true, hint: 'Claimant and respondent, as in the caption' })}
        {field('privilegeLegend', { hint: 'Printed on every page of exported bundles' })}
        {errors.form && (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
