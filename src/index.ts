/**
 * `eslint-plugin-fleet`: the plugin object (rules and presets) for ESLint flat config.
 * Loading it must stay cheap: no ts-morph, jscodeshift or CLI code is imported from here.
 */
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { packageInfo } from './package-info.js';

const pkg = packageInfo();

type FlatConfig = TSESLint.FlatConfig.Config;

// The module exports only the plugin: eslint-doc-generator (and `require(esm)` users) read the
// default export only when it is the sole export.

/** Every file extension the presets lint: Fleet's rules work on JavaScript and TypeScript alike. */
const PRESET_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
/** The files `recommended-type-checked` asks the TypeScript project service about. */
const TYPED_FILES = ['**/*.{ts,mts,cts,tsx}'];

const ruleIds = Object.keys(rules);

function severities(filter: (rule: (typeof rules)[string]) => boolean): Record<string, 'error'> {
  return Object.fromEntries(ruleIds.filter((id) => filter(rules[id]!)).map((id) => [`fleet/${id}`, 'error' as const]));
}

function isRecommended(rule: (typeof rules)[string]): boolean {
  const docs = rule.meta.docs as { recommended?: unknown } | undefined;
  return Boolean(docs?.recommended);
}

interface Presets {
  /** Fleet's recommended rules on every JS/TS file; needs no type information. */
  recommended: FlatConfig;
  /** The recommended rules, with the project service giving type information to TypeScript files. */
  'recommended-type-checked': FlatConfig[];
  /** Every Fleet rule on every JS/TS file. */
  strict: FlatConfig;
  /** Turns type information off again, e.g. for JavaScript files in a type-checked setup. */
  'disable-type-checked': FlatConfig;
}

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'fleet' },
  rules,
  configs: {} as Presets,
};

/**
 * A self-sufficient preset: it names the files it applies to (flat config lints `.ts` only when
 * some config names it) and sets typescript-eslint's parser for them, so it works pasted alone
 * into a fresh project, and composes with typescript-eslint's presets (same parser, later wins).
 * `jsx` only affects JavaScript files: TypeScript files take JSX from their extension.
 */
function preset(name: string, presetRules: Record<string, 'error'>): FlatConfig {
  return {
    name,
    files: PRESET_FILES,
    plugins: { fleet: plugin as unknown as TSESLint.FlatConfig.Plugin },
    languageOptions: {
      parser: tsParser as unknown as TSESLint.FlatConfig.Parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: presetRules,
  };
}

plugin.configs = {
  recommended: preset('fleet/recommended', severities(isRecommended)),
  // An array, like typescript-eslint's presets: type information is configured for TypeScript
  // files only, so JavaScript files outside every tsconfig lint in syntactic mode instead of
  // failing with "not found by the project service".
  'recommended-type-checked': [
    preset('fleet/recommended-type-checked', severities(isRecommended)),
    {
      name: 'fleet/recommended-type-checked/type-information',
      files: TYPED_FILES,
      languageOptions: { parserOptions: { projectService: true } },
    },
  ],
  strict: preset(
    'fleet/strict',
    severities(() => true),
  ),
  'disable-type-checked': {
    name: 'fleet/disable-type-checked',
    languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
  },
};

export default plugin;
