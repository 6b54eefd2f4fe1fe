import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./pg-process.ts', import.meta.url));
const loader = fileURLToPath(new URL('../bench/ts-loader.mjs', import.meta.url));

/** A running `pg-process.ts` child and what it printed so far. */
export interface PgProcess {
  child: ChildProcess;
  /** stdout lines, in order. */
  lines: string[];
  /** stderr text (logger output). */
  stderr: () => string;
  /** Resolves with the first stdout line (already printed or future) that matches; rejects after `timeoutMs`. */
  waitFor(match: (line: string) => boolean, timeoutMs: number, what: string): Promise<string>;
  /** Resolves with the exit code (or the signal name) once the process ended. */
  exited: Promise<number | string>;
}

const spawned = new Set<ChildProcess>();

/** Start `pg-process.ts` (Node 24 runs the TypeScript directly) with `FLEET_PROC_*` settings. */
export function spawnPgProcess(settings: Record<string, string>): PgProcess {
  const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', '--import', loader, script], {
    env: { ...process.env, ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  const lines: string[] = [];
  let stderr = '';
  const waiters = new Set<{ match: (line: string) => boolean; resolve: (line: string) => void }>();
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters) if (waiter.match(line)) waiter.resolve(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      spawned.delete(child);
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitFor(match, timeoutMs, what) {
      const seen = lines.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (line: string) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `timed out after ${String(timeoutMs)} ms waiting for ${what}; stdout: ${lines.join(' | ')}; stderr: ${stderr.slice(-2000)}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}

/** SIGKILL every child still running (test cleanup, so a failed test leaves no process behind). */
export function killAllPgProcesses(): void {
  for (const child of spawned) child.kill('SIGKILL');
  spawned.clear();
}
