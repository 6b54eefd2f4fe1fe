/**
 * One measured ESLint run, in its own process (the runner spawns it fresh every time so no
 * module cache, JIT state or TypeScript program survives between runs).
 *
 *   node bench/lib/eslint-job.js --mode <mode> --cwd <project> [--plugin <dir>] [--stats] [--findings <file.json>]
 *
 * `--plugin`: a directory holding a copy of this package's `dist/` and `package.json` (the lint
 * suite snapshots them, so a rebuild during a long run cannot change the code under test);
 * default: this repository.
 *
 * Modes (all lint `src/`, `app/`, `pages/` `**\/*.ts` with `@typescript-eslint/parser`):
 * - `parser`: the parser alone, no rules;
 * - `noop-rule`: the parser and one rule that visits every call and does nothing: what ESLint
 *   itself costs once any rule is on (the same no-op rule as the oxlint suite's `oxlint-noop`);
 * - `recommended`: Fleet's `recommended` preset (no type information);
 * - `typed-parser`: the parser with `projectService` (builds the TypeScript program), no rules;
 * - `type-checked`: Fleet's `recommended-type-checked` preset (`projectService`);
 * - `nfp`: typescript-eslint's `no-floating-promises` alone, same type-aware parser setup.
 *
 * Prints one JSON object on stdout: timings (ms), peak RSS (KiB), message counts by rule,
 * fatal (parse) errors, and with `--stats` the per-rule times from ESLint's `stats` option.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from './parse-args.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MODES = ['parser', 'noop-rule', 'recommended', 'typed-parser', 'type-checked', 'nfp'];
const { options } = parseArgs(process.argv.slice(2));
const mode = String(options.mode);
const cwd = path.resolve(String(options.cwd));
if (!MODES.includes(mode)) {
  process.stderr.write(`eslint-job: --mode must be one of ${MODES.join(', ')}, got '${mode}'.\n`);
  process.exit(2);
}

const loadStart = performance.now();
const loadBefore = os.loadavg()[0];
const { ESLint } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const typed = mode === 'typed-parser' || mode === 'type-checked' || mode === 'nfp';
const base = {
  files: ['**/*.ts'],
  languageOptions: {
    parser: tsParser,
    parserOptions: typed ? { projectService: true, tsconfigRootDir: cwd } : {},
  },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};
const config = [base];
if (mode === 'recommended' || mode === 'type-checked') {
  const pluginRoot = typeof options.plugin === 'string' ? path.resolve(options.plugin) : root;
  const fleet = (await import(pathToFileURL(path.join(pluginRoot, 'dist/src/index.js')).href)).default;
  const preset = fleet.configs[mode === 'recommended' ? 'recommended' : 'recommended-type-checked'];
  // `recommended-type-checked` is an array (type information for TS files only); both are narrowed
  // to the benchmark's `.ts` files so every mode lints the same set.
  for (const entry of [preset].flat()) config.push({ ...entry, files: ['**/*.ts'] });
} else if (mode === 'noop-rule') {
  const noop = {
    meta: { name: 'noop' },
    rules: { 'visit-calls': { meta: { type: 'problem', schema: [] }, create: () => ({ CallExpression() {} }) } },
  };
  config.push({ files: ['**/*.ts'], plugins: { noop }, rules: { 'noop/visit-calls': 'error' } });
} else if (mode === 'nfp') {
  const tsPlugin = (await import('@typescript-eslint/eslint-plugin')).default;
  config.push({
    files: ['**/*.ts'],
    plugins: { '@typescript-eslint': tsPlugin },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  });
}
const loadMs = performance.now() - loadStart;

const lintStart = performance.now();
const cpuStart = process.cpuUsage();
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, stats: Boolean(options.stats) });
const results = await eslint.lintFiles(['src/**/*.ts', 'app/**/*.ts', 'pages/**/*.ts']);
const lintMs = performance.now() - lintStart;
// CPU time of the lint phase (user + system, all threads): far less sensitive than wall time to
// other processes competing for the same cores.
const cpu = process.cpuUsage(cpuStart);
const lintCpuMs = (cpu.user + cpu.system) / 1000;

const byRule = {};
const fatal = [];
const findings = [];
const ruleMs = {};
let parseMs = 0;
for (const result of results) {
  for (const m of result.messages) {
    if (m.fatal || m.ruleId === null) {
      fatal.push({ file: path.relative(cwd, result.filePath), line: m.line, message: m.message });
      continue;
    }
    byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
    findings.push({
      file: path.relative(cwd, result.filePath),
      line: m.line,
      ruleId: m.ruleId,
      messageId: m.messageId,
      message: m.message,
    });
  }
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse.total;
    for (const [rule, t] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + t.total;
  }
}
if (typeof options.findings === 'string') await writeFile(options.findings, JSON.stringify(findings));

process.stdout.write(
  `${JSON.stringify({
    mode,
    files: results.length,
    loadMs,
    lintMs,
    lintCpuMs,
    totalMs: performance.now(),
    maxRssKiB: process.resourceUsage().maxRSS,
    // 1-minute load average before and after: on a shared machine it shows how contended the run was.
    load: [loadBefore, os.loadavg()[0]],
    byRule,
    fatal,
    stats: options.stats ? { parseMs, ruleMs } : undefined,
  })}\n`,
);
