import { errorData, errorFromData, type ErrorData } from '../errors';
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

/** What a channel answers: its result, or the error as data (see shared/errors.ts), so a refusal arrives with its name and code. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** The main process's side: the handler's result, or what it threw, as a reply. */
export async function replyOf<T>(work: () => Promise<T>): Promise<Reply<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: errorData(error) };
  }
}

/** The page's side: the result, or the error thrown again as the main process threw it. */
export function unwrap<T>(reply: Reply<T>): T {
  if (!reply.ok) throw errorFromData(reply.error);
  return reply.value;
}
