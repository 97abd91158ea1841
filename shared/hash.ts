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

export interface StreamingSha256 {
  update(chunk: Uint8Array): void;
  hex(): string;
}

/**
 * Where incremental hashes come from. Browsers have no native incremental
 * SHA-256 (Web Crypto digests whole buffers), so pure JavaScript is the
 * default; Node's is about 25 times faster, and the CLI and the main
 * process install it with useNativeSha256.
 */
let makeStreamingSha256 = (): StreamingSha256 => {
  const hasher = sha256.create();
  return {
    update: (chunk) => {
      hasher.update(chunk);
    },
    hex: () => bytesToHex(hasher.digest()),
  };
};

/** Installs a native incremental SHA-256 (Node's crypto.createHash('sha256'), wrapped). */
export function useNativeSha256(factory: () => StreamingSha256): void {
  makeStreamingSha256 = factory;
}

/** Incremental SHA-256 for files read in chunks. */
export function createSha256(): StreamingSha256 {
  return makeStreamingSha256();
}

/** The hashing method, named as it appears in certificates and manifests. */
export const HASH_METHOD = 'SHA-256 (FIPS 180-4) over the exact bytes of the file';
