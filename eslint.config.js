// We lint ourselves: typescript-eslint strict-type-checked, eslint-plugin-eslint-plugin for the
// rules, and Fleet's own rules (loaded from the build, so `npm run lint` builds first).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';
import fleet from './dist/src/index.js';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      'fixtures/**',
      'bench/.work/**',
      'bench/.repos/**',
      'coverage/**',
      'test/fixtures/**',
      '**/__testfixtures__/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // AST node types are string enums; `node.type === 'Identifier'` narrows the TSESTree
      // union exactly as `AST_NODE_TYPES.Identifier` does, so the comparison is type-safe.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['**/*.ts'],
    ...fleet.configs.recommended,
  },
);
