import { z } from 'zod';
import type { ErrorData } from '../errors';
import { describeIssues } from '../validation';
import type { Verification } from '../bundle/verify-bundle';
import type { MenuCommand } from './menu-commands';
import type { LogChunk } from '../log-store/log-chunks';
import { LogFilter } from '../model/log-filter';
import { LogEntry, SourceRef, id } from '../model/records';
import { LOG_FIELDS } from '../import/log-fields';
import type { LogStreamResult } from '../import/log-stream';
import type { CampaignLinks, ClusterReadings } from '../analysis/campaign';
import type { LoggedPrompt, PromptRow } from '../analysis/prompt-matching';

/**
 * The one contract between the renderer and the desktop side: each channel
 * (`domain:verb`) with the schema its arguments must pass in the main
 * process, and the result it returns. Electron serves it over IPC, the test
 * bridge over HTTP; both run the same handlers.
 */

const FileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^([A-Za-z0-9]{1,12}|\*)$/, 'must be a file extension without a dot')).min(1).max(20),
});

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be the file’s bytes');

export const OpenFilesRequest = z.object({
  title: z.string().max(200),
  filters: z.array(FileFilter).max(10),
  multiple: z.boolean(),
});
export type OpenFilesRequest = z.infer<typeof OpenFilesRequest>;

/** A file too large to pass whole: opened with a dialog, then read in ranges or written in pieces through its token. */
export const FileToken = z.string().regex(/^[0-9a-z]{20}$/, 'must be a file token');

export const OpenFileRequest = OpenFilesRequest.omit({ multiple: true });
export type OpenFileRequest = z.infer<typeof OpenFileRequest>;
export const CreateFileRequest = z.object({
  title: z.string().max(200),
  suggestedName: z.string().min(1).max(255),
  filters: z.array(FileFilter).max(10),
});
export type CreateFileRequest = z.infer<typeof CreateFileRequest>;

/** The most a single read returns: large enough for speed, small enough for one IPC message. */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

export interface FileForReading {
  token: string;
  name: string;
  path: string;
  size: number;
}

export interface FileForWriting {
  token: string;
  name: string;
  path: string;
}

export interface OpenedFile {
  name: string;
  path: string;
  bytes: Uint8Array;
}

export interface SavedFile {
  name: string;
  path: string;
}

/** A signing identity as the renderer sees it: who it names, never its key. */
export interface IdentitySummary {
  id: string;
  name: string;
  organisation: string;
  email: string;
  fingerprint: string;
  selfSigned: boolean;
  validTo: string;
  /** "os": the OS keeps its passphrase; "passphrase": the user types it to sign. */
  protection: 'os' | 'passphrase';
}

const identityId = z.string().regex(/^[0-9a-z]{20}$/, 'must be an identity id');

export const CreateIdentityRequest = z.object({
  name: z.string().trim().min(1, 'Name is required').max(200),
  organisation: z.string().trim().max(200),
  email: z.string().trim().max(200),
  /** Protects the key; the OS keeps it where it can, so signing needs no typing there. */
  passphrase: z.string().max(500),
});
export type CreateIdentityRequest = z.infer<typeof CreateIdentityRequest>;

/** A laid-out bundle, signed first with a stored identity when one is given, then written into a file the user names in the save dialog. */
export const WriteBundleRequest = z.object({ pdf: bytes, identityId: identityId.optional(), passphrase: z.string().max(500).optional(), save: CreateFileRequest });
export type WriteBundleRequest = z.infer<typeof WriteBundleRequest>;

/** A case archive's manifest to seal with a stored identity (see shared/archive/archive-seal.ts). */
export const SealArchiveRequest = z.object({ manifest: bytes, identityId, passphrase: z.string().max(500).optional() });
export type SealArchiveRequest = z.infer<typeof SealArchiveRequest>;

/** The certificate a bundle must be signed with, by its SHA-256 fingerprint; null to report whoever signed. */
export const VerifyBundleRequest = z.object({ expectedSigner: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'a SHA-256 fingerprint as upper-case hex pairs').nullable() });
export type VerifyBundleRequest = z.infer<typeof VerifyBundleRequest>;

/** Where recorded versions of terms come from: an Open Terms Archive versions repository, or a folder of dated files. */
export const TermsHistorySource = z.enum(['ota', 'folder']);
export type TermsHistorySource = z.infer<typeof TermsHistorySource>;

/** A folder the user picked for terms history, with the documents it holds. */
export interface PickedTermsHistory {
  source: TermsHistorySource;
  folder: string;
  documents: string[];
}

/** The recorded versions of one document, read in the main process. */
export interface TermsHistory {
  versions: { name: string; bytes: Uint8Array; effectiveDate: string; provenance?: { repository: string; path: string; commit: string; recordedAt: string } }[];
  notes: string[];
}

/** A query pack to run on the lab's ClickHouse: its files as the app made them, and the server (credentials used for the run, kept nowhere). */
export const WarehouseRunRequest = z.object({
  pack: z.array(z.object({ path: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9][A-Za-z0-9_.-]*)*$/, 'must be a relative path inside the pack').max(200), text: z.string().max(50_000_000) })).min(1).max(200),
  server: z.object({
    url: z.url({ protocol: /^https?$/, error: 'must be the server’s HTTP address, such as http://127.0.0.1:8123' }),
    username: z.string().max(200).optional(),
    password: z.string().max(500).optional(),
    database: z.string().regex(/^[A-Za-z0-9_]{1,100}$/, 'must be a database name').optional(),
  }),
});
export type WarehouseRunRequest = z.infer<typeof WarehouseRunRequest>;

/** Where a run is: running, with its progress; done, with each query's result file; failed with the reason; or cancelled. */
export type WarehouseRunStatus =
  | { state: 'running'; phase: string; done: number; total: number }
  | { state: 'done'; folder: string; engineVersion: string; results: { query: string; rows: number; sha256: string; file: string }[] }
  | { state: 'failed'; folder: string; error: ErrorData }
  | { state: 'cancelled'; folder: string };

export interface SystemInfo {
  userName: string;
  platform: string;
  appVersion: string;
}

/** How a log is read, as the import dialog settled it; streamLog checks what the schema cannot (checkLogSettings). */
const LogImportSettingsSchema = z.object({
  format: z.enum(['jsonl', 'csv', 'tsv', 'parquet']),
  hasHeader: z.boolean(),
  columns: z.array(z.string().max(10_000)).max(10_000),
  mapping: z.partialRecord(z.enum(LOG_FIELDS), z.string().max(10_000)),
  identifiers: z.array(z.string().max(10_000)).max(100).optional(),
  years: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
});

/** A log import the main process runs: where it is, or how it ended (the rows read, or why not). */
export type LogImportStatus =
  | { state: 'running'; phase: string; done: number; total: number }
  | { state: 'done'; result: LogStreamResult }
  /** A source's rows taken from a case archive: how many, and their digest, for the history to vouch for. */
  | { state: 'restored'; rows: number; rowsSha256: string }
  | { state: 'failed'; error: ErrorData }
  | { state: 'cancelled' };

const importId = z.string().regex(/^[0-9a-f]{20}$/, 'must be an import id');
const exportId = z.string().regex(/^[0-9a-f]{20}$/, 'must be an export id');

/** A source's rows written out as Parquet (a case archive's entry), read by the page in pieces of at most this many bytes. */
export const MAX_EXPORT_READ_BYTES = 4 * 1024 * 1024;

/** The most rows one call appends or returns: a batch a message carries comfortably. */
export const MAX_APPENDED_ROWS = 50_000;
export const MAX_WINDOW_ROWS = 100_000;

export const ipcChannels = {
  'system:info': z.tuple([]),
  'file:open': z.tuple([OpenFilesRequest]),
  'file:openForReading': z.tuple([OpenFileRequest]),
  'file:read': z.tuple([FileToken, z.number().int().nonnegative(), z.number().int().positive().max(MAX_READ_BYTES)]),
  'file:create': z.tuple([CreateFileRequest]),
  'file:append': z.tuple([FileToken, bytes]),
  'file:commit': z.tuple([FileToken]),
  'file:close': z.tuple([FileToken]),
  'identity:list': z.tuple([]),
  'identity:create': z.tuple([CreateIdentityRequest]),
  'identity:import': z.tuple([z.object({ passphrase: z.string().max(500) })]),
  'identity:remove': z.tuple([identityId]),
  'bundle:write': z.tuple([WriteBundleRequest]),
  'bundle:verify': z.tuple([VerifyBundleRequest]),
  'archive:seal': z.tuple([SealArchiveRequest]),
  'terms:pickHistory': z.tuple([TermsHistorySource]),
  'terms:readHistory': z.tuple([z.string().min(1).max(1000)]),
  'logs:append': z.tuple([id, id, z.array(LogEntry).max(MAX_APPENDED_ROWS)]),
  'logs:finish': z.tuple([id, id]),
  'logs:remove': z.tuple([id, id]),
  'logs:keepOnly': z.tuple([id, z.array(id)]),
  'logs:count': z.tuple([id, id, LogFilter]),
  'logs:window': z.tuple([id, id, LogFilter, z.number().int().nonnegative(), z.number().int().nonnegative().max(MAX_WINDOW_ROWS)]),
  'logs:linePosition': z.tuple([id, id, z.number().int().positive()]),
  'logs:byRef': z.tuple([id, z.array(SourceRef).max(MAX_WINDOW_ROWS)]),
  'logs:chunk': z.tuple([id, id, z.number().int().nonnegative()]),
  'logs:countInTime': z.tuple([id, z.array(id), z.number(), z.number()]),
  'logs:removeCase': z.tuple([id]),
  'logs:rowsSha256': z.tuple([id, id]),
  'logs:importStart': z.tuple([id, id, z.object({ fileName: z.string().min(1).max(1000), size: z.number().int().nonnegative() }), LogImportSettingsSchema]),
  'logs:importBytes': z.tuple([importId, bytes]),
  'logs:importEnd': z.tuple([importId]),
  'logs:importStatus': z.tuple([importId]),
  'logs:importCancel': z.tuple([importId]),
  'logs:restoreStart': z.tuple([id, id, z.object({ size: z.number().int().nonnegative() })]),
  'logs:exportRows': z.tuple([id, id]),
  'logs:exportBytes': z.tuple([exportId, z.number().int().nonnegative()]),
  'logs:exportClose': z.tuple([exportId]),
  'logs:distinctPrompts': z.tuple([id, z.array(id)]),
  'logs:promptPart': z.tuple([id, z.array(id), z.number().int().nonnegative(), z.number().int().positive()]),
  'logs:promptRows': z.tuple([id, z.array(id), z.array(z.string()), z.array(z.string()), z.number().int().nonnegative(), z.number().int().positive().max(MAX_WINDOW_ROWS)]),
  'logs:campaignLinks': z.tuple([id, z.array(id), z.array(z.string().min(1).max(10_000)).max(100)]),
  'logs:campaignClusters': z.tuple([
    id,
    z.array(id),
    z.object({ accounts: z.array(z.string()), clusters: z.array(z.number().int().nonnegative()) }).refine((m) => m.accounts.length === m.clusters.length, 'must give a cluster for each account'),
    z.number().nonnegative(),
  ]),
  'warehouse:run': z.tuple([WarehouseRunRequest]),
  'warehouse:status': z.tuple([z.string().regex(/^[0-9a-f]{20}$/, 'must be a run id')]),
  'warehouse:cancel': z.tuple([z.string().regex(/^[0-9a-f]{20}$/, 'must be a run id')]),
} as const;

export type Channel = keyof typeof ipcChannels;
export type ChannelArgs<C extends Channel> = z.infer<(typeof ipcChannels)[C]>;

export interface ChannelResults {
  'system:info': SystemInfo;
  /** Empty when the user cancelled the dialog. */
  'file:open': OpenedFile[];
  /** Null when the user cancelled the dialog. */
  /** Null when the user cancelled the dialog. */
  'file:openForReading': FileForReading | null;
  /** The bytes at an offset; fewer at the end of the file. */
  'file:read': Uint8Array;
  /** Null when the user cancelled the dialog. Nothing is at the path until `file:commit`. */
  'file:create': FileForWriting | null;
  'file:append': null;
  /** Puts the written file in place, replacing any file of that name. */
  'file:commit': SavedFile;
  /** Closes a file being read, or discards one being written that was not committed. */
  'file:close': null;
  'identity:list': IdentitySummary[];
  'identity:create': IdentitySummary;
  /** Null when the user cancelled the dialog. */
  'identity:import': IdentitySummary | null;
  'identity:remove': null;
  /** The file written and the SHA-256 of its bytes (signed when an identity was given), put in place by `file:commit`; null when the user cancelled the save dialog. */
  'bundle:write': (FileForWriting & { sha256: string }) | null;
  /** Null when the user cancelled the dialog. */
  'bundle:verify': Verification | null;
  'archive:seal': Uint8Array;
  /** Null when the user cancelled the dialog. */
  'terms:pickHistory': PickedTermsHistory | null;
  'terms:readHistory': TermsHistory;
  'logs:append': null;
  /** How many rows the source has once its appended rows are written. */
  'logs:finish': { rows: number };
  'logs:remove': null;
  /** How many rows of sources not named were removed. */
  'logs:keepOnly': number;
  'logs:count': number;
  'logs:window': LogEntry[];
  'logs:linePosition': number;
  'logs:byRef': LogEntry[];
  /** Null past the source's last chunk. */
  'logs:chunk': LogChunk | null;
  'logs:countInTime': number;
  'logs:removeCase': null;
  /** The digest of a source's rows as the engine holds them (logRowsHasher). */
  'logs:rowsSha256': string;
  /** The import's id: its bytes follow, then its end; its status is read until it ends. */
  'logs:importStart': string;
  /** Resolves once the import can take more (the bytes are written and the parser is not far behind). */
  'logs:importBytes': null;
  'logs:importEnd': null;
  'logs:importStatus': LogImportStatus;
  'logs:importCancel': null;
  'logs:restoreStart': string;
  'logs:exportRows': { export: string; size: number; rows: number };
  /** The next bytes from the offset, at most MAX_EXPORT_READ_BYTES; none past the end. */
  'logs:exportBytes': Uint8Array;
  'logs:exportClose': null;
  'logs:distinctPrompts': number;
  'logs:promptPart': LoggedPrompt[];
  'logs:promptRows': PromptRow[];
  'logs:campaignLinks': CampaignLinks;
  'logs:campaignClusters': ClusterReadings;
  /** Null when the user cancelled the folder dialog; the run goes on in the main process. */
  'warehouse:run': { run: string; folder: string } | null;
  'warehouse:status': WarehouseRunStatus;
  'warehouse:cancel': null;
}

export type IpcHandlers = { [C in Channel]: (...args: ChannelArgs<C>) => Promise<ChannelResults[C]> };

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(ipcChannels, name);
}

/** Validates arguments that arrived over IPC; throws naming the channel and field. */
export function parseIpcArgs<C extends Channel>(channel: C, args: unknown[]): ChannelArgs<C> {
  const result = ipcChannels[channel].safeParse(args);
  if (!result.success) throw new Error(`Invalid arguments for ${channel}: ${describeIssues(result.error)}`);
  return result.data as ChannelArgs<C>;
}

/** Listens for the application menu's commands; returns a function that stops listening. */
export type OnMenuCommand = (listener: (command: MenuCommand) => void) => () => void;
