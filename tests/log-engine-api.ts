import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logHandlers } from '../electron/log-handlers';
import { LogEngine } from '../node/log-engine';
import { connectLogEngine } from '../renderer/db/log-store';
import { parseIpcArgs, type Channel } from '../shared/ipc/contract';
import { desktopApi } from '../shared/ipc/desktop-api';

/**
 * Connects the renderer's log store, in a Node test, to a real log engine in
 * a fresh folder, through the handlers Electron registers and the argument
 * checks it makes: only the IPC transport is left out.
 */
export function connectTestLogEngine(): LogEngine {
  const engine = new LogEngine(mkdtempSync(join(tmpdir(), 'log-engine-')));
  const handlers = logHandlers(engine) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const api = desktopApi(
    async (channel, ...args) => handlers[channel]!(...parseIpcArgs(channel as Channel, args)) as never,
    () => () => undefined,
  );
  connectLogEngine(api.logs);
  return engine;
}
