import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from './helpers.js';

describe('fleet scan (in-process)', () => {
  it('exits 0 with a one-line summary on a clean project', async () => {
    const root = makeProject({ 'src/a.ts': 'export const a = 1;\n', 'src/b.js': 'module.exports = 2;\n' });
    expect(await runCli(['scan', root])).toEqual({
      code: 0,
      stdout: 'No Fleet findings: 2 files scanned, without type information.\n',
      stderr: '',
    });
  });

  it('reports a file with a syntax error, keeps scanning, and exits 1', async () => {
    const root = makeProject({ 'src/broken.ts': 'export const = ;\n', 'src/ok.ts': 'export const a = 1;\n' });
    expect(await runCli(['scan', root])).toEqual({
      code: 1,
      stdout: [
        'src/broken.ts',
        '  1:13  parse-error  Parsing error: Variable declaration expected.',
        '',
        'Findings by rule:',
        '  parse-error  1',
        '',
        '1 finding in 1 file: 2 files scanned, without type information.',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('prints exactly ESLint’s json formatter output with --format json', async () => {
    const root = makeProject({ 'a.ts': 'const = 1;\n', 'b.ts': 'export const b = 1;\n' });
    const run = await runCli(['scan', root, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      {
        filePath: path.join(root, 'a.ts'),
        messages: [
          { ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Variable declaration expected.', line: 1, column: 6 },
        ],
        suppressedMessages: [],
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        source: 'const = 1;\n',
        usedDeprecatedRules: [],
      },
      {
        filePath: path.join(root, 'b.ts'),
        messages: [],
        suppressedMessages: [],
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      },
    ]);
  });

  it('skips node_modules, dist and other build output', async () => {
    const root = makeProject({
      'src/a.ts': 'export const a = 1;\n',
      'node_modules/pkg/index.js': 'this is not javascript',
      'dist/a.js': 'this is not javascript',
      'build/a.js': 'this is not javascript',
      '.next/server/page.js': 'this is not javascript',
    });
    expect(await runCli(['scan', root])).toEqual({
      code: 0,
      stdout: 'No Fleet findings: 1 file scanned, without type information.\n',
      stderr: '',
    });
  });

  it('honours .gitignore', async () => {
    const root = makeProject({
      '.gitignore': 'generated/\n',
      'src/a.ts': 'export const a = 1;\n',
      'generated/x.ts': 'not typescript at all',
    });
    expect((await runCli(['scan', root])).code).toBe(0);
  });

  it('uses type information when the directory has a tsconfig.json (for the files with handlers), and not with --no-types', async () => {
    const root = makeProject({
      'tsconfig.json': JSON.stringify({ include: ['src'] }),
      'src/a.ts': "import express from 'express';\nexpress().get('/', (req, res) => res.end());\n",
      'src/b.ts': 'export const b = 1;\n',
      'scripts/seed.js': 'console.log(1);\n',
    });
    expect((await runCli(['scan', root])).stdout).toBe('No Fleet findings: 3 files scanned, 1 with type information.\n');
    expect((await runCli(['scan', root, '--no-types'])).stdout).toBe('No Fleet findings: 3 files scanned, without type information.\n');
  });

  it('prints progress on stderr only with --progress (or on a terminal for long runs)', async () => {
    const root = makeProject({ 'a.ts': '', 'b.ts': '' });
    const withProgress = await runCli(['scan', root, '--progress']);
    expect(withProgress.stderr).toBe('fleet scan: 2/2 files\n');
    expect(withProgress.stdout).toBe('No Fleet findings: 2 files scanned, without type information.\n');
    expect((await runCli(['scan', root], { tty: true })).stderr).toBe('');
    expect((await runCli(['scan', root, '--progress'], { tty: true })).stderr).toBe('\rfleet scan: 2/2 files\n');
  });

  it('lints files in dot-directories (the scan config matches them too)', async () => {
    const root = makeProject({ '.storybook/main.ts': 'export const = 1;\n' });
    const run = await runCli(['scan', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\.storybook\/main\.ts\n {2}1:13 {2}parse-error {2}Parsing error: Variable declaration expected\.\n/);
  });

  it('mentions skipped minified bundles in the summary', async () => {
    const root = makeProject({ 'src/a.ts': 'export const a = 1;\n', 'public/app.min.js': 'x' });
    expect((await runCli(['scan', root])).stdout).toBe(
      'No Fleet findings: 1 file scanned, without type information, 1 minified file skipped.\n',
    );
  });
});
