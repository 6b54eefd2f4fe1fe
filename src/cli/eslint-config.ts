/**
 * The flat config `fleet scan` lints with. It replaces the user's own ESLint config entirely
 * (`overrideConfigFile: true`), so a scan gives the same answer in every repository whatever
 * plugins or parsers that repository uses.
 */
import type { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { rules as fleetRules } from '../../rules/index.js';
import { handlersMarker } from './handlers-marker.js';

/** Glob (relative to the scan root) for every file `fleet scan` lints. */
export const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** How to build the scan config. */
export interface ScanConfigOptions {
  /** Rule ids without the `fleet/` prefix. */
  readonly ruleIds: readonly string[];
  /** Directory whose `tsconfig.json` files the project service should use; `undefined` = no types. */
  readonly typesRoot: string | undefined;
  /** The rule implementations, by id. Default: Fleet's rules (tests inject others). */
  readonly rules?: ScanRules;
  /** `settings.fleet` for every rule (from fleet.config.json / package.json#fleet). Default: none. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Also run the internal `fleet-scan/handlers` marker (the typed scan's first phase). Default `false`. */
  readonly markHandlers?: boolean;
  /**
   * With `typesRoot`: TypeScript programs to take types from instead of the project service
   * (the codemod passes the one program it analyses with, so a run builds one program, not two).
   */
  readonly programs?: readonly unknown[];
}

/**
 * The rules that read type information when it is there (they all work without it). A typed scan
 * gives types only to these, and only in the files whose handler model finds a handler: outside
 * handlers they report nothing, and handler detection itself is syntactic.
 */
export const TYPE_AWARE_RULE_IDS: readonly string[] = ['no-floating-work-in-handler'];

/** Rule implementations by id without prefix, as a plugin's `rules`. */
export type ScanRules = NonNullable<ESLint.Plugin['rules']>;

/**
 * Rule ids a scan runs when the user names none: the rules flagged `recommended` in their docs
 * (the same selection as the plugin's `recommended` preset), which need no per-project config.
 */
export function defaultRuleIds(): string[] {
  return Object.entries(fleetRules)
    .filter(([, rule]) => Boolean((rule.meta.docs as { recommended?: unknown } | undefined)?.recommended))
    .map(([id]) => id)
    .sort();
}

/** Every rule id Fleet ships, for validating `--rule`. */
export function knownRuleIds(): string[] {
  return Object.keys(fleetRules).sort();
}

/** Builds the override config for one ESLint instance. */
export function buildScanConfig(options: ScanConfigOptions): Linter.Config[] {
  const plugin: ESLint.Plugin = {
    meta: { name: 'eslint-plugin-fleet' },
    rules: options.rules ?? (fleetRules as unknown as ScanRules),
  };
  const parserOptions: Linter.ParserOptions = { ecmaFeatures: { jsx: true } };
  if (options.typesRoot !== undefined && options.programs !== undefined) {
    parserOptions['programs'] = options.programs;
  } else if (options.typesRoot !== undefined) {
    parserOptions['projectService'] = true;
    parserOptions['tsconfigRootDir'] = options.typesRoot;
  }
  return [
    {
      name: 'fleet-scan/base',
      files: [SOURCE_GLOB],
      plugins: { fleet: plugin, ...(options.markHandlers ? { 'fleet-scan': { rules: { handlers: handlersMarker } } } : {}) },
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', parserOptions },
      linterOptions: {
        // The user's directives name rules of their own config, which a scan does not load:
        // complaining about them would bury the Fleet findings.
        reportUnusedDisableDirectives: 'off',
        reportUnusedInlineConfigs: 'off',
      },
      rules: {
        ...Object.fromEntries(options.ruleIds.map((id) => [`fleet/${id}`, 'error' as const])),
        ...(options.markHandlers ? { 'fleet-scan/handlers': 'warn' as const } : {}),
      },
      ...(options.settings ? { settings: { fleet: options.settings } } : {}),
    },
    { name: 'fleet-scan/commonjs', files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
}
