import type { NamedBlob } from '../renderer/features/evidence/import/import-jobs';

/** A file that streams in 64 KiB pieces, as Chromium reads files from disk, and reads at any offset as File.slice does. */
export function chunkedFile(bytes: Uint8Array, name: string): NamedBlob {
  return {
    name,
    size: bytes.length,
    arrayBuffer: async () => bytes.slice().buffer,
    slice: (start?: number, end?: number) => ({ arrayBuffer: async () => bytes.slice(start, end).buffer }),
    stream: () => {
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(offset, (offset += 65536)));
        },
      });
    },
  };
}
