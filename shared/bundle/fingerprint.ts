import { sha256Hex } from '../hash';

/** A certificate's SHA-256 fingerprint as upper-case hex pairs, as pdfsig, Adobe and openssl show it. */
export function fingerprintOf(der: Uint8Array): string {
  return sha256Hex(der).toUpperCase().match(/../g)!.join(':');
}

/** A fingerprint as typed or pasted (any case, with or without colons or spaces) in the form shown, or null if it is not one. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex.match(/../g)!.join(':') : null;
}
