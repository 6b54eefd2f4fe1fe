/**
 * Helpers for the codemod's end-to-end tests: copy a sample app where the repository's
 * node_modules resolve (bench/.work, git-ignored), compile it with tsc, run it as a real process,
 * and wait for its tasks in the embedded SQLite store.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createSqliteStore } from 'fleet-runtime';
import type { TaskRecord } from 'fleet-runtime';
import { runCli } from '../cli/helpers.js';

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
  const child = spawn(process.execPath, [entry], {
    cwd: app,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the app did not start in 20 s:\n${output}`));
    }, 20_000);
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
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${String(code)}:\n${output}`));
    });
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

/** What one run of a migrated app produced: its tasks once settled and the lines its work appended. */
export interface Served {
  readonly tasks: TaskRecord[];
  readonly outbox: string[];
}

/**
 * Starts the compiled `entry` of `app` on a fresh SQLite store, runs `call` against its base URL,
 * waits for `taskCount` tasks to settle, stops the app, and returns the tasks and outbox lines.
 */
export async function serveAndSettle(
  app: string,
  entry: string,
  taskCount: number,
  call: (base: string) => Promise<void>,
): Promise<Served> {
  const database = path.join(app, '.fleet/e2e.db');
  // fleet-runtime creates only its default ./.fleet folder; a path in FLEET_DATABASE_URL must exist.
  mkdirSync(path.dirname(database), { recursive: true });
  const outbox = path.join(app, 'outbox.log');
  const { child, port } = await start(app, entry, { FLEET_DATABASE_URL: `sqlite:${database}`, OUTBOX_FILE: outbox });
  try {
    await call(`http://127.0.0.1:${port}`);
    const tasks = await settledTasks(database, taskCount);
    const lines = existsSync(outbox) ? readFileSync(outbox, 'utf8').split('\n').filter(Boolean).sort() : [];
    return { tasks, outbox: lines };
  } finally {
    await stop(child);
  }
}

/** `POST <url>` with a JSON body; resolves to the response status. */
export async function post(url: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** One site of the JSON report, as the e2e tests compare it: `line action variant-or-reason`. */
export interface CodemodRun {
  readonly code: number;
  readonly sites: string[];
}

/** Runs `fleet codemod spawn-to-taskspec <target>` in `app` with `--format json`. */
export async function migrate(app: string, target: string): Promise<CodemodRun> {
  const run = await runCli(['codemod', 'spawn-to-taskspec', target, '--allow-dirty', '--format', 'json'], { cwd: app });
  const report = JSON.parse(run.stdout) as { sites: { file: string; line: number; action: string; reason?: string; variant?: string }[] };
  return {
    code: run.code,
    sites: report.sites.map((site) => `${path.relative(app, site.file)}:${site.line} ${site.action} ${site.variant ?? site.reason ?? ''}`),
  };
}

/** `file:line` of every `no-floating-work-in-handler` finding `fleet scan` reports in `app`. */
export async function floatingWork(app: string): Promise<string[]> {
  const scan = await runCli(['scan', app, '--rule', 'no-floating-work-in-handler', '--format', 'json', '--no-types']);
  return (JSON.parse(scan.stdout) as { filePath: string; messages: { line: number }[] }[]).flatMap((result) =>
    result.messages.map((message) => `${path.relative(app, result.filePath)}:${message.line}`),
  );
}
