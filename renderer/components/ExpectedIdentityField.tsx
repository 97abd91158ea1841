import { useState, type ReactElement } from 'react';
import { normaliseFingerprint } from '../../shared/bundle/fingerprint';
import type { IdentitySummary } from '../../shared/ipc/contract';
import { usePinnedIdentities } from '../hooks/use-pinned-identities';

const ANYONE = '';
const TYPED = 'typed';

/** What the field holds: no expectation, an expected fingerprint, or a typed text that is not one. */
export type Expected = { fingerprint: string | null } | { invalid: string };

/**
 * Who a file must be signed or sealed by. A name on a certificate proves
 * nothing (anyone can make one in any name), so the choice is a
 * fingerprint: one of this computer's identities, one the user pinned, or
 * one given by other means and typed.
 */
export function useExpectedIdentity(label: string, anyone: string, identities: readonly IdentitySummary[]): [ReactElement, () => Expected] {
  const pins = usePinnedIdentities();
  const [choice, setChoice] = useState(ANYONE);
  const [typed, setTyped] = useState('');
  const known = [
    ...identities.map((i) => ({ key: `own-${i.id}`, fingerprint: i.fingerprint, label: `${i.name}${i.organisation ? `, ${i.organisation}` : ''} (this computer, ${i.fingerprint.slice(0, 11)}…)` })),
    ...pins
      .filter((p) => !identities.some((i) => i.fingerprint === p.fingerprint))
      .map((p) => ({ key: `pin-${p.fingerprint}`, fingerprint: p.fingerprint, label: `${p.name}${p.organisation ? `, ${p.organisation}` : ''} (pinned, ${p.fingerprint.slice(0, 11)}…)` })),
  ];
  const field = (
    <>
      <label className="field">
        <span className="field-label">{label}</span>
        <select value={choice} aria-label={label} onChange={(e) => setChoice(e.target.value)}>
          <option value={ANYONE}>{anyone}</option>
          {known.map((k) => (
            <option key={k.key} value={k.fingerprint}>
              {k.label}
            </option>
          ))}
          <option value={TYPED}>The certificate with this fingerprint…</option>
        </select>
      </label>
      {choice === TYPED && (
        <label className="field">
          <span className="field-label">Certificate fingerprint (SHA-256)</span>
          <input className="mono" value={typed} aria-label="Certificate fingerprint (SHA-256)" placeholder="3F:A1:…" onChange={(e) => setTyped(e.target.value)} />
        </label>
      )}
    </>
  );
  const expected = (): Expected => {
    if (choice === ANYONE) return { fingerprint: null };
    if (choice !== TYPED) return { fingerprint: choice };
    const fingerprint = normaliseFingerprint(typed);
    return fingerprint ? { fingerprint } : { invalid: 'Certificate fingerprint: type or paste its 64 hex digits (SHA-256), with or without colons' };
  };
  return [field, expected];
}
