/**
 * `eslint-plugin-fleet`: the plugin object (rules and presets) for ESLint flat config.
 * Loading it must stay cheap: no ts-morph, jscodeshift or CLI code is imported from here.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { packageInfo } from './package-info.js';

const pkg = packageInfo();

type FlatConfig = TSESLint.FlatConfig.Config;

const ruleIds = Object.keys(rules);

function severities(filter: (rule: (typeof rules)[string]) => boolean): Record<string, 'error'> {
  return Object.fromEntries(
    ruleIds.filter((id) => filter(rules[id]!)).map((id) => [`fleet/${id}`, 'error' as const]),
  );
}

function isRecommended(rule: (typeof rules)[string]): boolean {
  const docs = rule.meta.docs as { recommended?: unknown } | undefined;
  return Boolean(docs?.recommended);
}

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'fleet' },
  rules,
  configs: {} as Record<'recommended' | 'recommended-type-checked' | 'strict' | 'disable-type-checked', FlatConfig>,
};

plugin.configs = {
  /** Fleet's recommended rules; needs no type information. */
  recommended: {
    name: 'fleet/recommended',
    plugins: { fleet: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: severities(isRecommended),
  },
  /** The recommended rules with type information (typescript-eslint `projectService`), sharper on promises. */
  'recommended-type-checked': {
    name: 'fleet/recommended-type-checked',
    plugins: { fleet: plugin as unknown as TSESLint.FlatConfig.Plugin },
    languageOptions: { parserOptions: { projectService: true } },
    rules: severities(isRecommended),
  },
  /** Every Fleet rule. */
  strict: {
    name: 'fleet/strict',
    plugins: { fleet: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: severities(() => true),
  },
  /** Turns type information off again, e.g. for JavaScript files in a type-checked setup. */
  'disable-type-checked': {
    name: 'fleet/disable-type-checked',
    languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
  },
};

export default plugin;
