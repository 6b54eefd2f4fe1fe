import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields every Fleet rule declares (read by the presets and the docs generator). */
export interface FleetRuleDocs {
  /** In the `recommended` and `recommended-type-checked` presets. */
  recommended: boolean;
  /** True when the rule does nothing without type information; false when types only sharpen it. */
  requiresTypeChecking: boolean;
}

/**
 * Creates a Fleet rule with `meta.docs.url` pointing at `docs/rules/<name>.md` on GitHub.
 * Use as `createRule({ name, meta, defaultOptions, create })`.
 */
export const createRule = ESLintUtils.RuleCreator<FleetRuleDocs>(
  (name) => `https://github.com/fleet-dev/fleet/blob/main/docs/rules/${name}.md`,
);
