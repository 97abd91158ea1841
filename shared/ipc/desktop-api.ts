import type { Channel, ChannelArgs, ChannelResults, DesktopApi } from './contract';

/** Calls one channel: its arguments and result exactly as the contract types them. */
export type Invoke = <C extends Channel>(channel: C, ...args: ChannelArgs<C>) => Promise<ChannelResults[C]>;

/**
 * `window.api`, built from a way to call a channel: the preload passes
 * Electron's IPC, the end-to-end tests' bridge an HTTP call, so both expose
 * this one object. A method whose channel, arguments or result disagree
 * with the contract does not type-check.
 */
export function desktopApi(invoke: Invoke, onMenuCommand: DesktopApi['onMenuCommand']): DesktopApi {
  return {
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
    onMenuCommand,
  };
}
