import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// The packaged app cannot be built here (no Electron binary), so the settings electron-builder reads are checked as text.
const config = readFileSync('electron-builder.yml', 'utf8');
const fuses = Object.fromEntries([...(/^electronFuses:\n((?: {2}\w+: \w+\n)+)/m.exec(config)?.[1] ?? '').matchAll(/^ {2}(\w+): (\w+)$/gm)].map(([, k, v]) => [k, v]));

test('the packaged binary has its fuses set: no running as Node, no inspector or NODE_OPTIONS, only our asar, integrity checked', () => {
  assert.deepEqual(fuses, {
    runAsNode: 'false',
    enableCookieEncryption: 'true',
    enableNodeOptionsEnvironmentVariable: 'false',
    enableNodeCliInspectArguments: 'false',
    enableEmbeddedAsarIntegrityValidation: 'true',
    onlyLoadAppFromAsar: 'true',
    grantFileProtocolExtraPrivileges: 'false',
  });
  assert.match(config, /^asar: true$/m);
});

test('DevTools are off in a packaged build: not in the window, not in the menu', () => {
  assert.match(readFileSync('electron/window.ts', 'utf8'), /devTools: !app\.isPackaged,/);
  assert.match(readFileSync('electron/menu.ts', 'utf8'), /\.\.\.\(app\.isPackaged \? \[\] : \[\{ role: 'toggleDevTools' as const \}\]\)/);
});
