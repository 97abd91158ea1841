/**
 * The signing identity the person at this computer works with, by its
 * certificate's fingerprint (set with their name, under "Your name"): every
 * change they commit records it beside their name. Null: their name only.
 */
let fingerprint: string | null = null;

export function setWorkingIdentity(value: string | null): void {
  fingerprint = value;
}

export const workingIdentity = (): string | null => fingerprint;
