/**
 * Helpers for the codemod's end-to-end tests: copy a sample app where the repository's
 * node_modules resolve (bench/.work, git-ignored), compile it with tsc, run it as a real process,
 * and wait for its tasks in the embedded SQLite store.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createSqliteStore } from 'fleet-runtime';
import type { TaskRecord } from 'fleet-runtime';

const REPO = path.resolve(import.meta.dirname, '../..');

/** Copies `fixtures/codemod-apps/<name>` to a fresh folder under bench/.work; returns its path. */
export function copyApp(name: string): string {
  const target = path.join(REPO, 'bench/.work', `codemod-e2e-${process.pid}`, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(path.join(REPO, 'fixtures/codemod-apps', name), target, { recursive: true });
  return target;
}

/** Removes every copy this process made. */
export function removeCopies(): void {
  rmSync(path.join(REPO, 'bench/.work', `codemod-e2e-${process.pid}`), { recursive: true, force: true });
}

/** Runs `tsc -p <app>` (type-check and emit); returns its exit code and output. */
export function compile(app: string): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', app], { encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Starts `node <entry>` in `app` and resolves with the process and the port it printed. */
export function start(app: string, entry: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [entry], { cwd: app, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`the app did not start in 20 s:\n${output}`)); }, 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port !== undefined) {
        clearTimeout(timer);
        resolve({ child, port: Number(port) });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the app exited with ${String(code)}:\n${output}`)); });
  });
}

/** Stops a started app and waits for it to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Polls the SQLite store at `file` until `count` tasks exist and all are terminal; returns them. */
export async function settledTasks(file: string, count: number, timeoutMs = 20_000): Promise<TaskRecord[]> {
  const store = await createSqliteStore({ path: file });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const tasks = await store.list();
      if (tasks.length >= count && tasks.every((task) => ['done', 'failed', 'dead', 'cancelled'].includes(task.state))) return tasks;
      if (Date.now() > deadline) return tasks;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await store.close();
  }
}
