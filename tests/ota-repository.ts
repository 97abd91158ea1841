// A versions repository as Open Terms Archive publishes it (one commit per
// recorded version of each document), built with the git binary from the
// real terms in fixtures/tos-real.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REAL = 'fixtures/tos-real';
export const DOCUMENT = 'ChatGPT/Terms of Service.md';
export const RECORDS = [
  ['chatgpt-terms-of-service_2025-11-11.md', '2025-11-11T08:00:00Z'],
  ['chatgpt-terms-of-service_2025-12-17.md', '2025-12-17T08:00:00Z'],
  ['chatgpt-terms-of-service_2026-01-16.md', '2026-01-16T06:00:00Z'],
  // A second record on the same day: the later one stands.
  ['chatgpt-terms-of-service_2026-07-26.md', '2026-01-16T18:00:00Z'],
] as const;

export async function otaRepository(): Promise<{ dir: string; commits: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'ota-versions-'));
  const identity = { GIT_AUTHOR_NAME: 'OTA-Bot', GIT_AUTHOR_EMAIL: 'bot@example.org', GIT_COMMITTER_NAME: 'OTA-Bot', GIT_COMMITTER_EMAIL: 'bot@example.org' };
  const git = (args: string[], date?: string) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...identity, ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }) } }).toString().trim();
  git(['init', '-q', '-b', 'main']);
  git(['remote', 'add', 'origin', 'https://github.com/OpenTermsArchive/genai-eu-versions.git']);
  mkdirSync(join(dir, 'ChatGPT'));
  mkdirSync(join(dir, 'Qwen'));
  const commits: string[] = [];
  for (const [file, date] of RECORDS) {
    copyFileSync(join(REAL, file), join(dir, DOCUMENT));
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'Record new changes of ChatGPT Terms of Service'], date);
    commits.push(git(['rev-parse', 'HEAD']));
    if (commits.length === 1) {
      copyFileSync(join(REAL, 'qwen-chat-terms-of-service_2025-11-11.md'), join(dir, 'Qwen/Terms of Service.md'));
      git(['add', '-A']);
      git(['commit', '-q', '-m', 'Start tracking Qwen Terms of Service'], '2025-11-12T08:00:00Z');
    }
  }
  return { dir, commits };
}
