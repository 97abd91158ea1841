import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 of bytes or of a string's UTF-8 encoding, as lowercase hex.
 * Synchronous on purpose: Dexie transactions commit as soon as they await a
 * foreign promise, so crypto.subtle cannot be used inside them.
 */
export function sha256Hex(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return bytesToHex(sha256(bytes));
}

/** SHA-256 of bytes, as bytes. */
export function sha256Bytes(data: Uint8Array): Uint8Array {
  return sha256(data);
}

/** Incremental SHA-256 for files read in chunks. */
export function createSha256(): { update(chunk: Uint8Array): void; hex(): string } {
  const hasher = sha256.create();
  return {
    update: (chunk) => {
      hasher.update(chunk);
    },
    hex: () => bytesToHex(hasher.digest()),
  };
}

/** The hashing method, named as it appears in certificates and manifests. */
export const HASH_METHOD = 'SHA-256 (FIPS 180-4) over the exact bytes of the file';
