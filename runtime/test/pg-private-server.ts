import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL server this test owns, so restarting it disturbs no other test file. */
export interface PrivateServer {
  url: string;
  /** Stop the server (fast shutdown: connections are cut), stay down `downMs`, start it again. */
  restart(downMs: number): Promise<void>;
  /** Stop and delete it. Safe to call twice. */
  destroy(): void;
}

function binDir(): string {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
    const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
    if (found === undefined) {
      throw new Error(
        'The PostgreSQL restart test needs the server binaries (initdb, pg_ctl): install postgresql (e.g. `apt-get install postgresql`) or put pg_config on PATH.',
      );
    }
    return found;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address !== null) resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

/**
 * initdb + start a server on a free port in a temp folder (trust auth, user `postgres`). PostgreSQL
 * refuses to run as root, so as root the commands run as the `postgres` OS user via `runuser`.
 */
export async function startPrivateServer(): Promise<PrivateServer> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'fleet-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${String(port)} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=40 -c shared_buffers=16MB`;
  const start = () => {
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '30', 'start']);
  };
  const stop = (mode: string) => {
    run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
  };
  start();
  let destroyed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${String(port)}/postgres`,
    async restart(downMs) {
      stop('fast');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      start();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        stop('immediate');
      } catch {
        // Already down (a failed restart): nothing to stop.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
