import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { FunctionNode } from './types.js';
import { memberName } from '../ast/member-name.js';
import { memberFunction } from './member-function.js';
import { isFunction, resolveFunction } from '../ast/resolve-function.js';
import { unwrap } from '../ast/unwrap.js';
import { variableOf } from '../ast/variable-of.js';

/** The array literal a `const` holds (`const middlewares = [auth, audit]`), else `undefined`. */
export function constArray(variable: Variable | undefined): TSESTree.ArrayExpression | undefined {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  if (def.parent.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  return init.type === AST_NODE_TYPES.ArrayExpression ? init : undefined;
}

/**
 * The functions a registration argument runs per request: an inline function, a same-module
 * function named by an identifier, each element of an array (spread too: `...middlewares` of a
 * `const middlewares = [auth, audit]`), the function argument of a wrapper
 * call (`asyncHandler(fn)`, `catchAsync(async (req, res) => ...)`), `fn.bind(x)`, or a method of
 * a same-module object literal, class instance or the enclosing class (`controller.list`,
 * `this.list`; see `memberFunction`). `skip` excludes values that are not handlers (a mounted router).
 */
export function handlerFunctions(
  scopeManager: ScopeManager,
  argument: TSESTree.Node,
  skip: (node: TSESTree.Node) => boolean = () => false,
  depth = 0,
): FunctionNode[] {
  const node = unwrap(argument);
  if (depth > 3 || skip(node)) return [];
  if (isFunction(node)) return [node];
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const fn = resolveFunction(scopeManager, node);
      if (fn) return [fn];
      const list = constArray(variableOf(scopeManager, node));
      return list ? handlerFunctions(scopeManager, list, skip, depth + 1) : [];
    }
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.flatMap((element) => (element ? handlerFunctions(scopeManager, element, skip, depth + 1) : []));
    case AST_NODE_TYPES.SpreadElement: {
      // A list (`...guards`, `...[auth]`), not a computed one (`...handlers.map((h) => wrap(h))`:
      // the callback is no handler).
      const list = unwrap(node.argument);
      return list.type === AST_NODE_TYPES.Identifier || list.type === AST_NODE_TYPES.ArrayExpression
        ? handlerFunctions(scopeManager, list, skip, depth + 1)
        : [];
    }
    case AST_NODE_TYPES.MemberExpression: {
      const member = memberFunction(scopeManager, node);
      return member ? [member.fn] : [];
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind')
        return handlerFunctions(scopeManager, callee.object, skip, depth + 1);
      // A wrapper's function arguments are the handler; a factory call with no function arguments
      // (`cors()`, `express.json()`) returns middleware we cannot see.
      return node.arguments.flatMap((arg) => {
        const inner = unwrap(arg);
        return isFunction(inner) || inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.ArrayExpression
          ? handlerFunctions(scopeManager, inner, skip, depth + 1)
          : [];
      });
    }
    default:
      return [];
  }
}

/**
 * The elements of a registration argument that is a list of handlers: an array literal, a spread
 * of one or of a `const` array (`...guards`), or a `const` array named directly; nested lists are
 * flattened. `undefined` for any other argument.
 */
export function listElements(scopeManager: ScopeManager, argument: TSESTree.Node, depth = 0): TSESTree.Node[] | undefined {
  let node = unwrap(argument);
  if (node.type === AST_NODE_TYPES.SpreadElement) node = unwrap(node.argument);
  if (node.type === AST_NODE_TYPES.Identifier) node = constArray(variableOf(scopeManager, node)) ?? node;
  if (node.type !== AST_NODE_TYPES.ArrayExpression || depth > 3) return undefined;
  return node.elements.flatMap((element) => (element ? (listElements(scopeManager, element, depth + 1) ?? [element]) : []));
}
