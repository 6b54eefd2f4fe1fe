/**
 * `--typecheck`: a rewritten file that gains a type error is left unchanged and reported, and
 * the run exits 3. Here the handler is a sync arrow annotated `: void`: the rewrite makes it
 * `async`, and an async function's return type must be a `Promise`.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../codemods/spawn-to-taskspec/__testfixtures__');
const WORK = path.resolve(import.meta.dirname, `../../bench/.work/codemod-typecheck-${process.pid}`);

afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

describe('fleet codemod spawn-to-taskspec --typecheck', () => {
  it('rolls back a file that gains a type error and exits 3', async () => {
    cpSync(path.join(FIXTURES, '_project'), WORK, { recursive: true });
    const target = path.join(WORK, 'src/routes/void-call.ts');
    mkdirSync(path.dirname(target), { recursive: true });
    const input = readFileSync(path.join(FIXTURES, 'void-call.input.ts'), 'utf8').replace('async (req, res) => {', '(req, res): void => {');
    expect(input).toContain('(req, res): void => {');
    writeFileSync(target, input);
    const run = await runCli(['codemod', 'spawn-to-taskspec', target, '--allow-dirty', '--no-types', '--typecheck', '--format', 'json'], {
      cwd: WORK,
    });
    const report = JSON.parse(run.stdout) as {
      files: { file: string; status: string; error?: string }[];
      sites: { action: string; reason?: string }[];
    };
    expect(run.code).toBe(3);
    expect(readFileSync(target, 'utf8')).toBe(input);
    expect(report.files.find((file) => file.file === target)).toEqual({
      file: target,
      status: 'error',
      error: expect.stringMatching(
        /^gains a type error at line \d+: The return type of an async function or method must be the global Promise<T> type\..*; left unchanged$/,
      ) as unknown,
    });
    expect(report.sites.map((site) => `${site.action} ${site.reason ?? ''}`)).toEqual(['bailed typecheck']);
  }, 240_000);
});
