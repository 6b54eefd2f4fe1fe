/**
 * One timed oxlint run for the `oxlint` bench suite, in its own process tree:
 *
 *   node bench/lib/oxlint-job.js --mode oxlint|oxlint-noop|oxlint-fleet --cwd <dir> --work <dir>
 *     [--plugin <plugin root>] [--findings <file>]
 *
 * - `oxlint`: oxlint alone (its default rules, no JS plugin);
 * - `oxlint-noop`: plus one JS plugin rule that visits every call and does nothing, i.e. the fixed
 *   cost of oxlint's JS plugin host (AST transfer, visitor dispatch) that any JS rule pays;
 * - `oxlint-fleet`: plus Fleet's `recommended` rules as a JS plugin.
 *
 * oxlint is started from the pinned Node (its launcher is a Node script that loads the native
 * linter and runs JS plugins in the same process). CPU time and peak RSS come from GNU `time`
 * when `/usr/bin/time` exists (they are `null` otherwise); wall time is measured here.
 * Prints one JSON line: { mode, wallMs, cpuMs, maxRssKiB, files, byRule, load }.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from './parse-args.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { options } = parseArgs(process.argv.slice(2));
const mode = String(options.mode);
const cwd = path.resolve(String(options.cwd));
const work = path.resolve(String(options.work));
const pluginRoot = typeof options.plugin === 'string' ? path.resolve(options.plugin) : root;

// The same rules as ESLint's `recommended` preset, read from the plugin under test.
const pluginEntry = path.join(pluginRoot, 'dist/src/index.js');
const FLEET_RULES = (await import(pathToFileURL(pluginEntry).href)).default.configs.recommended.rules;

const noopPlugin = path.join(work, 'noop-plugin.js');
const configs = {
  oxlint: {},
  'oxlint-noop': { jsPlugins: [noopPlugin], rules: { 'noop/visit-calls': 'error' } },
  'oxlint-fleet': { jsPlugins: [pluginEntry], rules: FLEET_RULES },
};
if (!(mode in configs)) throw new Error(`oxlint-job: unknown --mode ${mode} (${Object.keys(configs).join(', ')})`);
await writeFile(
  noopPlugin,
  "export default { meta: { name: 'noop' }, rules: { 'visit-calls': { create: () => ({ CallExpression() {} }) } } };\n",
);
const config = path.join(work, `${mode}.oxlintrc.json`);
await writeFile(config, `${JSON.stringify(configs[mode], null, 2)}\n`);

const targets = ['src', 'app', 'pages'].filter((dir) => existsSync(path.join(cwd, dir)));
const oxlint = path.join(root, 'node_modules/oxlint/bin/oxlint');
const args = [oxlint, '-c', config, '--format', 'json', ...targets];
const timed = existsSync('/usr/bin/time');
const statsFile = path.join(work, `${mode}.time`);
const loadBefore = os.loadavg()[0];
const started = performance.now();
const child = timed
  ? spawnSync('/usr/bin/time', ['-o', statsFile, '-f', '%U %S %M', process.execPath, ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    })
  : spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
const wallMs = performance.now() - started;
if (child.error) throw child.error;
if (child.status !== 0 && child.status !== 1) throw new Error(`oxlint exited ${String(child.status)}:\n${child.stderr.slice(-4000)}`);

let cpuMs = null;
let maxRssKiB = null;
if (timed) {
  const [user, system, rss] = (await readFile(statsFile, 'utf8')).trim().split('\n').pop().split(' ').map(Number);
  cpuMs = (user + system) * 1000;
  maxRssKiB = rss;
}
const { diagnostics, number_of_files: files } = JSON.parse(child.stdout);
const byRule = {};
const findings = [];
for (const diagnostic of diagnostics) {
  const ruleId = diagnostic.code.replace(/^([\w-]+)\((.*)\)$/, '$1/$2');
  byRule[ruleId] = (byRule[ruleId] ?? 0) + 1;
  if (ruleId.startsWith('fleet/')) findings.push({ file: diagnostic.filename, line: diagnostic.labels[0]?.span.line ?? 0, ruleId });
}
if (typeof options.findings === 'string') await writeFile(options.findings, JSON.stringify(findings));
process.stdout.write(
  `${JSON.stringify({ mode, wallMs, cpuMs, maxRssKiB, files: files ?? null, byRule, load: [loadBefore, os.loadavg()[0]] })}\n`,
);
