/**
 * `fleet codemod` argument handling: usage errors exit 2 with one line saying what to do, and a
 * dirty git tree is refused before anything is read.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from './helpers.js';

describe('fleet codemod (usage)', () => {
  it('prints its help', async () => {
    const run = await runCli(['codemod', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: fleet codemod <name> \[paths…\] \[options\]/);
  });

  it('exits 2 without a codemod name', async () => {
    expect(await runCli(['codemod'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fleet codemod: name a codemod. Codemods: spawn-to-taskspec, interval-to-schedule. Run `fleet codemod --help`.\n',
    });
  });

  it('exits 2 on an unknown codemod', async () => {
    const run = await runCli(['codemod', 'spawn-to-task']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'fleet codemod: unknown codemod "spawn-to-task". Codemods: spawn-to-taskspec, interval-to-schedule. Run `fleet codemod --help`.\n',
    );
  });

  it('exits 2 on an unknown flag, a bad --format and a bad --fail-on', async () => {
    expect((await runCli(['codemod', 'spawn-to-taskspec', '--dryrun'])).stderr).toBe(
      'fleet codemod: unknown or malformed option --dryrun. Run `fleet codemod --help` for the options.\n',
    );
    expect((await runCli(['codemod', 'spawn-to-taskspec', '--format', 'sarif'])).stderr).toBe(
      'fleet codemod: unknown format "sarif". Use --format text or --format json.\n',
    );
    expect((await runCli(['codemod', 'spawn-to-taskspec', '--fail-on', 'warning'])).code).toBe(2);
  });

  it('exits 2 on a path that does not exist', async () => {
    const root = makeProject({ 'package.json': '{}' });
    const run = await runCli(['codemod', 'spawn-to-taskspec', 'missing'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fleet codemod: path not found: ${path.join(root, 'missing')}. Pass files or folders of your project.\n`);
  });

  it('refuses a dirty git tree unless --allow-dirty, and changes nothing', async () => {
    const source = "import express from 'express';\nconst app = express();\napp.post('/x', async (req, res) => { res.end(); });\n";
    const root = makeProject({ 'package.json': '{}', 'src/app.ts': source });
    execFileSync('git', ['init', '-q'], { cwd: root });
    writeFileSync(path.join(root, 'src/new.ts'), 'export {};\n');
    const run = await runCli(['codemod', 'spawn-to-taskspec', 'src'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^fleet codemod: 2 uncommitted change\(s\) under .*; commit or stash them so `git diff` shows only the codemod's edits, or pass --allow-dirty\.\n$/,
    );
    expect(readFileSync(path.join(root, 'src/app.ts'), 'utf8')).toBe(source);
  });

  it('exits 0 with nothing to do when no site is found', async () => {
    const root = makeProject({
      'package.json': '{}',
      'src/app.ts': "import express from 'express';\nconst app = express();\napp.post('/x', async (req, res) => { res.end(); });\n",
    });
    const run = await runCli(['codemod', 'spawn-to-taskspec', 'src', '--allow-dirty', '--no-types'], { cwd: root });
    expect(run.stdout).toBe('0 rewritten, 0 need review, 0 bailed, 0 errors; 0 files changed.\n');
    expect(run.code).toBe(0);
  });
});
