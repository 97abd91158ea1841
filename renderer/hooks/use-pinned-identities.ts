import { useSyncExternalStore } from 'react';
import type { CertificateSubject } from '../../shared/bundle/certificate';
import { PinnedIdentities, withPin, type PinnedIdentity } from '../../shared/bundle/pinned-identities';

const KEY = 'evidence-desk.pinned-identities';
const listeners = new Set<() => void>();

/** The pins kept on this computer; a damaged entry reads as none rather than as a pin nobody made. */
function read(): PinnedIdentity[] {
  try {
    const parsed = PinnedIdentities.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

let pins = read();

function write(next: PinnedIdentity[]): void {
  localStorage.setItem(KEY, JSON.stringify(next));
  pins = next;
  for (const listener of listeners) listener();
}

export function pinIdentity(signer: CertificateSubject): void {
  write(withPin(pins, signer, new Date().toISOString()));
}

export function unpinIdentity(fingerprint: string): void {
  write(pins.filter((p) => p.fingerprint !== fingerprint));
}

/** The certificates the user has pinned, on this computer (never in a case): the same in every view. */
export function usePinnedIdentities(): PinnedIdentity[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pins,
  );
}

/** The pins as they are now, for code outside a component. */
export const pinnedIdentities = (): PinnedIdentity[] => pins;
