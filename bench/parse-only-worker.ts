/// <reference lib="webworker" />
// The ceiling for an import: the same file read, hashed and parsed by the
// shared streamLog exactly as the import worker does, with nothing stored.
import { streamLog } from '../shared/import/log-stream';
import type { LogImportSettings } from '../shared/import/log-import';

onmessage = async (event: MessageEvent<{ file: File; settings: LogImportSettings }>) => {
  const { file, settings } = event.data;
  const started = performance.now();
  const read = await streamLog({ caseId: 'benchcase0001', sourceId: 'benchsource01', fileName: file.name, chunks: file.stream(), totalBytes: file.size, settings }, { original: () => undefined, entries: () => undefined });
  postMessage({ ms: performance.now() - started, rows: read.rows });
};
