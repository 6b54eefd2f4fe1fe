// The benchmark harness (bench/): the generator is deterministic and realistic, the accuracy
// comparison and argument parsing behave, and a real parser-only ESLint run works end to end.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFindings } from '../../bench/lib/accuracy.js';
import { generateBackend } from '../../bench/lib/generate/index.js';
import { median, runNode } from '../../bench/lib/measure.js';
import { intOption, parseArgs } from '../../bench/lib/parse-args.js';
import { lintSummary } from '../../bench/lib/lint-summary.js';
import realSuite from '../../bench/suites/real.js';
import { TARGETS } from '../../bench/suites/lint.js';

const root = path.resolve(import.meta.dirname, '../..');
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'fleet-bench-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(path.relative(dir, file)).update(await readFile(file));
  return hash.digest('hex');
}

describe('generateBackend', () => {
  it('writes the same tree for the same seed and a different one for another seed', async () => {
    const a = path.join(scratch, 'a');
    const b = path.join(scratch, 'b');
    const c = path.join(scratch, 'c');
    await generateBackend({ dir: a, files: 200, seed: 7 });
    await generateBackend({ dir: b, files: 200, seed: 7 });
    await generateBackend({ dir: c, files: 200, seed: 8 });
    expect(await treeHash(a)).toBe(await treeHash(b));
    expect(await treeHash(a)).not.toBe(await treeHash(c));
  });

  it('covers every framework and keeps most files non-handlers', async () => {
    const out = await generateBackend({ dir: path.join(scratch, 'mix'), files: 2000, seed: 42 });
    expect(out.files).toBeGreaterThanOrEqual(2000);
    for (const category of ['express', 'fastify', 'koa', 'hono', 'nest', 'next-route', 'pages-api', 'server-action']) {
      expect(out.byCategory[category]).toBeGreaterThan(0);
    }
    const plain = (out.byCategory.model ?? 0) + (out.byCategory.service ?? 0) + (out.byCategory.util ?? 0);
    expect(plain / out.files).toBeGreaterThan(0.5);
    expect(out.lines / out.files).toBeGreaterThan(50);
  });

  it('records each seeded hazard on the line that holds it', async () => {
    const dir = path.join(scratch, 'hazards');
    const out = await generateBackend({ dir, files: 300, seed: 3 });
    const patterns: Record<string, RegExp> = {
      floating: /^\s*(svc|this\.service)\.notify\w+\(/,
      void: /^\s*void (svc|this\.service)\.notify/,
      catch: /\.catch\(/,
      then: /\.then\(/,
      timer: /^\s*setTimeout\(/,
      enqueue: /^\s*enqueue\(TaskSpec\./,
      'queue-add': /^\s*queue\.add\(/,
      helper: /^\s*svc\.notify\w+\(id\);$/,
      after: /^\s*after\(/,
    };
    const entries = Object.entries(out.hazards);
    expect(entries.length).toBeGreaterThan(10);
    for (const [file, hazards] of entries) {
      const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n');
      for (const { kind, line } of hazards) {
        expect(lines[line - 1], `${file}:${line} (${kind})`).toMatch(patterns[kind] ?? /^$/);
      }
    }
  });

  it('rejects a file count too small to hold every category', async () => {
    await expect(generateBackend({ dir: path.join(scratch, 'tiny'), files: 10 })).rejects.toThrow(/files must be an integer ≥ 100, got 10/);
  });
});

describe('compareFindings', () => {
  it('counts a finding of the rule on a seeded line as found and any other as a false positive', () => {
    const seeded = {
      'a.ts': [
        { kind: 'void', line: 3 },
        { kind: 'timer', line: 9 },
      ],
    };
    const findings = [
      { file: 'a.ts', line: 3, ruleId: 'fleet/no-floating-work-in-handler', messageId: 'voided' },
      { file: 'a.ts', line: 5, ruleId: 'fleet/no-floating-work-in-handler', messageId: 'floating' },
      { file: 'a.ts', line: 9, ruleId: '@typescript-eslint/no-floating-promises' },
      { file: 'a.ts', line: 7, ruleId: 'fleet/require-route-role', messageId: 'undeclared' },
    ];
    expect(compareFindings(seeded, findings)).toEqual({
      seeded: 2,
      found: 1,
      byKind: { void: { seeded: 1, found: 1 }, timer: { seeded: 1, found: 0 } },
      falsePositives: [{ file: 'a.ts', line: 5, messageId: 'floating' }],
    });
  });
});

describe('parseArgs and helpers', () => {
  it('splits suite names from options, flags and --key=value', () => {
    expect(parseArgs(['lint', 'real', '--runs', '5', '--extra', '--seed=9'])).toEqual({
      positionals: ['lint', 'real'],
      options: { runs: '5', extra: true, seed: '9' },
    });
  });

  it('reads integer options and explains a bad value', () => {
    expect(intOption({ runs: '4' }, 'runs', 3)).toBe(4);
    expect(intOption({}, 'runs', 3)).toBe(3);
    expect(() => intOption({ runs: 'many' }, 'runs', 3)).toThrow("bench: --runs must be a non-negative integer, got 'many'.");
  });

  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('runner and ESLint job', () => {
  it('lists the registered suites and rejects an unknown one with exit code 2', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [path.join(root, 'bench/run.js'), '--list']);
    expect(stdout).toMatch(/^codemod\s/m);
    expect(stdout).toMatch(/^lint\s/m);
    expect(stdout).toMatch(/^real\s/m);
    const failure: unknown = await run(process.execPath, [path.join(root, 'bench/run.js'), 'nope']).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    const suites = readdirSync(path.join(root, 'bench/suites'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => file.slice(0, -'.js'.length))
      .sort();
    expect((failure as { stderr: string }).stderr).toContain(`bench: unknown suite 'nope'; available: ${suites.join(', ')}`);
  });

  it('times a parser-only run in a fresh process and reports every file without parse errors', async () => {
    const dir = path.join(scratch, 'job');
    const out = await generateBackend({ dir, files: 120, seed: 1 });
    const tsFiles = out.files;
    const { result } = (await runNode(path.join(root, 'bench/lib/eslint-job.js'), ['--mode', 'parser', '--cwd', dir, '--stats'])) as {
      result: { lintMs: number; lintCpuMs: number; maxRssKiB: number; stats: { parseMs: number } };
    };
    expect(result).toMatchObject({ mode: 'parser', files: tsFiles, fatal: [], byRule: {} });
    expect(result.lintMs).toBeGreaterThan(0);
    expect(result.lintCpuMs).toBeGreaterThan(0);
    expect(result.maxRssKiB).toBeGreaterThan(10_000);
    expect(result.stats.parseMs).toBeGreaterThan(0);
  });
});

describe('manifest suite', () => {
  it('parses the same manifest cold with both readers, in fresh processes, and reports the same declarations', async () => {
    const { appendDeclarations } = await import('fleet-routes');
    const file = path.join(scratch, 'fleet.routes.yaml');
    const declarations = Array.from({ length: 40 }, (_, i) => ({ method: 'GET', path: `/items${i}/{id}`, role: 'fleet-ok' as const }));
    await writeFile(file, appendDeclarations('', declarations));
    for (const reader of ['fleet', 'yaml']) {
      const { result } = (await runNode(path.join(root, 'bench/lib/manifest-job.js'), ['--file', file, '--reader', reader])) as {
        result: { reader: string; declarations: number; firstMs: number; warmMs: number };
      };
      expect(result).toMatchObject({ reader, declarations: 40 });
      expect(result.firstMs).toBeGreaterThan(0);
      expect(result.warmMs).toBeGreaterThan(0);
    }
  });
});

describe('real suite', () => {
  it('skips with instructions when no repository has been extracted', async () => {
    const empty = path.join(scratch, 'no-repos');
    const result = await realSuite.run({ root, workDir: scratch, options: { repos: empty }, log: () => undefined });
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('npm exec -- node bench/checkout-repos.js');
  });
});

describe('the lint suite targets', () => {
  it('judges recommended against the parser at 1.15× and recommended-type-checked against no-floating-promises at 1.0× (issue 8 §5)', () => {
    expect(TARGETS).toEqual({ recommendedVsParser: 1.15, recommendedThreeRulesVsParser: 1.2, typeCheckedVsNfp: 1.0 });
  });
});

describe('lintSummary', () => {
  it('reports ESLint’s own cost of a no-op rule and Fleet’s cost over it when the run has that mode', () => {
    const medians = { lintMs: 1000, lintCpuMs: 1100, wallMs: 1500 };
    const text = lintSummary({
      date: '2026-01-01T00:00:00.000Z',
      node: 'v24.0.0',
      synthetic: { files: 10, lines: 900, seed: 42 },
      runs: {},
      medians: { parser: medians, 'noop-rule': medians, recommended: medians },
      ratios: { recommendedVsParser: 1.4, typeCheckedVsNfp: 1.0, noopRuleVsParser: 1.2, recommendedVsNoopRule: 1.1666 },
      cpuRatios: { recommendedVsParser: 1.5, typeCheckedVsNfp: 1.0, noopRuleVsParser: 1.25, recommendedVsNoopRule: 1.2 },
      targets: { recommendedVsParser: 1.15, typeCheckedVsNfp: 1.0 },
      stats: {},
      accuracy: {},
      fatal: {},
    });
    expect(text).toContain(
      "- ESLint's own cost of any rule, one no-op rule / parser: 1.200×, on CPU time 1.250× (no target); recommended / no-op rule (Fleet's own cost): 1.167×, on CPU time 1.200×",
    );
  });

  it('prints medians, every run, both ratios against their targets and the accuracy table', () => {
    const run = (lintMs: number, lintCpuMs: number) => ({
      lintMs,
      lintCpuMs,
      wallMs: lintMs + 500,
      maxRssKiB: 512 * 1024,
      files: 10,
      load: [1.5, 1.6],
    });
    const text = lintSummary({
      date: '2026-01-01T00:00:00.000Z',
      node: 'v24.0.0',
      synthetic: { files: 10, lines: 900, seed: 42 },
      runs: { parser: [run(1000, 1100)], recommended: [run(1100, 1200)], 'type-checked': [run(3000, 3300)], nfp: [run(2000, 2200)] },
      medians: {
        parser: { lintMs: 1000, lintCpuMs: 1100, wallMs: 1500 },
        recommended: { lintMs: 1100, lintCpuMs: 1200, wallMs: 1600 },
        'type-checked': { lintMs: 3000, lintCpuMs: 3300, wallMs: 3500 },
        nfp: { lintMs: 2000, lintCpuMs: 2200, wallMs: 2500 },
      },
      ratios: { recommendedVsParser: 1.1, typeCheckedVsNfp: 1.5 },
      cpuRatios: { recommendedVsParser: 1.09, typeCheckedVsNfp: 1.5 },
      targets: { recommendedVsParser: 1.15, typeCheckedVsNfp: 1.0 },
      stats: { parser: { parseMs: 900, ruleMs: {} }, recommended: { parseMs: 900, ruleMs: { 'fleet/x': 90 } } },
      accuracy: { recommended: { seeded: 4, found: 3, byKind: { void: { seeded: 4, found: 3 } }, falsePositives: [] } },
      fatal: { parser: [] },
    });
    expect(text).toContain('| recommended | 1.10 | 1.10 | 1.20 | 1.20 | 1.60 | 512 | 1.5 |');
    expect(text).toContain('- recommended / parser: 1.100× (target ≤ 1.15×: met); on CPU time 1.090×');
    expect(text).toContain(
      '- recommended-type-checked / no-floating-promises: 1.500× (issue 8 §5 target ≤ 1.0×: MISSED); on CPU time 1.500×',
    );
    expect(text).toContain('| recommended | 0.90 | (all rules: 10.0 % of parse) | 0.09 |');
    expect(text).not.toContain('no-op rule');
    expect(text).toContain('| recommended | 4 | 3 | 0 | void 3/4 |');
    expect(text).not.toContain('Parse failures');
  });
});
