import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBridge, type Bridge } from '../bridge/bridge-server';

export interface AppUnderTest {
  page: Page;
  bridge: Bridge;
  /** A fresh folder for files the test saves and opens. */
  dir: string;
  /** Saves a screenshot when E2E_SCREENSHOTS names a folder. */
  snap(name: string): Promise<void>;
  close(): Promise<void>;
}

/** The built renderer in Debian's Chromium, served by the Node bridge. */
export async function launchApp(): Promise<AppUnderTest> {
  const dir = await mkdtemp(join(tmpdir(), 'evidence-e2e-'));
  const bridge = await startBridge({ rendererRoot: 'dist/renderer', identityFolder: join(dir, '.identities'), logFolder: join(dir, '.logs') });
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  // A reviewer in New York, as the audit's was: times must say their zone, whatever the computer's is.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(bridge.url);
  return {
    page,
    bridge,
    dir,
    snap: async (name) => {
      if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: join(process.env.E2E_SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await bridge.close();
      // A call still running when the browser closed (a records check hashing a log) may open its case's database once more; its files go on a retry.
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      if (problems.length) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
    },
  };
}

/** Drops files on the open case, as a user drags them from the file manager. */
export async function dropFiles(page: Page, files: { name: string; bytes: Buffer; repeat?: number }[]) {
  const payload = files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64'), repeat: f.repeat ?? 1 }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File(Array.from({ length: item.repeat }, () => bytes), item.name));
    }
    return dt;
  }, payload);
  await page.locator('.workspace').dispatchEvent('drop', { dataTransfer: transfer });
}

/** Counts rows straight from IndexedDB, bypassing the app. */
export function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('evidence-desk');
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Counts the log rows the log engine holds, in every case's database, bypassing the app. */
export async function countLogRows(app: AppUnderTest): Promise<number> {
  const files = await readdir(join(app.dir, '.logs')).catch(() => [] as string[]);
  let rows = 0;
  for (const file of files.filter((f) => f.endsWith('.duckdb'))) for (const n of (await app.bridge.logs.sources(file.slice(0, -'.duckdb'.length))).values()) rows += n;
  return rows;
}

/** Open case archive… (Ctrl+O): the file the native dialog will answer, and who it must be sealed by (a fingerprint typed, or anyone). */
export async function openArchive(app: AppUnderTest, path: string, sealer?: string) {
  app.bridge.dialogs.openAnswers.push([path]);
  await app.page.keyboard.press('Control+o');
  const ask = app.page.getByRole('dialog', { name: 'Open case archive' });
  if (sealer) {
    await ask.getByLabel('Must be sealed by').selectOption({ label: 'The certificate with this fingerprint…' });
    await ask.getByLabel('Certificate fingerprint (SHA-256)').fill(sealer);
  }
  await ask.getByRole('button', { name: 'Choose archive…' }).click();
}
