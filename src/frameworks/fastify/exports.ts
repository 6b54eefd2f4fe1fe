import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../handlers/types.js';
import { isFunction } from '../../ast/resolve-function.js';
import { unwrap } from '../../ast/unwrap.js';

/** First-parameter names of fastify-autoload style plugins. */
const ALWAYS = new Set(['fastify', 'instance', 'fastifyInstance']);
/** Names also used by Express route modules; taken only with a fastify import or an `opts` second parameter. */
const AMBIGUOUS = new Set(['app', 'server']);

function exported(ast: TSESTree.Program): FunctionNode[] {
  const found: FunctionNode[] = [];
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && isFunction(statement.declaration)) found.push(statement.declaration);
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression)
      continue;
    const { left, right } = statement.expression;
    const value = unwrap(right);
    const isModuleExports =
      left.type === AST_NODE_TYPES.MemberExpression &&
      left.object.type === AST_NODE_TYPES.Identifier &&
      left.object.name === 'module' &&
      left.property.type === AST_NODE_TYPES.Identifier &&
      left.property.name === 'exports';
    if (isModuleExports && isFunction(value)) found.push(value);
  }
  return found;
}

/**
 * The text test for `fastifyExportSeeds` without a `fastify` word in the module: an exported
 * function whose first parameter is `instance` or `fastifyInstance`, or `app` / `server` with an
 * `opt…` second parameter (`fastify` itself is a word the framework's pre-filter already takes).
 */
export function mayExportPlugin(text: string): boolean {
  return (
    text.includes('export') && (/\b(?:instance|fastifyInstance)\b/.test(text) || (/\b(?:app|server)\b/.test(text) && /\bopt/.test(text)))
  );
}

/**
 * Default-exported functions that look like fastify-autoload plugins: `export default async
 * function (fastify, opts)` or `module.exports = async function (fastify, opts)`.
 */
export function fastifyExportSeeds(ast: TSESTree.Program, importsFastify: boolean): { fn: FunctionNode; name: string }[] {
  return exported(ast).flatMap((fn) => {
    const [first, second] = fn.params;
    if (first?.type !== AST_NODE_TYPES.Identifier) return [];
    const opts = second?.type === AST_NODE_TYPES.Identifier && /^opt/.test(second.name);
    const matches = ALWAYS.has(first.name) || (AMBIGUOUS.has(first.name) && (importsFastify || opts));
    return matches ? [{ fn, name: first.name }] : [];
  });
}
