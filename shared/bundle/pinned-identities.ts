import { z } from 'zod';
import type { CertificateSubject } from './certificate';

/**
 * A certificate a user has said they trust for a name: the name is only
 * what the certificate claims (anyone can make a key in any name), the
 * fingerprint is what identifies it.
 */
export const PinnedIdentity = z.object({
  name: z.string(),
  organisation: z.string(),
  fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  pinnedAt: z.string(),
});
export type PinnedIdentity = z.infer<typeof PinnedIdentity>;
export const PinnedIdentities = z.array(PinnedIdentity);

/** How a signer or sealer stands against the pinned identities. */
export type Recognition =
  | { kind: 'pinned'; pin: PinnedIdentity }
  /** The name is pinned, with another certificate: a new key, or someone else using the name. */
  | { kind: 'new-key'; pinned: PinnedIdentity[] }
  | { kind: 'unknown' };

const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

export function recognise(pins: readonly PinnedIdentity[], signer: CertificateSubject): Recognition {
  const pin = pins.find((p) => p.fingerprint === signer.fingerprint);
  if (pin) return { kind: 'pinned', pin };
  const pinned = signer.name.trim() ? pins.filter((p) => sameName(p.name, signer.name)) : [];
  return pinned.length ? { kind: 'new-key', pinned } : { kind: 'unknown' };
}

/** One sentence on a recognition, for the notices and the verification view. */
export function describeRecognition(recognition: Recognition, signer: CertificateSubject): string {
  switch (recognition.kind) {
    case 'pinned':
      return `This is the certificate you pinned for ${recognition.pin.name || 'this signer'} on ${recognition.pin.pinnedAt.slice(0, 10)}.`;
    case 'new-key':
      return `Warning: you pinned ${recognition.pinned.map((p) => p.fingerprint).join(' and ')} for “${signer.name}”, but this certificate is ${signer.fingerprint}. Anyone can make a key in any name: ask ${signer.name} by other means whether this key is theirs before relying on it.`;
    case 'unknown':
      return `This certificate (${signer.fingerprint}) is not pinned: compare its fingerprint with one ${signer.name || 'the signer'} gave you by other means, then pin it.`;
  }
}

/** The pins with this signer's certificate added (or its name and organisation brought up to date). */
export function withPin(pins: readonly PinnedIdentity[], signer: CertificateSubject, at: string): PinnedIdentity[] {
  const pin: PinnedIdentity = { name: signer.name, organisation: signer.organisation, fingerprint: signer.fingerprint, pinnedAt: at };
  return [...pins.filter((p) => p.fingerprint !== signer.fingerprint), pin];
}
