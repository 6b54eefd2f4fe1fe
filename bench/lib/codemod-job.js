/**
 * One timed run for the codemod benchmark, in a fresh process (cold): `--mode scan` (typed
 * `fleet scan`, the rule only), `codemod` (`fleet codemod spawn-to-taskspec --dry`), or
 * `jscodeshift` (a no-op transform: parse and print every file with jscodeshift's tsx parser).
 * Prints one JSON line: { ms, cpuMs, maxRssKiB, files, ... }.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from './parse-args.js';

const { options } = parseArgs(process.argv.slice(2));
const dir = String(options.cwd);
const plugin = String(options.plugin);
const started = performance.now();
const cpu = process.cpuUsage();
let extra = {};
const sink = { write: () => true };
if (options.mode === 'jscodeshift') {
  const { discoverFiles } = await import(pathToFileURL(path.join(plugin, 'dist/src/cli/files.js')).href);
  const { default: jscodeshift } = await import('jscodeshift');
  const j = jscodeshift.withParser('tsx');
  const { files } = discoverFiles(dir);
  let failed = 0;
  for (const file of files) {
    try {
      j(readFileSync(file, 'utf8')).toSource();
    } catch {
      failed += 1;
    }
  }
  extra = { files: files.length, failed };
} else {
  const { main } = await import(pathToFileURL(path.join(plugin, 'dist/src/cli/main.js')).href);
  let stdout = '';
  const io = { cwd: dir, stdout: { write: (text) => (stdout += text) }, stderr: sink };
  const argv =
    options.mode === 'scan'
      ? ['scan', dir, '--rule', 'no-floating-work-in-handler', '--format', 'json']
      : ['codemod', 'spawn-to-taskspec', dir, '--dry', '--format', 'json', '--fail-on', 'none'];
  const code = await main(argv, io);
  if (options.mode === 'scan') {
    const results = JSON.parse(stdout);
    extra = { code, files: results.length, findings: results.reduce((sum, result) => sum + result.messages.length, 0) };
  } else {
    const report = JSON.parse(stdout);
    extra = { code, files: report.files.length, summary: report.summary, timings: report.timings, topBails: topReasons(report.sites) };
  }
}
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS, ...extra })}\n`,
);

function topReasons(sites) {
  const counts = {};
  for (const site of sites) if (site.reason) counts[site.reason] = (counts[site.reason] ?? 0) + 1;
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
}
