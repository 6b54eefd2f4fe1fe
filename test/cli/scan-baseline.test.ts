import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP } from './ci-project.js';
import { makeProject, runCli } from './helpers.js';

const BASELINE = '.fleet-baseline.json';

function readEntries(root: string): { fingerprint: string; rule: string; file: string; source: string }[] {
  return (
    JSON.parse(readFileSync(path.join(root, BASELINE), 'utf8')) as {
      findings: { fingerprint: string; rule: string; file: string; source: string }[];
    }
  ).findings;
}

describe('fleet scan --baseline', () => {
  it('writes a sorted, stable baseline with rule, file and source line, and then passes', async () => {
    const root = makeProject({ 'src/b.ts': APP, 'src/a.ts': APP });
    const update = await runCli(['scan', root, '--no-types', '--update-baseline'], { cwd: root });
    expect(update.code).toBe(0);
    expect(update.stderr).toContain('Baseline .fleet-baseline.json: wrote 4 findings (4 added, 0 fixed pruned).\n');
    const entries = readEntries(root);
    expect(entries.map(({ rule, file, source }) => [file, rule, source])).toEqual([
      ['src/a.ts', 'fleet/no-floating-work-in-handler', "send('b').catch(() => {});"],
      ['src/a.ts', 'fleet/no-floating-work-in-handler', "void send('a');"],
      ['src/b.ts', 'fleet/no-floating-work-in-handler', "send('b').catch(() => {});"],
      ['src/b.ts', 'fleet/no-floating-work-in-handler', "void send('a');"],
    ]);
    expect(entries.every((entry) => /^[0-9a-f]{32}$/.test(entry.fingerprint))).toBe(true);
    const first = readFileSync(path.join(root, BASELINE), 'utf8');
    await runCli(['scan', root, '--no-types', '--update-baseline'], { cwd: root });
    expect(readFileSync(path.join(root, BASELINE), 'utf8')).toBe(first);

    const gate = await runCli(['scan', root, '--no-types', '--baseline', BASELINE], { cwd: root });
    expect(gate.code).toBe(0);
    expect(gate.stdout).toBe('No Fleet findings: 2 files scanned, without type information.\n');
    expect(gate.stderr).toContain('Baseline .fleet-baseline.json: 4 findings accepted, 0 new, 0 fixed.\n');
  });

  it('fails when one finding is fixed and another added in the same file, reporting only the new one', async () => {
    const root = makeProject({ 'src/app.ts': APP });
    await runCli(['scan', root, '--no-types', '--update-baseline'], { cwd: root });
    // Same rule, same file, same count: ESLint's count-based suppressions would pass this.
    writeFileSync(path.join(root, 'src/app.ts'), APP.replace("void send('a');", "await send('a');\n  void send('audit');"));
    const gate = await runCli(['scan', root, '--no-types', '--baseline', BASELINE], { cwd: root });
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain(
      '  11:3  fleet/no-floating-work-in-handler  `void` silences the rejection of `send()` in handler `POST /a`',
    );
    expect(gate.stdout).toContain('1 finding in 1 file');
    expect(gate.stderr).toContain('Baseline .fleet-baseline.json: 1 finding accepted, 1 new, 1 fixed.\n');
    expect(gate.stderr).toContain("  fixed: src/app.ts  fleet/no-floating-work-in-handler  void send('a');\n");
    expect(gate.stderr).toContain('Prune the fixed entry with `fleet scan --baseline .fleet-baseline.json --update-baseline`.\n');
  });

  it('keeps passing when lines move, and prunes fixed entries on update', async () => {
    const root = makeProject({ 'src/app.ts': APP });
    await runCli(['scan', root, '--no-types', '--update-baseline'], { cwd: root });
    writeFileSync(path.join(root, 'src/app.ts'), `// header\n\n${APP.replace("void send('a');", "await send('a');")}`);
    const gate = await runCli(['scan', root, '--no-types', '--baseline', BASELINE], { cwd: root });
    expect(gate.code).toBe(0);
    expect(gate.stderr).toContain('1 finding accepted, 0 new, 1 fixed.');
    const update = await runCli(['scan', root, '--no-types', '--update-baseline'], { cwd: root });
    expect(update.stderr).toContain('wrote 1 finding (0 added, 1 fixed pruned).');
    expect(readEntries(root).map((entry) => entry.source)).toEqual(["send('b').catch(() => {});"]);
  });

  it('moves accepted findings to suppressedMessages in the JSON report and marks SARIF results', async () => {
    const root = makeProject({ 'src/app.ts': APP });
    await runCli(['scan', root, '--no-types', '--update-baseline'], { cwd: root });
    writeFileSync(path.join(root, 'src/app.ts'), APP.replace("void send('a');", "void send('a');\n  void send('x');"));
    const json = await runCli(['scan', root, '--no-types', '--baseline', BASELINE, '--format', 'json'], { cwd: root });
    const [result] = JSON.parse(json.stdout) as {
      messages: { line: number }[];
      suppressedMessages: { line: number; suppressions: unknown[] }[];
    }[];
    expect(result!.messages.map((message) => message.line)).toEqual([11]);
    expect(result!.suppressedMessages.map((message) => [message.line, message.suppressions])).toEqual([
      [10, [{ kind: 'file', justification: 'Fleet baseline' }]],
      [16, [{ kind: 'file', justification: 'Fleet baseline' }]],
    ]);
    const sarif = await runCli(['scan', root, '--no-types', '--baseline', BASELINE, '--format', 'sarif'], { cwd: root });
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { baselineState: string; suppressions?: { kind: string }[] }[] }[] })
      .runs[0]!.results;
    expect(results.map((r) => [r.baselineState, r.suppressions?.[0]?.kind])).toEqual([
      ['unchanged', 'external'],
      ['new', undefined],
      ['unchanged', 'external'],
    ]);
  });

  it('explains a missing or broken baseline file', async () => {
    const root = makeProject({ 'src/app.ts': APP, 'bad.json': '{"version": 2}' });
    expect(await runCli(['scan', root, '--no-types', '--baseline', 'nope.json'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: `fleet scan: baseline file not found: ${path.join(root, 'nope.json')}. Create it with \`fleet scan --baseline nope.json --update-baseline\`.\n`,
    });
    const broken = await runCli(['scan', root, '--no-types', '--baseline', 'bad.json'], { cwd: root });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(
      `fleet scan: ${path.join(root, 'bad.json')}: not a Fleet baseline (expected {"version": 1, "findings": [...]}); rewrite it with \`fleet scan --update-baseline\`.\n`,
    );
  });
});
