import type { TSESTree } from '@typescript-eslint/utils';

/** A function with a body a handler or a helper can be: arrow, declaration or expression. */
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
