import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = '/usr/sbin/clickhouse-server';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * Debian's clickhouse-server (installed by .ci/run), started for one test
 * file on 127.0.0.1 with its data in a temporary folder, and stopped after.
 */
export async function startClickHouse(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is not installed: .ci/run installs Debian's clickhouse-server, the outside engine these tests run the warehouse SQL on`);
  const dir = await mkdtemp(join(tmpdir(), 'clickhouse-'));
  const [http, tcp] = [await freePort(), await freePort()];
  await writeFile(
    join(dir, 'config.xml'),
    `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <users_config>/etc/clickhouse-server/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>5368709120</mark_cache_size>
</yandex>
`,
  );
  const server = spawn(SERVER, [`--config-file=${join(dir, 'config.xml')}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${http}`;
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    await rm(dir, { recursive: true, force: true });
  };
  for (let waited = 0; waited < 30_000; waited += 200) {
    if (server.exitCode !== null) break;
    const ok = await fetch(`${url}/ping`).then((r) => r.ok, () => false);
    if (ok) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`clickhouse-server did not start within 30 s:\n${output.slice(-2000)}`);
}
