import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The runtime benchmark (issue 4 §5). Runs `runtime/bench/main.ts` in a fresh Node 24 process
 * (TypeScript run directly through `runtime/bench/ts-loader.mjs`): fleet-runtime on PostgreSQL,
 * graphile-worker and pg-boss on the same server, the raw SKIP LOCKED ceiling, and fleet-runtime on
 * SQLite. Each PostgreSQL system gets a fresh database (`fleet_bench_*`, dropped afterwards).
 *
 * Options (passed through): `--jobs N` (20000), `--concurrency N` (16), `--batch N` (16),
 * `--pool N` (8), `--samples N` latency probes (200), `--rounds N` (1; medians reported), `--only a,b` (fleet-postgres, graphile-worker,
 * pg-boss, raw, fleet-sqlite), `--url postgres://…/postgres` (default FLEET_BENCH_POSTGRES_URL or
 * postgres://postgres@127.0.0.1:5432/postgres; the user must be allowed to create databases).
 */
export default {
  name: 'runtime',
  description: 'fleet-runtime vs graphile-worker vs pg-boss on local PostgreSQL, raw SKIP LOCKED ceiling, fleet-runtime on SQLite',
  async run({ root, workDir, options, log }) {
    const json = path.join(workDir, 'runtime.json');
    const args = [
      '--experimental-transform-types',
      '--no-warnings',
      '--import',
      path.join(root, 'runtime/bench/ts-loader.mjs'),
      path.join(root, 'runtime/bench/main.ts'),
      '--json',
      json,
    ];
    for (const key of ['jobs', 'concurrency', 'batch', 'pool', 'samples', 'rounds', 'only', 'url', 'peers']) {
      if (typeof options[key] === 'string') args.push(`--${key}`, options[key]);
    }
    log(
      `node ${args
        .slice(4)
        .map((a) => path.relative(root, a) || a)
        .join(' ')}`,
    );
    const summary = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => {
        err += chunk;
        for (const line of String(chunk).split('\n')) if (line.trim() !== '') log(line.replace(/^\[runtime-bench\] /, ''));
      });
      child.on('exit', (code) =>
        code === 0 ? resolve(out.trim()) : reject(new Error(`runtime/bench/main.ts exited with ${String(code)}: ${err.slice(-2000)}`)),
      );
    });
    const result = JSON.parse(await readFile(json, 'utf8'));
    return { status: 'ok', summary, ...result };
  },
};
