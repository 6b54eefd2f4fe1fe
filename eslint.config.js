// We lint ourselves: typescript-eslint strict-type-checked, eslint-plugin-eslint-plugin for the
// rules, and Fleet's own rules (loaded from the build, so `npm run lint` builds first).
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';
import fleet from './dist/src/index.js';

// One convention for AST node types (CONTRIBUTING.md): `AST_NODE_TYPES.CallExpression`, never the
// raw string, so a typo is a type error and every comparison can be found by reference.
const NODE_TYPE = `/^(${Object.values(AST_NODE_TYPES).join('|')})$/`;
const RAW_NODE_TYPE = 'Compare AST node types with `AST_NODE_TYPES.X` from @typescript-eslint/utils, not a raw string (CONTRIBUTING.md).';

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
      // AST node types are string enums compared with `AST_NODE_TYPES.X` (enforced below).
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: `BinaryExpression[operator=/^[!=]==?$/] > Literal[value=${NODE_TYPE}]`, message: RAW_NODE_TYPE },
        { selector: `SwitchCase > Literal[value=${NODE_TYPE}]`, message: RAW_NODE_TYPE },
      ],
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
