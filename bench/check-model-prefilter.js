/**
 * Checks the handler model's pre-filter (`mayDetect` in `src/handlers/model.ts`) on real code:
 * every JS/TS file under the given folders (found as `fleet scan` finds them) that the pre-filter
 * skips is parsed anyway and run through every detector; any handler, external route or external
 * handler found there is printed as MISSED. Needs `npm run build`.
 *
 *   node bench/check-model-prefilter.js bench/.repos/* fixtures/apps
 *
 * Prints one line per folder and a total; exits 1 when a skipped file holds anything.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(pathToFileURL(path.join(root, 'dist/src', file)).href);
const { mayDetect, getHandlerModel } = await load('handlers/model.js');
const { readFleetSettings } = await load('settings.js');
const { discoverFiles } = await load('cli/files.js');

const settings = readFleetSettings(undefined);
const total = { files: 0, skipped: 0, unparsable: 0, missed: 0 };
for (const dir of process.argv.slice(2)) {
  const counts = { files: 0, skipped: 0, unparsable: 0, missed: 0 };
  for (const file of discoverFiles(path.resolve(dir)).files) {
    counts.files += 1;
    const text = readFileSync(file, 'utf8');
    if (mayDetect(file, text, settings)) continue;
    counts.skipped += 1;
    let ast;
    try {
      ast = parse(text, { filePath: file, range: true, loc: true, jsx: !/\.[cm]?ts$/.test(file), comment: false, tokens: false });
    } catch {
      counts.unparsable += 1;
      continue;
    }
    simpleTraverse(ast, { enter: () => undefined }, true);
    const model = getHandlerModel({ ast, scopeManager: analyze(ast, { sourceType: 'module' }), filename: file, settings, text });
    const found = model.handlers.length + model.externalRoutes.length + model.externalHandlers.length;
    if (found === 0) continue;
    counts.missed += 1;
    console.log(
      `MISSED ${file}: ${model.handlers.map((handler) => handler.label).join(', ')} (+${found - model.handlers.length} external)`,
    );
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  console.log(
    `${dir}: ${counts.files} files, ${counts.skipped} skipped by the pre-filter, ${counts.unparsable} unparsable, ${counts.missed} with handlers`,
  );
}
console.log(
  `total: ${total.files} files, ${total.skipped} skipped by the pre-filter, ${total.unparsable} unparsable, ${total.missed} with handlers`,
);
process.exitCode = total.missed > 0 ? 1 : 0;
