import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP } from './ci-project.js';
import { makeProject, runCli } from './helpers.js';

/** An Express app with `count` fire-and-forget sites, one handler each. */
function manySites(count: number): string {
  const handlers = Array.from(
    { length: count },
    (_, index) => `app.post('/r${index}', async (req, res) => {\n  void send('${index}');\n  res.sendStatus(202);\n});\n`,
  );
  return `import express from 'express';\nconst app = express();\nasync function send(to: string): Promise<void> {\n  await fetch(to);\n}\n${handlers.join('')}`;
}

describe('fleet scan CI formats', () => {
  it('prints GitHub workflow commands with escaped properties and data', async () => {
    const root = makeProject({ 'src/app.ts': APP });
    const run = await runCli(['scan', root, '--no-types', '--format', 'github'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '::error file=src/app.ts,line=10,endLine=10,col=3,endColumn=17,title=fleet/no-floating-work-in-handler::`void` silences the rejection of `send()` in handler `POST /a` but does not keep the work alive; `await` it, or move it to a durable task with `npx fleet codemod spawn-to-taskspec`.',
        '::error file=src/app.ts,line=15,endLine=15,col=3,endColumn=28,title=fleet/no-floating-work-in-handler::`.catch()` handles the rejection of `send()` in handler `POST /b` but does not keep the work alive; `await` it, or move it to a durable task with `npx fleet codemod spawn-to-taskspec`.',
        '',
      ].join('\n'),
    );
  });

  it('gives CI paths relative to the git repository when a sub-folder is scanned', async () => {
    const root = makeProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'pkg/src/app.ts': APP });
    const github = await runCli(['scan', 'pkg', '--no-types', '--format', 'github'], { cwd: root });
    expect(github.stdout).toMatch(/^::error file=pkg\/src\/app\.ts,line=10,/);
    const text = await runCli(['scan', 'pkg', '--no-types', '--output', 'report.txt', '--format', 'gitlab'], { cwd: root });
    expect(text.stdout).toMatch(/^src\/app\.ts\n/);
    expect((JSON.parse(readFileSync(path.join(root, 'report.txt'), 'utf8')) as { location: { path: string } }[])[0]!.location.path).toBe(
      'pkg/src/app.ts',
    );
  });

  it('annotates at most 10 findings per kind, lists the rest, and writes the job summary', async () => {
    const root = makeProject({ 'src/app.ts': manySites(12), 'summary.md': '# earlier step\n' });
    const summary = path.join(root, 'summary.md');
    const run = await runCli(['scan', root, '--no-types', '--format', 'github'], { cwd: root, env: { GITHUB_STEP_SUMMARY: summary } });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
    expect(lines.slice(10, 12)).toEqual([
      'src/app.ts:47:3  fleet/no-floating-work-in-handler  `void` silences the rejection of `send()` in handler `POST /r10` but does not keep the work alive; `await` it, or move it to a durable task with `npx fleet codemod spawn-to-taskspec`.',
      'src/app.ts:51:3  fleet/no-floating-work-in-handler  `void` silences the rejection of `send()` in handler `POST /r11` but does not keep the work alive; `await` it, or move it to a durable task with `npx fleet codemod spawn-to-taskspec`.',
    ]);
    expect(lines[12]).toBe(
      '::notice title=Fleet::12 Fleet findings; GitHub shows 10 annotations of each kind per step, the other 2 are listed in this log and in the job summary.',
    );
    const markdown = readFileSync(summary, 'utf8');
    expect(
      markdown.startsWith(
        '# earlier step\n## Fleet scan\n\n**12 new findings** in 1 file.\n\n| Rule | Findings |\n| --- | ---: |\n| [`fleet/no-floating-work-in-handler`](https://github.com/fleet-dev/fleet/blob/main/docs/rules/no-floating-work-in-handler.md) | 12 |\n',
      ),
    ).toBe(true);
    expect(markdown.match(/^\| `src\/app\.ts:\d+` \| error \| `fleet\/no-floating-work-in-handler` \|/gm)).toHaveLength(12);
  });

  it('prints reviewdog rdjson with ESLint suggestions as rdjson suggestions', async () => {
    const root = makeProject({ 'src/app.ts': APP });
    const run = await runCli(['scan', root, '--no-types', '--format', 'rdjson'], { cwd: root });
    const result = JSON.parse(run.stdout) as { source: { name: string }; diagnostics: Record<string, unknown>[] };
    expect(result.source.name).toBe('fleet');
    expect(result.diagnostics[0]).toEqual({
      message:
        '`void` silences the rejection of `send()` in handler `POST /a` but does not keep the work alive; `await` it, or move it to a durable task with `npx fleet codemod spawn-to-taskspec`.',
      location: { path: 'src/app.ts', range: { start: { line: 10, column: 3 }, end: { line: 10, column: 17 } } },
      severity: 'ERROR',
      source: { name: 'fleet' },
      code: {
        value: 'fleet/no-floating-work-in-handler',
        url: 'https://github.com/fleet-dev/fleet/blob/main/docs/rules/no-floating-work-in-handler.md',
      },
      suggestions: [{ range: { start: { line: 10, column: 3 }, end: { line: 10, column: 7 } }, text: 'await' }],
    });
    expect(result.diagnostics).toHaveLength(2);
  });

  it('prints a GitLab Code Quality report with the shared fingerprints', async () => {
    const root = makeProject({ 'src/app.ts': APP });
    const gitlab = JSON.parse((await runCli(['scan', root, '--no-types', '--format', 'gitlab'], { cwd: root })).stdout) as Record<
      string,
      unknown
    >[];
    const sarif = JSON.parse((await runCli(['scan', root, '--no-types', '--format', 'sarif'], { cwd: root })).stdout) as {
      runs: { results: { partialFingerprints: Record<string, string> }[] }[];
    };
    expect(gitlab.map(({ fingerprint, ...rest }) => [typeof fingerprint, rest])).toEqual([
      [
        'string',
        {
          type: 'issue',
          description: expect.stringMatching(/^`void` silences/) as unknown,
          check_name: 'fleet/no-floating-work-in-handler',
          severity: 'major',
          categories: ['Bug Risk'],
          location: { path: 'src/app.ts', lines: { begin: 10, end: 10 } },
        },
      ],
      [
        'string',
        {
          type: 'issue',
          description: expect.stringMatching(/^`\.catch\(\)` handles/) as unknown,
          check_name: 'fleet/no-floating-work-in-handler',
          severity: 'major',
          categories: ['Bug Risk'],
          location: { path: 'src/app.ts', lines: { begin: 15, end: 15 } },
        },
      ],
    ]);
    expect(gitlab.map((issue) => issue['fingerprint'])).toEqual(
      sarif.runs[0]!.results.map((result) => result.partialFingerprints['fleet/v1']),
    );
  });

  it('writes the report to --output and the text report to the terminal', async () => {
    const root = makeProject({ 'src/app.ts': APP });
    const run = await runCli(['scan', root, '--no-types', '--format', 'sarif', '--output', 'fleet.sarif'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^src\/app\.ts\n {2}10:3 {2}fleet\/no-floating-work-in-handler/);
    expect(run.stdout).toContain('2 findings in 1 file: 1 file scanned, without type information.\n');
    expect((JSON.parse(readFileSync(path.join(root, 'fleet.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
  });

  it('explains an --output file it cannot write', async () => {
    const root = makeProject({ 'src/app.ts': 'export const a = 1;\n' });
    const run = await runCli(['scan', root, '--no-types', '--format', 'sarif', '--output', 'missing/dir/fleet.sarif'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^fleet scan: cannot write the report to .*missing\/dir\/fleet\.sarif \(ENOENT.*\); check that its folder exists and is writable\.\n$/,
    );
  });
});
