// shared/ sees neither DOM nor Node types on purpose. These few globals exist
// in every runtime it runs in (Chromium, Electron, Node 20, Web Workers), so
// they are declared here rather than pulling in a whole platform's types.

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
  /** Native SHA-256, much faster than JavaScript's; asynchronous, so never inside a Dexie transaction. */
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
};
