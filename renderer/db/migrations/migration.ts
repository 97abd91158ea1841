import type { Transaction } from 'dexie';

/**
 * One schema version: the tables it adds or changes and, where old data must
 * be carried over, its upgrade. A version is never edited once released; its
 * upgrade writes the data of its own time, copied into its file, never what
 * today's code would make.
 */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}
