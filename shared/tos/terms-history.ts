import { UnusableFileError } from '../errors';
import git, { type PromiseFsClient } from 'isomorphic-git';
import type { InputFile } from '../text/decode-text';
import { dateInFileName } from './read-terms';

/** Where a version recorded by Open Terms Archive came from: shown with the version and in its exhibit. */
export interface TosProvenance {
  repository: string;
  path: string;
  commit: string;
  recordedAt: string;
}

/** A recorded version of a document before it is read: its file, the day it took effect, where it came from. */
export interface RecordedVersion {
  file: InputFile;
  effectiveDate: string;
  provenance?: TosProvenance;
}

export type { PromiseFsClient };

/**
 * Every recorded version of one document in a local clone of an Open Terms
 * Archive versions repository (one commit per recorded version), read with
 * isomorphic-git through the `fs` it is given: no git binary. Each version
 * takes the day it was recorded (the commit's author date, UTC) as its
 * effective date; when a day has several records, the last one stands.
 */
export async function readOtaVersions(fs: PromiseFsClient, dir: string, documentPath: string): Promise<{ versions: RecordedVersion[]; notes: string[] }> {
  const path = documentPath.replace(/^\/+/, '');
  let head: string;
  try {
    head = await git.resolveRef({ fs, dir, ref: 'HEAD' });
  } catch {
    throw new UnusableFileError(`${dir} is not a git repository (an Open Terms Archive versions repository is a git clone)`);
  }
  const commits = await git.log({ fs, dir, ref: head, filepath: path }).catch(() => []);
  if (commits.length === 0) throw new UnusableFileError(`${dir} has no recorded version of “${path}”`);
  const remote = await git.getConfig({ fs, dir, path: 'remote.origin.url' }).catch(() => undefined);
  const repository = typeof remote === 'string' && remote ? remote : dir;
  const byDay = new Map<string, RecordedVersion>();
  const notes: string[] = [];
  for (const entry of [...commits].reverse()) {
    const when = new Date(entry.commit.author.timestamp * 1000).toISOString();
    let blob;
    try {
      blob = await git.readBlob({ fs, dir, oid: entry.oid, filepath: path });
    } catch {
      continue; // the commit that deleted the document records no version
    }
    const day = when.slice(0, 10);
    if (byDay.has(day)) notes.push(`${path}: ${day} has more than one recorded version; the last one (commit ${entry.oid.slice(0, 10)}) is kept`);
    const name = path.replace(/\//g, ' – ').replace(/(\.[^.]+)?$/, `_${day}$1`);
    byDay.set(day, { file: { name, bytes: blob.blob }, effectiveDate: day, provenance: { repository, path, commit: entry.oid, recordedAt: when } });
  }
  if (byDay.size === 0) throw new UnusableFileError(`${dir} has no recorded version of “${path}”`);
  return { versions: [...byDay.values()], notes };
}

/** The documents of an Open Terms Archive versions repository at its head: `Service/Document.md` paths. */
export async function listOtaDocuments(fs: PromiseFsClient, dir: string): Promise<string[]> {
  try {
    const files = await git.listFiles({ fs, dir, ref: 'HEAD' });
    return files.filter((f) => /\.(md|html?|txt|pdf)$/i.test(f) && f.includes('/') && !/^(\.|README|LICENSE|CHANGELOG)/i.test(f)).sort();
  } catch {
    throw new UnusableFileError(`${dir} is not a git repository (an Open Terms Archive versions repository is a git clone)`);
  }
}

const isDatedTerms = (name: string) => dateInFileName(name) !== undefined && /\.(md|markdown|html?|txt|pdf)$/i.test(name);
const documentOf = (name: string) => name.replace(/[_-]?\d{4}-\d{2}-\d{2}.*$/, '');

/** The documents a folder of dated files holds: the names before the dates. */
export function datedDocuments(names: readonly string[]): string[] {
  return [...new Set(names.filter(isDatedTerms).map(documentOf))].sort();
}

/**
 * The versions in a folder of dated files (`name_YYYY-MM-DD.md`), each with
 * the date in its name as its effective date. A folder holding several
 * documents needs the one wanted named (the part before the date).
 */
export function folderVersions(folder: string, files: readonly InputFile[], document?: string): RecordedVersion[] {
  const dated = files.filter((f) => isDatedTerms(f.name));
  const documents = datedDocuments(dated.map((f) => f.name));
  if (documents.length === 0) throw new UnusableFileError(`${folder} holds no dated terms files (named like terms_2026-01-16.md)`);
  const wanted = document ?? (documents.length === 1 ? documents[0]! : null);
  if (wanted === null) throw new UnusableFileError(`${folder} holds versions of ${documents.length} documents (${documents.join(', ')}); name the one to import`);
  const chosen = dated.filter((f) => documentOf(f.name) === wanted);
  if (chosen.length === 0) throw new UnusableFileError(`${folder} has no dated file of “${wanted}”; it has ${documents.join(', ')}`);
  return chosen.map((file) => ({ file, effectiveDate: dateInFileName(file.name)! })).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
}
