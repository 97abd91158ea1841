import Dexie from 'dexie';
import { joinBytes } from '../../shared/bytes';
import type { EvidenceDatabase, OriginalChunk } from './database';

/**
 * The one module that writes, reads and deletes the original bytes of
 * imported files (the table originalChunks; lint keeps every other module
 * out of it). A file is kept in pieces of about CHUNK_BYTES, in order.
 */
const CHUNK_BYTES = 4 * 1024 * 1024;

const ofSource = (db: EvidenceDatabase, sourceId: string) => db.originalChunks.where('[sourceId+seq]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]);

function joined(parts: readonly OriginalChunk[]): Uint8Array {
  return joinBytes([...parts].sort((a, b) => a.seq - b.seq).map((p) => p.bytes));
}

/** The tables this module writes, for a transaction's scope. */
export const originalTables = (db: EvidenceDatabase) => [db.originalChunks];

/** Stores a file's bytes whole, inside the caller's transaction. */
export async function putOriginal(db: EvidenceDatabase, caseId: string, sourceId: string, bytes: Uint8Array): Promise<void> {
  const chunks: OriginalChunk[] = [];
  for (let seq = 0, offset = 0; offset < bytes.length || seq === 0; seq++, offset += CHUNK_BYTES) chunks.push({ caseId, sourceId, seq, bytes: bytes.slice(offset, offset + CHUNK_BYTES) });
  await db.originalChunks.bulkAdd(chunks);
}

/** Stores a file's bytes as they are read, a piece at a time: for files too large to hold. */
export function originalWriter(db: EvidenceDatabase, caseId: string, sourceId: string) {
  let pending: Uint8Array[] = [];
  let size = 0;
  let seq = 0;
  const flush = async () => {
    if (size === 0) return;
    const bytes = joinBytes(pending, size);
    [pending, size] = [[], 0];
    await db.originalChunks.add({ caseId, sourceId, seq: seq++, bytes });
  };
  return {
    flush,
    async add(chunk: Uint8Array) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= CHUNK_BYTES) await flush();
    },
  };
}

/** A file's bytes, whole. */
export async function originalBytes(db: EvidenceDatabase, sourceId: string): Promise<Uint8Array> {
  return joined(await ofSource(db, sourceId).toArray());
}

/** A file's bytes a piece at a time, never whole: for archives of large logs. */
export async function* originalPieces(db: EvidenceDatabase, sourceId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await db.originalChunks.get([sourceId, seq]);
    if (!chunk) return;
    yield chunk.bytes;
  }
}

/** Every original of a case, by source. */
export async function caseOriginals(db: EvidenceDatabase, caseId: string): Promise<Map<string, Uint8Array>> {
  const bySource = new Map<string, OriginalChunk[]>();
  for (const chunk of await db.originalChunks.where('caseId').equals(caseId).toArray()) bySource.set(chunk.sourceId, [...(bySource.get(chunk.sourceId) ?? []), chunk]);
  return new Map([...bySource].map(([sourceId, parts]) => [sourceId, joined(parts)]));
}

export async function deleteOriginal(db: EvidenceDatabase, sourceId: string): Promise<void> {
  await ofSource(db, sourceId).delete();
}
