// Stands in for electron/preload.ts when the renderer runs in plain Chromium:
// the same DesktopApi, carried over HTTP to the bridge instead of IPC.
import type { DesktopApi } from '../../shared/ipc/contract';
import type { MenuCommand } from '../../shared/ipc/menu-commands';
import { decodeWire, encodeWire } from './wire';

async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  const response = await fetch(`/__bridge/invoke/${channel}`, { method: 'POST', body: encodeWire(args) });
  const body = decodeWire(await response.text()) as { result?: T; error?: string };
  if (!response.ok || body.error !== undefined) throw new Error(body.error ?? `Bridge call ${channel} failed`);
  return body.result as T;
}

const listeners = new Set<(command: MenuCommand) => void>();

const api: DesktopApi = {
  systemInfo: () => invoke('system:info'),
  openFiles: (request) => invoke('file:open', request),
  openFileForReading: (request) => invoke('file:openForReading', request),
  readFileRange: (token, offset, length) => invoke('file:read', token, offset, length),
  createFile: (request) => invoke('file:create', request),
  appendToFile: (token, bytes) => invoke('file:append', token, bytes),
  commitFile: (token) => invoke('file:commit', token),
  closeFile: (token) => invoke('file:close', token),
  listIdentities: () => invoke('identity:list'),
  createIdentity: (request) => invoke('identity:create', request),
  importIdentity: (passphrase) => invoke('identity:import', { passphrase }),
  removeIdentity: (id) => invoke('identity:remove', id),
  signBundle: (request) => invoke('bundle:sign', request),
  verifyBundle: (request) => invoke('bundle:verify', request),
  sealArchive: (request) => invoke('archive:seal', request),
  pickTermsHistory: (source) => invoke('terms:pickHistory', source),
  readTermsHistory: (document) => invoke('terms:readHistory', document),
  onMenuCommand: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// The application menu's accelerators, as Electron would deliver them.
const ACCELERATORS: Record<string, MenuCommand> = { n: 'case:new', o: 'archive:open', s: 'archive:save', i: 'evidence:import' };
window.addEventListener('keydown', (event) => {
  const command = (event.ctrlKey || event.metaKey) && ACCELERATORS[event.key.toLowerCase()];
  if (!command) return;
  event.preventDefault();
  for (const listener of listeners) listener(command);
});

window.api = api;
