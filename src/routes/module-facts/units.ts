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
    return isDerivingCall(target) ? derivedUnit(target) : unitOfExpression(target.callee.object);
  if (target.type === AST_NODE_TYPES.NewExpression || target.type === AST_NODE_TYPES.CallExpression) return unitOfCreation(target);
  return undefined;
}

/**
 * Hono's `x.basePath('/v1')` on an object that already exists (not on a creation chain, whose
 * `basePath` is the created unit's own prefix, see `created.ts`): a new object under `x` at that
 * prefix, the unit `#derived@<offset>` (its mount under `x` is read in `module-facts.ts`).
 */
export function isDerivingCall(call: TSESTree.CallExpression): call is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  const callee = unwrap(call.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    callee.property.name !== 'basePath'
  )
    return false;
  return !startsWithCreation(callee.object);
}

/** The start of a receiver chain: `a` in `a.b().c()`. */
function chainStart(node: TSESTree.Node): TSESTree.Node {
  let target = unwrap(node);
  while (target.type === AST_NODE_TYPES.CallExpression && unwrap(target.callee).type === AST_NODE_TYPES.MemberExpression) {
    target = unwrap((unwrap(target.callee) as TSESTree.MemberExpression).object);
  }
  return target;
}

/** Whether a receiver chain (`a.b().c()`) starts with a call or `new` that is not a method call (a creation). */
function startsWithCreation(node: TSESTree.Node): boolean {
  const start = chainStart(node);
  return start.type === AST_NODE_TYPES.CallExpression || start.type === AST_NODE_TYPES.NewExpression;
}

/** The unit of the object a deriving call returns (see `isDerivingCall`). */
export function derivedUnit(call: TSESTree.CallExpression): string {
  return `#derived@${call.range[0]}`;
}

/**
 * `const api = app.basePath('/api')`, `const r = app.route('/things')`: a variable holding the result
 * of a method chain on an existing object (not a creation) stands for that object or the one a
 * deriving call returns, under it with no prefix of its own. `undefined` when `init` is no such chain
 * (or starts with a name of `imported`).
 */
export function chainedFrom(init: TSESTree.Node, imported: ReadonlySet<string> | ReadonlyMap<string, unknown>): string | undefined {
  const target = unwrap(init);
  if (target.type !== AST_NODE_TYPES.CallExpression || unwrap(target.callee).type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const start = chainStart(target);
  // `express.Router()`, `db.select()`: a call on an imported module is a creation or no unit at all.
  if (start.type === AST_NODE_TYPES.CallExpression || start.type === AST_NODE_TYPES.NewExpression) return undefined;
  if (start.type === AST_NODE_TYPES.Identifier && imported.has(start.name)) return undefined;
  return unitOfExpression(target);
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

/**
 * The unit a registration call registers on (`router` in `router.get()`, `app` in
 * `app.route('/x').get()`, the derived unit in `app.basePath('/v1').get()`), if it can be followed.
 */
export function registrationUnit(registration: TSESTree.Node): string | undefined {
  if (registration.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(registration.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? unitOfExpression(callee.object) : undefined;
}
