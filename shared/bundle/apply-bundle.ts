import { recordChange, type CaseData } from '../model/case-data';
import type { bundleRecord } from './bundle-record';

/** Records an exported bundle in a case held in memory (the CLI); the app stores the same record and entry in Dexie. */
export function applyBundle(data: CaseData, made: ReturnType<typeof bundleRecord>, now: Date = new Date()): void {
  data.bundles.push(made.record);
  recordChange(data, made.audit, now);
}
