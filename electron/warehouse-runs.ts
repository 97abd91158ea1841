import { randomBytes } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Refusal, errorData } from '../shared/errors';
import type { WarehouseRunRequest, WarehouseRunStatus } from '../shared/ipc/contract';
import { runPackOnClickHouse } from '../node/warehouse-run';

/**
 * Query packs the app runs on the lab's ClickHouse, one run at a time per
 * request, in the main process (the renderer cannot open connections): the
 * pack is written into a folder the user picked, run as the CLI's
 * run-query-pack runs it, and its progress read by the page until it ends.
 * The password is used for the run and kept nowhere.
 */
export class WarehouseRuns {
  private readonly runs = new Map<string, { status: WarehouseRunStatus; cancel: AbortController }>();

  async start(request: WarehouseRunRequest, folder: string): Promise<{ run: string; folder: string }> {
    if ((await readdir(folder).catch(() => [])).length) throw new Refusal(`${folder} is not empty: choose an empty folder for the query pack and its results, so nothing is overwritten`);
    for (const file of request.pack) {
      const path = join(folder, file.path);
      if (!path.startsWith(join(folder, '/'))) throw new Refusal(`The pack names a file outside its folder: ${file.path}`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.text);
    }
    const run = randomBytes(10).toString('hex');
    const cancel = new AbortController();
    const entry = { status: { state: 'running', phase: 'Connecting', done: 0, total: 0 } as WarehouseRunStatus, cancel };
    this.runs.set(run, entry);
    void runPackOnClickHouse(folder, request.server, { signal: cancel.signal, progress: (phase, done, total) => entry.status.state === 'running' && (entry.status = { state: 'running', phase, done, total }) }).then(
      ({ engineVersion, runs }) => (entry.status = { state: 'done', folder, engineVersion, results: runs.map((r) => ({ query: r.query, rows: r.rows, sha256: r.sha256, file: r.result })) }),
      (error: unknown) => (entry.status = cancel.signal.aborted ? { state: 'cancelled', folder } : { state: 'failed', folder, error: errorData(error) }),
    );
    return { run, folder };
  }

  status(run: string): WarehouseRunStatus {
    const entry = this.runs.get(run);
    if (!entry) throw new Refusal('No such query run');
    return entry.status;
  }

  cancel(run: string): void {
    this.runs.get(run)?.cancel.abort();
  }
}
