import { z } from 'zod';
import { trimWhere } from '../text/trim';

export const MANIFEST_FORMAT = 'evidence-desk/bundle-manifest';
export const MANIFEST_NAME = 'manifest.json';

/** The JSON embedded in every bundle beside the originals: what a verifier checks the attachments and pages against. */
export const BundleManifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(1),
  software: z.string(),
  createdAt: z.string(),
  preparer: z.string(),
  case: z.object({ id: z.string(), title: z.string(), matterNumber: z.string(), parties: z.string() }),
  /** The case's audit history when the bundle was made (absent in bundles made before): a later rewrite of the case's history no longer ends with this head. */
  audit: z.object({ events: z.number().int().nonnegative(), head: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  /**
   * Every record the bundle shows (the case, its claims, elements and links, each exhibit's record, every original's
   * source), by table and id, with the SHA-256 that binds it in the history (absent in bundles made before): the
   * case's history at `audit.head` must record exactly these.
   */
  records: z.record(z.string(), z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/))).optional(),
  bates: z.object({ prefix: z.string(), first: z.string(), last: z.string(), pages: z.number().int().positive() }),
  hashing: z.string(),
  originals: z.array(z.object({ attachment: z.string(), sourceId: z.string(), fileName: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative(), importedAt: z.string(), importedBy: z.string() })),
  exhibits: z.array(
    z.object({
      number: z.number().int().positive(),
      title: z.string(),
      kind: z.string(),
      page: z.number().int().positive(),
      batesFirst: z.string(),
      batesLast: z.string(),
      sourceIds: z.array(z.string()),
      /** A log-row exhibit's whole selection, attached as CSV and JSON Lines (absent in bundles made before). */
      files: z.array(z.object({ attachment: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative(), rows: z.number().int().nonnegative() })).optional(),
    }),
  ),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

/** The Bates number of a page: prefix and a six-digit counter, e.g. NWA-000001; a trailing hyphen a case made before the rule kept is not doubled. */
export const batesNumber = (prefix: string, n: number) => `${trimWhere(prefix, (ch) => ch === '-', 'end')}-${String(n).padStart(6, '0')}`;
