/**
 * The real executable: `node bin/fleet.js …` in a child process, for exit codes and stdout/stderr
 * separation. Builds `dist/` first when the sources are newer than the build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT_MAIN = path.join(ROOT, 'dist/src/cli/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function fleet(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/fleet.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const stale =
    !existsSync(BUILT_MAIN) ||
    statSync(BUILT_MAIN).mtimeMs < Math.max(newestSource(path.join(ROOT, 'src')), newestSource(path.join(ROOT, 'rules')));
  if (!stale) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    // Type errors elsewhere in the tree do not stop tsc from emitting; the check below is what matters.
  }
  expect(existsSync(BUILT_MAIN)).toBe(true);
}, 120_000);

describe('bin/fleet.js (real process)', () => {
  it('exits 1 and prints ESLint JSON on stdout only for the README command on the Express app', () => {
    const run = fleet('scan', 'fixtures/apps/express', '--format', 'json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as { filePath: string; errorCount: number }[];
    expect(results.map((result) => path.relative(ROOT, result.filePath))).toContain('fixtures/apps/express/src/routes/users.ts');
    expect(results.reduce((sum, result) => sum + result.errorCount, 0)).toBe(8);
  });

  it('exits 0 on a clean project', () => {
    const root = makeProject({ 'src/index.ts': 'export const ok = true;\n' });
    expect(fleet('scan', root)).toEqual({ code: 0, stdout: 'No Fleet findings: 1 file scanned, without type information.\n', stderr: '' });
  });

  it('exits 2 with a one-line message on bad usage', () => {
    expect(fleet('scan', '--format', 'xml')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fleet scan: unknown format "xml". Use one of: text, json, sarif, github, rdjson, gitlab.\n',
    });
    expect(fleet('deploy').code).toBe(2);
  });

  it('prints the version', () => {
    const run = fleet('--version');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
