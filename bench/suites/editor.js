import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { intOption } from '../lib/parse-args.js';
import { median } from '../lib/measure.js';

/**
 * The editor case (issue 7): one long-lived ESLint instance, as an editor's language server keeps,
 * re-linting one file after warm-up. For every source file of the sample apps in `fixtures/apps`,
 * times `lintFiles([file])` with the parser alone and with `recommended` (no type information),
 * in the same process, interleaved. Reports the median and 90th percentile per mode.
 *
 * Options: `--warmup N` (default 10) untimed lints per file, `--samples N` (20) timed lints per file.
 */
export default {
  name: 'editor',
  description: 'warm single-file lint in one long-lived ESLint instance: parser alone vs recommended, per sample-app file',
  /** @param {{ root: string, options: Record<string, string | true>, log: (message: string) => void }} ctx see bench/run.js */
  async run({ root, options, log }) {
    const warmup = intOption(options, 'warmup', 10);
    const samples = intOption(options, 'samples', 20);
    const { ESLint } = await import('eslint');
    const tsParser = (await import('@typescript-eslint/parser')).default;
    const fleet = (await import(pathToFileURL(path.join(root, 'dist/src/index.js')).href)).default;
    const appsDir = path.join(root, 'fixtures/apps');
    const files = [];
    for (const entry of await readdir(appsDir, { recursive: true })) {
      if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts') && !entry.includes('node_modules')) files.push(path.join(appsDir, entry));
    }
    const modes = {
      parser: new ESLint({
        cwd: appsDir,
        overrideConfigFile: true,
        overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } }],
      }),
      recommended: new ESLint({ cwd: appsDir, overrideConfigFile: true, overrideConfig: [fleet.configs.recommended] }),
    };
    const times = { parser: [], recommended: [] };
    const load = os.loadavg()[0];
    for (const file of files) {
      for (const [mode, eslint] of Object.entries(modes)) {
        for (let i = 0; i < warmup; i += 1) await eslint.lintFiles([file]);
      }
      for (let i = 0; i < samples; i += 1) {
        for (const [mode, eslint] of Object.entries(modes)) {
          const started = performance.now();
          await eslint.lintFiles([file]);
          times[mode].push(performance.now() - started);
        }
      }
    }
    const p90 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)];
    const result = {
      status: 'ok',
      date: new Date().toISOString(),
      node: process.version,
      files: files.length,
      samples,
      load: [load, os.loadavg()[0]],
      medianMs: { parser: median(times.parser), recommended: median(times.recommended) },
      p90Ms: { parser: p90(times.parser), recommended: p90(times.recommended) },
    };
    log(`${files.length} files, ${samples} samples each`);
    const summary = [
      `Warm single-file lint, one long-lived ESLint instance, ${files.length} sample-app files × ${samples} samples; Node ${result.node}; load ${load.toFixed(1)}; ${result.date}`,
      '',
      '| mode | median ms | p90 ms |',
      '|---|---|---|',
      ...Object.keys(times).map((mode) => `| ${mode} | ${result.medianMs[mode].toFixed(1)} | ${result.p90Ms[mode].toFixed(1)} |`),
    ].join('\n');
    return { ...result, summary };
  },
};
