import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from './helpers.js';

describe('fleet scan: bad usage exits 2 with one line on stderr', () => {
  const root = makeProject({ 'src/a.ts': 'export const a = 1;\n' });

  it('rejects an unknown option', async () => {
    expect(await runCli(['scan', root, '--fast'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fleet scan: unknown or malformed option --fast. Run `fleet scan --help` for the options.\n',
    });
  });

  it('rejects a directory that does not exist', async () => {
    const missing = path.join(root, 'nope');
    expect(await runCli(['scan', missing])).toEqual({
      code: 2,
      stdout: '',
      stderr: `fleet scan: directory not found: ${missing}. Pass an existing directory, e.g. \`fleet scan .\`.\n`,
    });
  });

  it('rejects a file where a directory is expected', async () => {
    const file = path.join(root, 'src', 'a.ts');
    expect(await runCli(['scan', file])).toEqual({
      code: 2,
      stdout: '',
      stderr: `fleet scan: ${file} is not a directory. Pass the folder to scan, e.g. \`fleet scan ${path.join(root, 'src')}\`.\n`,
    });
  });

  it('rejects an unknown format', async () => {
    expect(await runCli(['scan', root, '--format', 'xml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fleet scan: unknown format "xml". Use one of: text, json, sarif, github, rdjson, gitlab.\n',
    });
  });

  it('rejects an unknown rule id', async () => {
    const run = await runCli(['scan', root, '--rule', 'no-such-rule']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fleet scan: unknown rule "no-such-rule"\. Known rules: .*\.\n$/);
  });

  it('rejects two directories', async () => {
    const run = await runCli(['scan', root, root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fleet scan takes one directory, got 2 (${root}, ${root}); scan their common parent instead.\n`);
  });

  it('resolves a relative directory against the working directory', async () => {
    const run = await runCli(['scan', 'src'], { cwd: root });
    expect(run).toEqual({ code: 0, stdout: 'No Fleet findings: 1 file scanned, without type information.\n', stderr: '' });
  });
});
