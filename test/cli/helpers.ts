/**
 * Shared test helpers for the CLI: run `main()` in-process with captured output, and build
 * throw-away projects on disk.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.js';

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `fleet <argv>` in this process, as if from `cwd`. */
export async function runCli(
  argv: readonly string[],
  options: { cwd?: string; tty?: boolean; env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: options.cwd ?? process.cwd(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    // Tests never see the CI's own GITHUB_* variables unless they pass them.
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (relative path → content) into a new temporary directory; removed after the file's tests. */
export function makeProject(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'fleet-cli-'));
  created.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}
