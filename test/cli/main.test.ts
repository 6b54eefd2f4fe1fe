import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('fleet (dispatch)', () => {
  it('prints the package version for --version and -v', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await runCli(['-v'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists the commands for `fleet help`, `fleet --help` and no arguments', async () => {
    const help = await runCli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: fleet <command>/);
    expect(help.stdout).toMatch(/\n {2}scan {5}Find fleet hazards/);
    expect(help.stdout).toMatch(/\n {2}routes {3}List the HTTP routes/);
    expect(help.stdout).toMatch(/\n {2}codemod {2}Rewrite fleet hazards/);
    expect((await runCli(['--help'])).stdout).toBe(help.stdout);
    expect((await runCli([])).stdout).toBe(help.stdout);
  });

  it('prints one command’s help for `fleet help scan` and `fleet scan --help`', async () => {
    const viaHelp = await runCli(['help', 'scan']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: fleet scan \[dir\] \[options\]/);
    expect(await runCli(['scan', '--help'])).toEqual(viaHelp);
  });

  it('exits 2 with the command list on an unknown command', async () => {
    expect(await runCli(['lint'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fleet: unknown command "lint". Commands: scan, routes, codemod, review, help. Run `fleet help` for details.\n',
    });
  });

  it('exits 2 for help on an unknown command', async () => {
    const run = await runCli(['help', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'fleet: unknown command "nope". Commands: scan, routes, codemod, review, help. Run `fleet help` for details.\n',
    );
  });
});
