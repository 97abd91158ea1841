import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../shared/ipc/contract';
import { MENU_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../shared/ipc/menu-commands';

// One function per operation; ipcRenderer itself never reaches the page.
const api: DesktopApi = {
  systemInfo: () => ipcRenderer.invoke('system:info'),
  openFiles: (request) => ipcRenderer.invoke('file:open', request),
  openFileForReading: (request) => ipcRenderer.invoke('file:openForReading', request),
  readFileRange: (token, offset, length) => ipcRenderer.invoke('file:read', token, offset, length),
  createFile: (request) => ipcRenderer.invoke('file:create', request),
  appendToFile: (token, bytes) => ipcRenderer.invoke('file:append', token, bytes),
  commitFile: (token) => ipcRenderer.invoke('file:commit', token),
  closeFile: (token) => ipcRenderer.invoke('file:close', token),
  listIdentities: () => ipcRenderer.invoke('identity:list'),
  createIdentity: (request) => ipcRenderer.invoke('identity:create', request),
  importIdentity: (passphrase) => ipcRenderer.invoke('identity:import', { passphrase }),
  removeIdentity: (id) => ipcRenderer.invoke('identity:remove', id),
  signBundle: (request) => ipcRenderer.invoke('bundle:sign', request),
  verifyBundle: (request) => ipcRenderer.invoke('bundle:verify', request),
  sealArchive: (request) => ipcRenderer.invoke('archive:seal', request),
  pickTermsHistory: (source) => ipcRenderer.invoke('terms:pickHistory', source),
  readTermsHistory: (document) => ipcRenderer.invoke('terms:readHistory', document),
  onMenuCommand: (listener) => {
    const handler = (_event: unknown, command: unknown) => {
      if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('api', api);
