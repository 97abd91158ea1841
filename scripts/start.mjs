// `npm start`: checks what the window needs before building, and says in one sentence what to do when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const REQUIRED = [22, 12];
const HEADLESS = 'Meanwhile `npm run demo` does the same job without the window (builds the demo case, analyses it, exports a signed bundle and verifies it), offline, on Node 20 or later.';

/** The reason the window cannot open here, or null. */
export function missingForWindow(nodeVersion, electronDir) {
  const [major, minor] = nodeVersion.replace(/^v/, '').split('.').map(Number);
  if (major < REQUIRED[0] || (major === REQUIRED[0] && minor < REQUIRED[1])) return `This is Node ${nodeVersion}; the app's window (Electron) needs Node ${REQUIRED.join('.')} or later: install it (nodejs.org, or nvm install 22), then run npm install and npm start again.`;
  const pathFile = electronDir && join(electronDir, 'path.txt');
  const binary = pathFile && existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (!binary || !existsSync(binary)) return 'Electron’s binary is not installed (npm install fetches it and needs a network for that; it was skipped or failed here): run npm install again with a network, then npm start.';
  return null;
}

function electronDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const missing = missingForWindow(process.version, electronDir());
  if (missing) {
    console.error(`${missing}\n${HEADLESS}`);
    process.exit(1);
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const electron = createRequire(import.meta.url)('electron');
  process.exit(spawnSync(electron, ['.'], { stdio: 'inherit' }).status ?? 1);
}
