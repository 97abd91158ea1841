import { IdentityError } from '../shared/errors';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { newId } from '../shared/ids';
import type { IdentitySummary } from '../shared/ipc/contract';
import type { Signer } from '@signpdf/utils';
import { createIdentity, identitySigner, manifestSealer, readIdentity, signPdf, type IdentityInfo } from '../node/signing';

/**
 * Whether the OS really seals secrets: on Linux without a keyring Electron
 * still "encrypts", with a key of its own that ships in every copy
 * (backend "basic_text"), which protects nothing; then the user types the
 * passphrase instead.
 */
export function osSealsSecrets(platform: string, encryptionAvailable: boolean, linuxBackend: string): boolean {
  if (!encryptionAvailable) return false;
  return platform !== 'linux' || !['basic_text', 'unknown'].includes(linuxBackend);
}

/** The operating system's secret store (Electron safeStorage), injected so tests can stand in for it. */
export interface SecretStore {
  isAvailable(): boolean;
  encrypt(text: string): Uint8Array;
  decrypt(bytes: Uint8Array): string;
}

/**
 * What is kept on disk of an identity, in the app's own data folder (never
 * in a case or an archive). The .p12 is always passphrase-protected. With an
 * OS secret store, its passphrase is kept too, encrypted by the OS, so
 * signing needs no typing; without one, the user types it at each signing.
 */
const StoredIdentity = z.object({
  id: z.string(),
  info: z.object({ name: z.string(), organisation: z.string(), email: z.string(), fingerprint: z.string(), selfSigned: z.boolean(), validTo: z.string() }),
  p12: z.string(),
  protection: z.enum(['os', 'passphrase']),
  /** The passphrase encrypted by the OS secret store, base64; only with protection "os". */
  sealedPassphrase: z.string().optional(),
});
type StoredIdentity = z.infer<typeof StoredIdentity>;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export class IdentityStore {
  constructor(
    private readonly folder: string,
    private readonly secrets: SecretStore,
  ) {}

  private path(id: string): string {
    if (!/^[0-9a-z]{20}$/.test(id)) throw new IdentityError('No such signing identity');
    return join(this.folder, `${id}.json`);
  }

  private async load(id: string): Promise<StoredIdentity> {
    let text: string;
    try {
      text = await readFile(this.path(id), 'utf8');
    } catch {
      throw new IdentityError('This signing identity is no longer on this computer');
    }
    const parsed = StoredIdentity.safeParse(JSON.parse(text));
    if (!parsed.success) throw new IdentityError(`The stored signing identity ${id} is damaged`);
    return parsed.data;
  }

  private summary(stored: StoredIdentity): IdentitySummary {
    return { id: stored.id, ...stored.info, protection: stored.protection };
  }

  private async save(p12: Uint8Array, info: IdentityInfo, passphrase: string): Promise<IdentitySummary> {
    const os = this.secrets.isAvailable();
    const stored: StoredIdentity = { id: newId(), info, p12: toBase64(p12), protection: os ? 'os' : 'passphrase', ...(os ? { sealedPassphrase: toBase64(this.secrets.encrypt(passphrase)) } : {}) };
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFile(this.path(stored.id), JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
    return this.summary(stored);
  }

  async list(): Promise<IdentitySummary[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const all = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => this.load(n.slice(0, -5)).catch(() => null)));
    return all.filter((s): s is StoredIdentity => s !== null).map((s) => this.summary(s)).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A new self-signed identity, protected by the user's passphrase (which the OS then keeps, where it can). */
  async create(input: { name: string; organisation: string; email: string; passphrase: string }): Promise<IdentitySummary> {
    const { p12, info } = createIdentity(input, input.passphrase);
    return this.save(p12, info, input.passphrase);
  }

  /** An identity from a .p12 file, opened with its passphrase to check it before it is kept. */
  async import(p12: Uint8Array, passphrase: string, fileName: string): Promise<IdentitySummary> {
    return this.save(p12, readIdentity(p12, passphrase, fileName), passphrase);
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }

  async info(id: string): Promise<IdentitySummary> {
    return this.summary(await this.load(id));
  }

  /**
   * The identity's signer once `confirm` says the user agreed. The
   * passphrase is needed only for an identity the OS keeps no passphrase
   * for; the identity is opened first, so a wrong passphrase is said
   * before the user is asked.
   */
  private async confirmedSigner(id: string, passphrase: string | undefined, confirm: (identity: IdentitySummary) => Promise<boolean>): Promise<Signer> {
    const stored = await this.load(id);
    const secret = stored.protection === 'os' ? this.secrets.decrypt(fromBase64(stored.sealedPassphrase ?? '')) : passphrase;
    if (!secret) throw new IdentityError(`Passphrase: the identity of ${stored.info.name} needs its passphrase to sign`);
    const signer = identitySigner(fromBase64(stored.p12), secret, `the identity of ${stored.info.name}`);
    if (!(await confirm(this.summary(stored)))) throw new IdentityError('Signing was declined; nothing was signed');
    return signer;
  }

  /** Signs a prepared bundle, once the user has confirmed. */
  async sign(id: string, pdf: Uint8Array, passphrase: string | undefined, confirm: (identity: IdentitySummary) => Promise<boolean>): Promise<Uint8Array> {
    return signPdf(pdf, await this.confirmedSigner(id, passphrase, confirm));
  }

  /** Seals a case archive's manifest, once the user has confirmed. */
  async seal(id: string, manifest: Uint8Array, passphrase: string | undefined, confirm: (identity: IdentitySummary) => Promise<boolean>): Promise<Uint8Array> {
    return manifestSealer(await this.confirmedSigner(id, passphrase, confirm))(manifest);
  }
}
