import { replyOf } from '../../shared/ipc/desktop-api';
import { build } from 'esbuild';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY, serveRendererFile } from '../../electron/app-protocol';
import { createHandlers, type ConfirmRequest, type Dialogs } from '../../electron/handlers';
import { IdentityStore } from '../../electron/identity-store';
import { LogEngine } from '../../node/log-engine';
import { installNativeSha256 } from '../../node/native-hash';
import { isChannel, parseIpcArgs } from '../../shared/ipc/contract';
import { decodeWire, encodeWire } from './wire';

/** Dialog answers queued by a test, and the requests the app made. */
export class ScriptedDialogs implements Dialogs {
  readonly openAnswers: string[][] = [];
  readonly saveAnswers: (string | null)[] = [];
  readonly folderAnswers: (string | null)[] = [];
  readonly confirmAnswers: boolean[] = [];
  readonly requests: { kind: 'open' | 'save' | 'folder' | 'confirm'; title: string; message?: string; detail?: string }[] = [];

  async confirm(request: ConfirmRequest): Promise<boolean> {
    this.requests.push({ kind: 'confirm', title: request.title, message: request.message, detail: request.detail });
    const answer = this.confirmAnswers.shift();
    if (answer === undefined) throw new Error(`The test gave no answer for the question “${request.message}”`);
    return answer;
  }

  async showOpenFolder(title: string): Promise<string | null> {
    this.requests.push({ kind: 'folder', title });
    const answer = this.folderAnswers.shift();
    if (answer === undefined) throw new Error(`The test gave no answer for the folder dialog “${title}”`);
    return answer;
  }

  async showOpen(request: { title: string }): Promise<string[]> {
    this.requests.push({ kind: 'open', title: request.title });
    const answer = this.openAnswers.shift();
    if (!answer) throw new Error(`The test gave no answer for the open dialog “${request.title}”`);
    return answer;
  }

  async showSave(request: { title: string }): Promise<string | null> {
    this.requests.push({ kind: 'save', title: request.title });
    const answer = this.saveAnswers.shift();
    if (answer === undefined) throw new Error(`The test gave no answer for the save dialog “${request.title}”`);
    return answer;
  }
}

export interface Bridge {
  url: string;
  dialogs: ScriptedDialogs;
  /** The main process's log engine, for a test to look at what it holds. */
  logs: LogEngine;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built renderer on localhost with the same main-process handlers
 * Electron registers, so Chromium can run the real app end to end.
 */
export async function startBridge(options: { rendererRoot: string; identityFolder: string; logFolder: string; userName?: string }): Promise<Bridge> {
  const dialogs = new ScriptedDialogs();
  // No OS secret store in the bridge: identities are protected by the passphrase the user types, as on a machine without one.
  const identities = new IdentityStore(options.identityFolder, { isAvailable: () => false, encrypt: () => new Uint8Array(), decrypt: () => '' });
  // As electron/main.ts does.
  installNativeSha256();
  const logs = new LogEngine(options.logFolder);
  const handlers = createHandlers({ dialogs, userName: options.userName ?? 'e2e-tester', platform: process.platform, appVersion: 'test', identities, logs });
  const preload = await build({ entryPoints: ['tests/bridge/bridge-preload.ts'], bundle: true, write: false, format: 'iife', target: 'chrome120' });
  const preloadJs = preload.outputFiles[0]!.contents;

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY };
      if (request.method === 'POST' && url.pathname.startsWith('/__bridge/invoke/')) {
        const channel = url.pathname.slice('/__bridge/invoke/'.length);
        const body = await readBody(request);
        // The same reply as over IPC (an error is an answer, as data), so the page sees a rejected call and no failed request.
        const reply = await replyOf(async () => {
          if (!isChannel(channel)) throw new Error(`Unknown channel ${channel}`);
          const args = parseIpcArgs(channel, decodeWire(body) as unknown[]);
          return (handlers[channel] as (...a: unknown[]) => Promise<unknown>)(...args);
        });
        response.writeHead(200, { 'content-type': 'application/json' }).end(encodeWire(reply));
        return;
      }
      if (url.pathname === '/__bridge/preload.js') {
        response.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(preloadJs);
        return;
      }
      const file = await serveRendererFile(options.rendererRoot, url.pathname);
      let body: Uint8Array | string = file.body;
      if (file.type.startsWith('text/html')) {
        body = Buffer.from(file.body).toString('utf8').replace('<script', '<script src="/__bridge/preload.js"></script>\n    <script');
      }
      response.writeHead(file.status, { ...headers, 'content-type': file.type }).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dialogs,
    logs,
    close: async () => {
      // A call the closed browser left waiting (a worker's request to the engine) must not keep the server open.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await logs.close();
    },
  };
}
