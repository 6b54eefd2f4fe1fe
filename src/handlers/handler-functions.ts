import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { FunctionNode } from './types.js';
import { memberName } from './member-name.js';
import { isFunction, resolveFunction } from './resolve-function.js';
import { unwrap } from './unwrap.js';
import { variableOf } from './variable-of.js';

/** `this.name` inside a class: the class's own method or function-valued field `name`. */
function classMember(member: TSESTree.MemberExpression): FunctionNode | undefined {
  const name = memberName(member);
  if (name === undefined) return undefined;
  let node: TSESTree.Node | undefined = member.parent;
  // Arrow functions keep the class's `this`; a plain function rebinds it.
  while (node && node.type !== AST_NODE_TYPES.ClassBody && !(node.type === AST_NODE_TYPES.FunctionExpression && node.parent.type !== AST_NODE_TYPES.MethodDefinition) && node.type !== AST_NODE_TYPES.FunctionDeclaration) node = node.parent;
  if (node?.type !== AST_NODE_TYPES.ClassBody) return undefined;
  for (const element of node.body) {
    if ((element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) || element.static || element.computed) continue;
    if (element.key.type !== AST_NODE_TYPES.Identifier || element.key.name !== name) continue;
    if (element.type === AST_NODE_TYPES.MethodDefinition) return element.kind === 'method' && element.value.type === AST_NODE_TYPES.FunctionExpression ? element.value : undefined;
    const value = element.value && unwrap(element.value);
    return isFunction(value) ? value : undefined;
  }
  return undefined;
}

/** The function a `const obj = { name() {} }` object literal in the same module holds for `obj.name`. */
function objectMethod(scopeManager: ScopeManager, member: TSESTree.MemberExpression): FunctionNode | undefined {
  const name = memberName(member);
  const object = unwrap(member.object);
  if (name === undefined || object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(scopeManager, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.parent.kind !== 'const' || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of init.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== name) continue;
    const value = unwrap(property.value);
    return isFunction(value) ? value : resolveFunction(scopeManager, value);
  }
  return undefined;
}

/**
 * The functions a registration argument runs per request: an inline function, a same-module
 * function named by an identifier, each element of an array, the function argument of a wrapper
 * call (`asyncHandler(fn)`, `catchAsync(async (req, res) => ...)`), `fn.bind(x)`, a method of a
 * same-module object literal (`controller.list`), or a method of the enclosing class (`this.list`). `skip` excludes values that are not handlers
 * (a mounted router).
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
      return fn ? [fn] : [];
    }
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? handlerFunctions(scopeManager, element, skip, depth + 1) : []));
    case AST_NODE_TYPES.MemberExpression: {
      const fn = node.object.type === AST_NODE_TYPES.ThisExpression ? classMember(node) : objectMethod(scopeManager, node);
      return fn ? [fn] : [];
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind') return handlerFunctions(scopeManager, callee.object, skip, depth + 1);
      // A wrapper's function arguments are the handler; a factory call with no function arguments
      // (`cors()`, `express.json()`) returns middleware we cannot see.
      return node.arguments.flatMap((arg) => {
        const inner = unwrap(arg);
        return isFunction(inner) || inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.ArrayExpression ? handlerFunctions(scopeManager, inner, skip, depth + 1) : [];
      });
    }
    default:
      return [];
  }
}
