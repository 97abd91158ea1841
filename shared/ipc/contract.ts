import { z } from 'zod';
import { describeIssues } from '../validation';
import type { MenuCommand } from './menu-commands';

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

export const OpenFilesRequest = z.object({
  title: z.string().max(200),
  filters: z.array(FileFilter).max(10),
  multiple: z.boolean(),
});
export type OpenFilesRequest = z.infer<typeof OpenFilesRequest>;

export const SaveFileRequest = z.object({
  title: z.string().max(200),
  suggestedName: z.string().min(1).max(255),
  filters: z.array(FileFilter).max(10),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be the file’s bytes'),
});
export type SaveFileRequest = z.infer<typeof SaveFileRequest>;

export interface OpenedFile {
  name: string;
  path: string;
  bytes: Uint8Array;
}

export interface SavedFile {
  name: string;
  path: string;
}

export interface SystemInfo {
  userName: string;
  platform: string;
  appVersion: string;
}

export const ipcChannels = {
  'system:info': z.tuple([]),
  'file:open': z.tuple([OpenFilesRequest]),
  'file:save': z.tuple([SaveFileRequest]),
} as const;

export type Channel = keyof typeof ipcChannels;
export type ChannelArgs<C extends Channel> = z.infer<(typeof ipcChannels)[C]>;

export interface ChannelResults {
  'system:info': SystemInfo;
  /** Empty when the user cancelled the dialog. */
  'file:open': OpenedFile[];
  /** Null when the user cancelled the dialog. */
  'file:save': SavedFile | null;
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

/** What the preload exposes to the renderer as `window.api`. */
export interface DesktopApi {
  systemInfo(): Promise<SystemInfo>;
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SavedFile | null>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
