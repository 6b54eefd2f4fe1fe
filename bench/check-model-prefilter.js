/**
 * Checks the handler model's two pre-filters on real code, every JS/TS file under the given
 * folders (found as `fleet scan` finds them). Needs `npm run build`.
 *
 * - `mayDetect` (`src/handlers/model.ts`): every file it skips is parsed anyway and run through
 *   every detector; any handler, external route or external handler found there is printed as
 *   MISSED.
 * - The registration pre-check (`registrationCandidates`, `src/handlers/registration-candidates.ts`,
 *   which lets `exportRegistrations` skip importers): every file that may register
 *   (`mayRegister`) is parsed as the full path parses it, its registrations of imported project
 *   values are read from its handler model, and each whose module the pre-check did not name is
 *   printed as MISSED-REGISTRATION. Modules resolve as in `fleet scan`, the folder as project root.
 *
 *   node bench/check-model-prefilter.js bench/.repos/* fixtures/apps
 *
 * Prints one line per folder and a total; exits 1 when either check misses anything.
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
const { mayRegister } = await load('handlers/export-registrations.js');
const { importRegistrations } = await load('handlers/import-registrations.js');
const { registrationCandidates } = await load('handlers/registration-candidates.js');
const { parseModule } = await load('modules/parse-module.js');
const { projectMounts } = await load('routes/project-mounts.js');

const settings = readFleetSettings(undefined);
const total = { files: 0, skipped: 0, unparsable: 0, missed: 0, mayRegister: 0, preChecked: 0, registrations: 0, missedRegistrations: 0 };

/** The registration pre-check against the full path's registrations of `file` (see the header). */
function checkRegistrations(file, text, projectRoot, counts) {
  if (!mayRegister(file, text, settings)) return;
  counts.mayRegister += 1;
  const resolve = (from, specifier) => projectMounts(projectRoot).resolve(from, specifier);
  let candidates;
  try {
    candidates = registrationCandidates(parseModule(file, text), (specifier) => resolve(file, specifier));
  } catch {
    return; // Does not parse: the pre-check answers "any module".
  }
  let ast;
  try {
    // As `export-registrations.ts` parses an importer.
    ast = parse(text, { filePath: file, range: true, loc: true, jsx: /x$/.test(file), comment: false, tokens: false });
  } catch {
    return;
  }
  counts.preChecked += 1;
  simpleTraverse(ast, { enter: () => undefined }, true);
  const model = getHandlerModel({ ast, scopeManager: analyze(ast, { sourceType: 'module' }), filename: file, settings, text });
  for (const registration of importRegistrations(file, path.relative(projectRoot, file), model, resolve)) {
    counts.registrations += 1;
    if (candidates.has(registration.file)) continue;
    counts.missedRegistrations += 1;
    console.log(`MISSED-REGISTRATION ${file}: ${registration.via} (module ${registration.file})`);
  }
}

for (const dir of process.argv.slice(2)) {
  const counts = {
    files: 0,
    skipped: 0,
    unparsable: 0,
    missed: 0,
    mayRegister: 0,
    preChecked: 0,
    registrations: 0,
    missedRegistrations: 0,
  };
  const projectRoot = path.resolve(dir);
  for (const file of discoverFiles(projectRoot).files) {
    counts.files += 1;
    const text = readFileSync(file, 'utf8');
    checkRegistrations(file, text, projectRoot, counts);
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
  console.log(`${dir}: ${line(counts)}`);
}
console.log(`total: ${line(total)}`);
process.exitCode = total.missed > 0 || total.missedRegistrations > 0 ? 1 : 0;

function line(counts) {
  return (
    `${counts.files} files, ${counts.skipped} skipped by the pre-filter, ${counts.unparsable} unparsable, ${counts.missed} with handlers; ` +
    `registration pre-check: ${counts.preChecked} of ${counts.mayRegister} files that may register checked, ` +
    `${counts.registrations} registrations of imports, ${counts.missedRegistrations} of their modules not named`
  );
}
