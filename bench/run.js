#!/usr/bin/env node
/**
 * Fleet's benchmark runner: `npm run bench [-- <suite>... [--option value]...]`.
 *
 *   npm run bench                  every suite, in name order
 *   npm run bench -- lint          one suite (several names allowed: `-- lint real`)
 *   npm run bench -- lint --runs 5 options after the names go to every selected suite
 *   npm run bench -- --list        list the suites and exit
 *
 * ## Adding a suite (the contract)
 * A suite is a file `bench/suites/<name>.js` (plain ESM JavaScript, run by the pinned Node 24)
 * whose default export is
 *
 *   {
 *     name: '<name>',               // must equal the file name; used on the command line
 *     description: 'one line',      // shown by --list
 *     async run(ctx) { return result },
 *   }
 *
 * `ctx` is `{ root, workDir, options, log }`:
 * - `root`: absolute path of the repository root;
 * - `workDir`: `bench/.work/<name>/`, created empty-or-existing, gitignored, the suite's scratch space;
 * - `options`: the `--key value` / `--flag` options after the suite names (`{ runs: '5', quick: true }`;
 *   values are strings, bare flags are `true`); a suite ignores options it does not know;
 * - `log(message)`: progress line on stderr, prefixed with the suite name.
 *
 * `run` returns a JSON-serialisable object. It should contain `status: 'ok' | 'skipped'` and, when
 * skipped, a `reason` saying what to do (e.g. which repositories to fetch). The runner writes it to
 * `bench/.work/results/<name>.json` and prints the suite's `summary` string (if any) on stdout.
 * A suite that throws fails the run (exit 1); the other selected suites still run.
 * Suites run one after another, never in parallel, so their timings do not disturb each other.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from './lib/parse-args.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const suitesDir = path.join(benchDir, 'suites');

async function discoverSuites() {
  const names = (await readdir(suitesDir)).filter((f) => f.endsWith('.js')).sort();
  const suites = [];
  for (const file of names) {
    const mod = await import(pathToFileURL(path.join(suitesDir, file)).href);
    const suite = mod.default;
    const expected = file.slice(0, -'.js'.length);
    if (!suite || typeof suite.run !== 'function' || suite.name !== expected) {
      throw new Error(
        `bench/suites/${file}: the default export must be { name: '${expected}', description, run(ctx) } (see bench/run.js).`,
      );
    }
    suites.push(suite);
  }
  return suites;
}

async function main() {
  const { positionals, options } = parseArgs(process.argv.slice(2));
  const suites = await discoverSuites();
  if (options.list) {
    for (const s of suites) process.stdout.write(`${s.name.padEnd(12)} ${s.description ?? ''}\n`);
    return 0;
  }
  const unknown = positionals.filter((n) => !suites.some((s) => s.name === n));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: unknown suite ${unknown.map((n) => `'${n}'`).join(', ')}; available: ${suites.map((s) => s.name).join(', ')}.\n`,
    );
    return 2;
  }
  const selected = positionals.length > 0 ? suites.filter((s) => positionals.includes(s.name)) : suites;
  const resultsDir = path.join(benchDir, '.work', 'results');
  await mkdir(resultsDir, { recursive: true });
  let failed = 0;
  for (const suite of selected) {
    const workDir = path.join(benchDir, '.work', suite.name);
    await mkdir(workDir, { recursive: true });
    const log = (message) => process.stderr.write(`[${suite.name}] ${message}\n`);
    const started = performance.now();
    try {
      const result = await suite.run({ root, workDir, options, log });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      await writeFile(path.join(resultsDir, `${suite.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
      if (result?.status === 'skipped') {
        process.stdout.write(`\n## ${suite.name}: skipped — ${result.reason}\n`);
      } else {
        process.stdout.write(`\n## ${suite.name} (${seconds} s)\n${result?.summary ?? ''}\n`);
      }
      log(`results in ${path.relative(root, path.join(resultsDir, `${suite.name}.json`))}`);
    } catch (error) {
      failed += 1;
      process.stderr.write(`[${suite.name}] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
