import { ESLintUtils } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';

/** Extra `meta.docs` fields every Fleet rule declares (read by the presets and the docs generator). */
export interface FleetRuleDocs {
  /** In the `recommended` and `recommended-type-checked` presets. */
  recommended: boolean;
  /** True when the rule does nothing without type information; false when types only sharpen it. */
  requiresTypeChecking: boolean;
}

const creator = ESLintUtils.RuleCreator<FleetRuleDocs>((name) => `https://github.com/fleet-dev/fleet/blob/main/docs/rules/${name}.md`);

/**
 * Creates a Fleet rule with `meta.docs.url` pointing at `docs/rules/<name>.md` on GitHub.
 * Use as `createRule({ name, meta, create })`, defaults in `meta.defaultOptions`.
 *
 * The plugin depends on `@typescript-eslint/utils` `^8.40.0`, so npm reuses the user's copy;
 * before 8.56 its `RuleCreator` read defaults only from a top-level `defaultOptions` (and crashed
 * in `applyDefault` without one), so they are handed over in both places.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, FleetRuleDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, FleetRuleDocs> {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- read by @typescript-eslint/utils < 8.56 (see above)
  return creator({ ...rule, defaultOptions: rule.meta.defaultOptions ?? ([] as unknown as Options) });
}
