// Stands in for electron/preload.ts when the renderer runs in plain Chromium:
// the same window.api, built by the same desktopApi, carried over HTTP to the bridge instead of IPC.
import { desktopApi, unwrap, type Reply } from '../../shared/ipc/desktop-api';
import type { MenuCommand } from '../../shared/ipc/menu-commands';
import { decodeWire, encodeWire } from './wire';

async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  const response = await fetch(`/__bridge/invoke/${channel}`, { method: 'POST', body: encodeWire(args) });
  if (!response.ok) throw new Error(`Bridge call ${channel} failed`);
  return unwrap(decodeWire(await response.text()) as Reply<T>);
}

const listeners = new Set<(command: MenuCommand) => void>();

// The object the app ships (shared/ipc/desktop-api.ts), over HTTP instead of IPC.
const api = desktopApi(
  (channel, ...args) => invoke(channel, ...args),
  (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
);

// The application menu's accelerators, as Electron would deliver them.
const ACCELERATORS: Record<string, MenuCommand> = { n: 'case:new', o: 'archive:open', s: 'archive:save', i: 'evidence:import' };
window.addEventListener('keydown', (event) => {
  const command = (event.ctrlKey || event.metaKey) && ACCELERATORS[event.key.toLowerCase()];
  if (!command) return;
  event.preventDefault();
  for (const listener of listeners) listener(command);
});

window.api = api;
