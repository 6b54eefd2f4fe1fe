/**
 * One cold manifest parse, in its own process (as every lint process, editor start-up and server
 * start pays it once):
 *
 *   node bench/lib/manifest-job.js --file <fleet.routes.yaml> --reader fleet|yaml
 *
 * `fleet`: `parseManifest` (the layout Fleet writes is read without the YAML library);
 * `yaml`: the same validation through `yaml`'s `parseDocument` alone (`parseManifestYaml`).
 * Prints one JSON line: { reader, declarations, firstMs, warmMs, allocatedMB }, where `firstMs`
 * is the first call (modules loaded, code not yet optimised) and `warmMs` the median of 10 more.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from './parse-args.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { options } = parseArgs(process.argv.slice(2));
const reader = String(options.reader);
const module = await import(pathToFileURL(path.join(root, 'manifest/dist/parse-manifest/parse-manifest.js')).href);
const parse = { fleet: module.parseManifest, yaml: module.parseManifestYaml }[reader];
if (!parse) throw new Error(`manifest-job: --reader must be fleet or yaml, got '${reader}'.`);
const source = readFileSync(String(options.file), 'utf8');

const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
const result = parse(source, 'fleet.routes.yaml');
const firstMs = performance.now() - started;
const heapAfter = process.memoryUsage().heapUsed;
if (!result.ok) throw result.error;
const warm = [];
for (let i = 0; i < 10; i += 1) {
  started = performance.now();
  parse(source, 'fleet.routes.yaml');
  warm.push(performance.now() - started);
}
warm.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({ reader, declarations: result.manifest.declarations.length, firstMs, warmMs: warm[5], heapGrowthMB: (heapAfter - heapBefore) / 1e6 })}\n`,
);
