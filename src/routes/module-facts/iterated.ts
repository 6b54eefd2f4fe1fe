/**
 * The values a mount argument stands for when it is not one object but each element of a list:
 * `for (const r of [users, teams]) app.use(r.routes())`, `[users, teams].forEach((r) => app.use(r))`,
 * `app.use(...routers)` with `const routers = [users, teams]`, `Object.values({ users, teams })`.
 * Only lists written out in the module are followed; anything else stays one (unknown) value.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

const ITERATING = new Set(['forEach', 'map', 'flatMap']);
const MAX_DEPTH = 4;

/** The enclosing statements' `const name = <init>` closest to `node`, else `undefined`. */
function constInit(node: TSESTree.Node, name: string): TSESTree.Expression | undefined {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (scope.type !== AST_NODE_TYPES.Program && scope.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of scope.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init) return declarator.init;
      }
    }
  }
  return undefined;
}

/** The elements of a list expression written out in the module, spreads flattened; `undefined` when it is not one. */
export function listElements(node: TSESTree.Node, depth = 0): TSESTree.Node[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(target, target.name);
    return init === undefined ? undefined : listElements(init, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    const elements: TSESTree.Node[] = [];
    for (const element of target.elements) {
      if (element === null) continue;
      if (element.type !== AST_NODE_TYPES.SpreadElement) elements.push(element);
      else {
        const spread = listElements(element.argument, depth + 1);
        if (spread === undefined) return undefined;
        elements.push(...spread);
      }
    }
    return elements;
  }
  // `Object.values({ users, teams })`.
  if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression && !target.callee.computed) {
    const { object, property } = target.callee;
    const [argument] = target.arguments;
    if (
      object.type === AST_NODE_TYPES.Identifier &&
      object.name === 'Object' &&
      property.type === AST_NODE_TYPES.Identifier &&
      property.name === 'values' &&
      argument?.type === AST_NODE_TYPES.ObjectExpression
    ) {
      const values: TSESTree.Node[] = [];
      for (const item of argument.properties) {
        if (item.type !== AST_NODE_TYPES.Property) return undefined;
        values.push(item.value);
      }
      return values;
    }
  }
  return undefined;
}

/**
 * The list an identifier iterates over when it is a loop variable or the element parameter of a
 * `forEach`/`map` callback: its elements, else `undefined`.
 */
export function iteratedElements(identifier: TSESTree.Identifier): TSESTree.Node[] | undefined {
  for (let node: TSESTree.Node | undefined = identifier.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ForOfStatement && node.left.type === AST_NODE_TYPES.VariableDeclaration) {
      const [declarator] = node.left.declarations;
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === identifier.name) return listElements(node.right);
    }
    if (
      node.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      node.type !== AST_NODE_TYPES.FunctionExpression &&
      node.type !== AST_NODE_TYPES.FunctionDeclaration
    )
      continue;
    const index = node.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === identifier.name);
    if (index === -1) continue;
    const call = node.parent;
    if (
      index !== 0 ||
      node.type === AST_NODE_TYPES.FunctionDeclaration ||
      call.type !== AST_NODE_TYPES.CallExpression ||
      call.arguments[0] !== node
    )
      return undefined;
    const callee = unwrap(call.callee);
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.computed ||
      callee.property.type !== AST_NODE_TYPES.Identifier ||
      !ITERATING.has(callee.property.name)
    )
      return undefined;
    return listElements(callee.object);
  }
  return undefined;
}
