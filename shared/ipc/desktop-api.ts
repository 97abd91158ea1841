import { errorData, errorFromData, type ErrorData } from '../errors';
import type { Channel, ChannelArgs, ChannelResults, CreateFileRequest, CreateIdentityRequest, OnMenuCommand, OpenFileRequest, OpenFilesRequest, SealArchiveRequest, TermsHistorySource, VerifyBundleRequest, WarehouseRunRequest, WriteBundleRequest } from './contract';

/** Calls one channel: its arguments and result exactly as the contract types them. */
export type Invoke = <C extends Channel>(channel: C, ...args: ChannelArgs<C>) => Promise<ChannelResults[C]>;

/**
 * `window.api`, built from a way to call a channel: the preload passes
 * Electron's IPC, the end-to-end tests' bridge an HTTP call, so both expose
 * this one object, and its type (DesktopApi) is what this builds: a method
 * whose channel, arguments or result disagree with the contract does not
 * type-check.
 */
export function desktopApi(invoke: Invoke, onMenuCommand: OnMenuCommand) {
  return {
    systemInfo: () => invoke('system:info'),
    openFiles: (request: OpenFilesRequest) => invoke('file:open', request),
    /** A file the user picks, read in ranges: for files too large to pass whole. */
    openFileForReading: (request: OpenFileRequest) => invoke('file:openForReading', request),
    readFileRange: (token: string, offset: number, length: number) => invoke('file:read', token, offset, length),
    /** A file the user names, written in pieces and put in place by commitFile. */
    createFile: (request: CreateFileRequest) => invoke('file:create', request),
    appendToFile: (token: string, bytes: Uint8Array) => invoke('file:append', token, bytes),
    commitFile: (token: string) => invoke('file:commit', token),
    closeFile: (token: string) => invoke('file:close', token),
    listIdentities: () => invoke('identity:list'),
    createIdentity: (request: CreateIdentityRequest) => invoke('identity:create', request),
    /** Asks for a .p12 file in the main process; the key never reaches the page. */
    importIdentity: (passphrase: string) => invoke('identity:import', { passphrase }),
    removeIdentity: (id: string) => invoke('identity:remove', id),
    /** Signs a laid-out bundle with an identity kept in the main process (when one is given), asks where to save it and writes it there, to be put in place by commitFile. */
    writeBundle: (request: WriteBundleRequest) => invoke('bundle:write', request),
    /** Asks for a PDF and verifies it in the main process. */
    verifyBundle: (request: VerifyBundleRequest) => invoke('bundle:verify', request),
    sealArchive: (request: SealArchiveRequest) => invoke('archive:seal', request),
    /** Asks for a folder (an Open Terms Archive repository, or dated files) and lists the documents in it. */
    pickTermsHistory: (source: TermsHistorySource) => invoke('terms:pickHistory', source),
    /** Every recorded version of one document of the folder last picked. */
    readTermsHistory: (document: string) => invoke('terms:readHistory', document),
    /** The log engine in the main process: every log row is written, read and deleted here (see node/log-engine.ts). */
    logs: {
      append: (...args: ChannelArgs<'logs:append'>) => invoke('logs:append', ...args),
      finish: (...args: ChannelArgs<'logs:finish'>) => invoke('logs:finish', ...args),
      remove: (...args: ChannelArgs<'logs:remove'>) => invoke('logs:remove', ...args),
      keepOnly: (...args: ChannelArgs<'logs:keepOnly'>) => invoke('logs:keepOnly', ...args),
      count: (...args: ChannelArgs<'logs:count'>) => invoke('logs:count', ...args),
      window: (...args: ChannelArgs<'logs:window'>) => invoke('logs:window', ...args),
      linePosition: (...args: ChannelArgs<'logs:linePosition'>) => invoke('logs:linePosition', ...args),
      byRef: (...args: ChannelArgs<'logs:byRef'>) => invoke('logs:byRef', ...args),
      chunk: (...args: ChannelArgs<'logs:chunk'>) => invoke('logs:chunk', ...args),
      countInTime: (...args: ChannelArgs<'logs:countInTime'>) => invoke('logs:countInTime', ...args),
      removeCase: (...args: ChannelArgs<'logs:removeCase'>) => invoke('logs:removeCase', ...args),
      rowsSha256: (...args: ChannelArgs<'logs:rowsSha256'>) => invoke('logs:rowsSha256', ...args),
      importStart: (...args: ChannelArgs<'logs:importStart'>) => invoke('logs:importStart', ...args),
      importBytes: (...args: ChannelArgs<'logs:importBytes'>) => invoke('logs:importBytes', ...args),
      importEnd: (...args: ChannelArgs<'logs:importEnd'>) => invoke('logs:importEnd', ...args),
      importStatus: (...args: ChannelArgs<'logs:importStatus'>) => invoke('logs:importStatus', ...args),
      importCancel: (...args: ChannelArgs<'logs:importCancel'>) => invoke('logs:importCancel', ...args),
      restoreStart: (...args: ChannelArgs<'logs:restoreStart'>) => invoke('logs:restoreStart', ...args),
      exportRows: (...args: ChannelArgs<'logs:exportRows'>) => invoke('logs:exportRows', ...args),
      exportBytes: (...args: ChannelArgs<'logs:exportBytes'>) => invoke('logs:exportBytes', ...args),
      exportClose: (...args: ChannelArgs<'logs:exportClose'>) => invoke('logs:exportClose', ...args),
      distinctPrompts: (...args: ChannelArgs<'logs:distinctPrompts'>) => invoke('logs:distinctPrompts', ...args),
      promptPart: (...args: ChannelArgs<'logs:promptPart'>) => invoke('logs:promptPart', ...args),
      promptRows: (...args: ChannelArgs<'logs:promptRows'>) => invoke('logs:promptRows', ...args),
      campaignLinks: (...args: ChannelArgs<'logs:campaignLinks'>) => invoke('logs:campaignLinks', ...args),
      campaignClusters: (...args: ChannelArgs<'logs:campaignClusters'>) => invoke('logs:campaignClusters', ...args),
    },
    /** Asks for an empty folder, writes the query pack there and runs it on the lab's ClickHouse; its status is read until it ends. */
    runQueryPack: (request: WarehouseRunRequest) => invoke('warehouse:run', request),
    queryRunStatus: (run: string) => invoke('warehouse:status', run),
    cancelQueryRun: (run: string) => invoke('warehouse:cancel', run),
    onMenuCommand,
  };
}

/** What the preload exposes to the renderer as `window.api`. */
export type DesktopApi = ReturnType<typeof desktopApi>;

/** The log engine's part of it, which job workers reach through the page. */
export type LogApi = DesktopApi['logs'];

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
