/**
 * The `settings.fleet` a scan lints with. `fleet scan` does not load the project's ESLint config
 * (it lints with Fleet's rules only, the same way in every repository), so the documented escape
 * hatches (`handlers`, `handlerFiles`, `queues`, `workspaceSources`, `bundleSources`,
 * `serveFiles`, `manifest`, ...) are read from data in the scanned directory instead:
 *
 * 1. `--config <file>`: a JSON file holding the `settings.fleet` object;
 * 2. `fleet.config.json` in the scan root;
 * 3. the `fleet` key of the scan root's `package.json`.
 *
 * The first found wins; nothing is merged. JavaScript and TypeScript configs
 * (`fleet.config.js`/`.ts`, `eslint.config.*`) are never executed: a scan often runs on code its
 * user has not reviewed (a pull request from a fork, a repository being evaluated), and loading a
 * config file would run that code with the user's permissions. When such a file seems to hold
 * Fleet settings, a note says where to put them instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readRouteSettings } from '../route-settings.js';
import { readFleetSettings } from '../settings.js';
import { UsageError } from './command.js';

/** What {@link loadScanSettings} found. */
export interface ScanSettings {
  /** The `settings.fleet` object, validated; `undefined` when the project declares none. */
  readonly fleet: Record<string, unknown> | undefined;
  /** Where it came from, relative to the scan root (`fleet.config.json`, `package.json#fleet`). */
  readonly source: string | undefined;
  /** Notes for stderr (a JavaScript config that was not executed). */
  readonly notes: readonly string[];
}

const CODE_CONFIGS = ['fleet.config.js', 'fleet.config.mjs', 'fleet.config.cjs', 'fleet.config.ts', 'fleet.config.mts'];
const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts'];

function parseJson(file: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError(`fleet scan: ${label} is not valid JSON (${why}); fix it or remove it.`);
  }
}

function validate(fleet: unknown, label: string): Record<string, unknown> {
  if (typeof fleet !== 'object' || fleet === null || Array.isArray(fleet)) {
    throw new UsageError(
      `fleet scan: ${label} must hold an object of Fleet settings, e.g. { "workspaceSources": { "identifiers": ["projectPath"] } }.`,
    );
  }
  try {
    readFleetSettings(fleet);
    readRouteSettings(fleet);
  } catch (error) {
    throw new UsageError(`fleet scan: ${label}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return fleet as Record<string, unknown>;
}

/** Finds, reads and validates the scan's settings; throws {@link UsageError} on a bad file. */
export function loadScanSettings(root: string, configFile?: string): ScanSettings {
  const notes: string[] = [];
  if (configFile !== undefined) {
    const file = path.resolve(root, configFile);
    if (!existsSync(file))
      throw new UsageError(`fleet scan: --config ${configFile}: no such file; pass a JSON file holding the settings.fleet object.`);
    if (!file.endsWith('.json'))
      throw new UsageError(
        `fleet scan: --config ${configFile}: only JSON is read (a scan never executes configuration code); write the settings as JSON.`,
      );
    return { fleet: validate(parseJson(file, configFile), configFile), source: path.relative(root, file), notes };
  }
  const json = path.join(root, 'fleet.config.json');
  if (existsSync(json))
    return { fleet: validate(parseJson(json, 'fleet.config.json'), 'fleet.config.json'), source: 'fleet.config.json', notes };
  const pkg = path.join(root, 'package.json');
  if (existsSync(pkg)) {
    const manifest = parseJson(pkg, 'package.json');
    const fleet = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>)['fleet'] : undefined;
    if (fleet !== undefined) return { fleet: validate(fleet, 'package.json#fleet'), source: 'package.json#fleet', notes };
  }
  for (const name of [...CODE_CONFIGS, ...ESLINT_CONFIGS]) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    const mentionsFleet = CODE_CONFIGS.includes(name) || /\bfleet\s*:\s*\{/.test(readFileSync(file, 'utf8'));
    if (mentionsFleet)
      notes.push(
        `fleet scan: ${name} was not read (a scan never executes configuration code); put its settings.fleet object in fleet.config.json or package.json#fleet to use it here.`,
      );
  }
  return { fleet: undefined, source: undefined, notes };
}
