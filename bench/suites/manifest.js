import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { intOption } from '../lib/parse-args.js';
import { median, runNode } from '../lib/measure.js';

/**
 * The route manifest's parse, cold, in a fresh process per run (every lint process, editor
 * start-up and `fleet-runtime` server start pays it once): `parseManifest`, which reads the layout
 * Fleet writes without the YAML library, against the same validation through `yaml` alone, same
 * run, interleaved. The manifest is what `fleet routes --init` writes for `--routes N` routes
 * (default 2,000: the synthetic backend of the lint suite declares 2,175).
 *
 * Options: `--routes N` (2000), `--runs N` (5) cold processes per reader.
 */
export default {
  name: 'manifest',
  description: 'cold route-manifest parse per process: the canonical-layout reader vs the YAML library, same run',
  /** @param {{ root: string, workDir: string, options: Record<string, string | true>, log: (message: string) => void }} ctx see bench/run.js */
  async run({ root, workDir, options, log }) {
    const routes = intOption(options, 'routes', 2000);
    const runs = intOption(options, 'runs', 5);
    const { appendDeclarations } = await import(pathToFileURL(path.join(root, 'manifest/dist/index.js')).href);
    const declarations = [];
    for (let i = 0; declarations.length < routes; i += 1) {
      declarations.push(
        { method: '*', path: `/orders${i}/{*rest}`, role: 'fleet-ok' },
        { method: 'GET', path: `/api/orders${i}/{id}`, role: 'fleet-ok' },
        { method: 'POST', path: `/orders${i}/{id}/export`, role: 'ide-only', reason: 'exports are built from workspace files' },
        { method: 'DELETE', path: `/orders${i}`, role: 'ide-only', reason: 'unreviewed' },
      );
    }
    const dir = path.join(workDir, 'manifest');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'fleet.routes.yaml');
    const text = appendDeclarations('', declarations.slice(0, routes));
    await writeFile(file, text);
    const job = path.join(root, 'bench/lib/manifest-job.js');
    const load = os.loadavg()[0];
    const samples = { fleet: [], yaml: [] };
    for (let run = 0; run < runs; run += 1) {
      for (const reader of run % 2 === 0 ? ['fleet', 'yaml'] : ['yaml', 'fleet']) {
        const { result } = await runNode(job, ['--file', file, '--reader', reader]);
        samples[reader].push(result);
      }
    }
    const stat = (reader, key) => median(samples[reader].map((s) => s[key]));
    const result = {
      status: 'ok',
      date: new Date().toISOString(),
      node: process.version,
      routes,
      bytes: Buffer.byteLength(text),
      runs,
      load: [load, os.loadavg()[0]],
      medians: Object.fromEntries(
        ['fleet', 'yaml'].map((reader) => [
          reader,
          { firstMs: stat(reader, 'firstMs'), warmMs: stat(reader, 'warmMs'), heapGrowthMB: stat(reader, 'heapGrowthMB') },
        ]),
      ),
      samples,
    };
    result.ratioFirst = result.medians.yaml.firstMs / result.medians.fleet.firstMs;
    log(`${routes} routes, ${runs} cold processes per reader`);
    const row = (reader) => {
      const m = result.medians[reader];
      return `| ${reader === 'fleet' ? '`parseManifest` (canonical-layout reader)' : '`yaml` `parseDocument` alone'} | ${m.firstMs.toFixed(1)} | ${m.warmMs.toFixed(1)} | ${m.heapGrowthMB.toFixed(1)} |`;
    };
    const summary = [
      `Route manifest of ${routes} routes (${(result.bytes / 1024).toFixed(0)} KiB), ${runs} fresh processes per reader, interleaved; Node ${result.node}; load ${load.toFixed(1)}; ${result.date}`,
      '',
      '| reader | first parse ms (median) | warm parse ms (median of 10, median over runs) | heap growth MB, first parse |',
      '|---|---|---|---|',
      row('fleet'),
      row('yaml'),
      '',
      `- First parse: the YAML library takes ${result.ratioFirst.toFixed(2)}× as long as \`parseManifest\`.`,
    ].join('\n');
    return { ...result, summary };
  },
};
