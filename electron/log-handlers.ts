import { join } from 'node:path';
import type { LogEngine } from '../node/log-engine';
import { LogExports } from '../node/log-exports';
import { LogImports } from '../node/log-imports';
import type { Channel, IpcHandlers } from '../shared/ipc/contract';

type LogChannel = Extract<Channel, `logs:${string}`>;

/** The log engine's channels: every log row the renderer writes or reads passes here, its arguments already validated. */
export function logHandlers(logs: LogEngine): Pick<IpcHandlers, LogChannel> {
  const imports = new LogImports(logs, join(logs.folder, 'incoming'));
  const exports = new LogExports(logs, join(logs.folder, 'outgoing'));
  return {
    'logs:restoreStart': (caseId, sourceId, file) => imports.restore(caseId, sourceId, file.size),
    'logs:exportRows': (caseId, sourceId) => exports.start(caseId, sourceId),
    'logs:exportBytes': (id, offset) => exports.bytes(id, offset),
    'logs:distinctPrompts': (caseId, sourceIds) => logs.distinctPrompts(caseId, sourceIds),
    'logs:promptPart': (caseId, sourceIds, part, parts) => logs.promptPart(caseId, sourceIds, part, parts),
    'logs:promptRows': (caseId, sourceIds, prompts, hashes, start, count) => logs.promptRows(caseId, sourceIds, prompts, hashes, start, count),
    'logs:campaignLinks': (caseId, sourceIds, attributes) => logs.campaignLinks(caseId, sourceIds, attributes),
    'logs:campaignClusters': (caseId, sourceIds, membership, gap) => logs.campaignClusters(caseId, sourceIds, membership, gap),
    'logs:exportClose': async (id) => {
      await exports.close(id);
      return null;
    },
    'logs:importStart': (caseId, sourceId, file, settings) => imports.start(caseId, sourceId, file, settings),
    'logs:importBytes': async (id, bytes) => {
      await imports.bytes(id, bytes);
      return null;
    },
    'logs:importEnd': async (id) => {
      imports.end(id);
      return null;
    },
    'logs:importStatus': async (id) => imports.status(id),
    'logs:importCancel': async (id) => {
      imports.cancel(id);
      return null;
    },
    'logs:append': async (caseId, sourceId, entries) => {
      await logs.append(caseId, sourceId, entries);
      return null;
    },
    'logs:finish': (caseId, sourceId) => logs.finish(caseId, sourceId),
    'logs:remove': async (caseId, sourceId) => {
      await logs.remove(caseId, sourceId);
      return null;
    },
    'logs:keepOnly': (caseId, sourceIds) => logs.keepOnly(caseId, sourceIds),
    'logs:count': (caseId, sourceId, filter) => logs.count(caseId, sourceId, filter),
    'logs:window': (caseId, sourceId, filter, start, count) => logs.window(caseId, sourceId, filter, start, count),
    'logs:linePosition': (caseId, sourceId, line) => logs.linePosition(caseId, sourceId, line),
    'logs:byRef': (caseId, refs) => logs.rowsByRef(caseId, refs),
    'logs:chunk': (caseId, sourceId, chunk) => logs.chunk(caseId, sourceId, chunk),
    'logs:countInTime': (caseId, sourceIds, from, to) => logs.countInTime(caseId, sourceIds, from, to),
    'logs:rowsSha256': (caseId, sourceId) => logs.rowsSha256(caseId, sourceId),
    'logs:removeCase': async (caseId) => {
      await logs.removeCase(caseId);
      return null;
    },
  };
}
