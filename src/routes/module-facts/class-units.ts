/**
 * Units of class properties: `this.router` inside `class ApiRouter` is the unit `ApiRouter#router`,
 * wherever the class's methods (and arrow functions in them) use it. A router kept in a property
 * and mounted elsewhere through an instance (`app.use('/api', new ApiRouter().router)`,
 * `this.apiRouter.router` with `this.apiRouter = new ApiRouter()`) is followed like any other.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The unit name of a class: its name, the `const` it is assigned to, or `#default` for `export default class {}`. */
function classUnit(node: ClassNode): string | undefined {
  if (node.id) return node.id.name;
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return parent.type === AST_NODE_TYPES.ExportDefaultDeclaration ? '#default' : undefined;
}

/** The class whose `this` is in effect at `node` (through arrow functions, not through `function`s). */
export function enclosingClass(node: TSESTree.Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current.parent;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (current.type === AST_NODE_TYPES.FunctionExpression && current.parent.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  }
  return undefined;
}

/**
 * `Class#name` for `this.name` inside a class, else `undefined`. `anchor`: where to look for the
 * class from when `node`'s own parent pointers are not set yet (default: `node`).
 */
export function thisMemberUnit(node: TSESTree.Node, anchor: TSESTree.Node = node): string | undefined {
  const target = unwrap(node);
  if (
    target.type !== AST_NODE_TYPES.MemberExpression ||
    target.computed ||
    target.property.type !== AST_NODE_TYPES.Identifier ||
    unwrap(target.object).type !== AST_NODE_TYPES.ThisExpression
  )
    return undefined;
  const owner = enclosingClass(anchor);
  const name = owner && classUnit(owner);
  return name === undefined ? undefined : `${name}#${target.property.name}`;
}

/** The unit of a class property's initialiser: `router = Router()` (a field) or `this.router = Router()`. */
export function propertyUnitOf(node: TSESTree.PropertyDefinition | TSESTree.AssignmentExpression): string | undefined {
  // Called on the way down a traversal that sets parent pointers: the assignment's are set, its children's not yet.
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return node.operator === '=' ? thisMemberUnit(node.left, node) : undefined;
  if (node.computed || node.static || node.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = classUnit(node.parent.parent);
  return name === undefined ? undefined : `${name}#${node.key.name}`;
}

/** `new C()` assigned to `this.name` (or a field `name = new C()`) in the class around `node`: `C`. */
function propertyClass(owner: ClassNode, name: string): string | undefined {
  for (const member of owner.body.body) {
    if (
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.computed &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === name &&
      member.value
    ) {
      return newedClass(member.value);
    }
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
    for (const statement of member.value.body?.body ?? []) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression)
        continue;
      const { left, right } = statement.expression;
      if (
        left.type === AST_NODE_TYPES.MemberExpression &&
        left.object.type === AST_NODE_TYPES.ThisExpression &&
        !left.computed &&
        left.property.type === AST_NODE_TYPES.Identifier &&
        left.property.name === name
      ) {
        return newedClass(right);
      }
    }
  }
  return undefined;
}

function newedClass(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.NewExpression && target.callee.type === AST_NODE_TYPES.Identifier ? target.callee.name : undefined;
}

/**
 * The class an instance expression was built from: `new C()`, `this.c` with `this.c = new C()`
 * in the constructor or as a field; the name of `C` as written in the module, else `undefined`.
 */
export function instanceClass(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  const built = newedClass(target);
  if (built !== undefined) return built;
  if (
    target.type !== AST_NODE_TYPES.MemberExpression ||
    target.computed ||
    target.property.type !== AST_NODE_TYPES.Identifier ||
    unwrap(target.object).type !== AST_NODE_TYPES.ThisExpression
  )
    return undefined;
  const owner = enclosingClass(target);
  return owner && propertyClass(owner, target.property.name);
}
