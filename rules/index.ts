import type { TSESLint } from '@typescript-eslint/utils';

/** Every Fleet rule, by id (without the `fleet/` prefix). */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {};
