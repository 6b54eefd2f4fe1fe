/** Naming units (see `../facts.ts`) from AST nodes, the same way on the route side and the mount side. */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import { paramUnit } from '../facts.js';
import { thisMemberUnit } from './class-units.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** Whether `node` is a function. */
export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * The unit of a function: its declared name, or the `const` it is assigned to (also through
 * wrapper calls such as `fp(async (app) => {})`), else a name from its offset.
 */
export function functionUnit(fn: FunctionNode): string {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return fn.id.name;
  let node: TSESTree.Node = fn;
  // `parent` is typed as always present, but the Program's is not.
  let parent = node.parent as TSESTree.Node | undefined;
  while (
    parent &&
    ((parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    node = parent;
    parent = node.parent;
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier)
    return parent.id.name;
  return `#fn@${fn.range[0]}`;
}

/** The function declaring a parameter named `name` around `node`, with the parameter's index. */
function parameterOwner(node: TSESTree.Node, name: string): { fn: FunctionNode; index: number } | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const index = current.params.findIndex((param) => {
      const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      return target.type === AST_NODE_TYPES.Identifier && target.name === name;
    });
    if (index !== -1) return { fn: current, index };
  }
  return undefined;
}

/**
 * The unit a receiver expression stands for: `router` (a variable), `app` inside
 * `function routes(app)` (`routes@0`), the variable a creation chain is assigned to
 * (`const app = new Hono().get(...)`), through call chains (`app.route('/x').get()`), a class
 * property (`this.router` in `class ApiRouter` → `ApiRouter#router`). `undefined` for anything else.
 */
export function unitOfExpression(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const owner = parameterOwner(target, target.name);
    return owner ? paramUnit(functionUnit(owner.fn), owner.index) : target.name;
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) return thisMemberUnit(target);
  if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression)
    return unitOfExpression(target.callee.object);
  if (target.type === AST_NODE_TYPES.NewExpression || target.type === AST_NODE_TYPES.CallExpression) return unitOfCreation(target);
  return undefined;
}

/** The unit of a creation chain written as a statement of its own, named from its offset. */
export function statementUnit(statement: TSESTree.ExpressionStatement): string {
  return `#statement@${statement.range[0]}`;
}

/** `const x = <creation>.a().b()`: the variable a creation chain ends in (or the statement it is). */
export function unitOfCreation(creation: TSESTree.Node): string | undefined {
  let node: TSESTree.Node = creation;
  for (;;) {
    const parent = node.parent;
    if (!parent) return undefined;
    if (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === node &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    ) {
      node = parent.parent;
    } else if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression
    ) {
      node = parent;
    } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
      return parent.id.name;
    } else if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      return '#default';
    } else if (parent.type === AST_NODE_TYPES.ExpressionStatement) {
      // `new Elysia().use(users).listen(3000);`: an app never named.
      return statementUnit(parent);
    } else {
      return undefined;
    }
  }
}
