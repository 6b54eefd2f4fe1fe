/** Naming units (see `../facts.ts`) from AST nodes, the same way on the route side and the mount side. */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import type { FunctionNode } from '../../ast/function-node.js';
import { isFunctionNode } from '../../ast/function-node.js';
import { paramUnit } from '../facts.js';
import { thisMemberUnit } from './class-units.js';
import { derivesPrefixedObject } from './prefix-methods.js';
import { isMountedArgument } from './registry-calls.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

export { isFunctionNode };

/**
 * The unit of a function: its declared name, or the `const` it is assigned to (also through
 * wrapper calls such as `fp(async (app) => {})`), else a name from its offset.
 */
export function functionUnit(fn: FunctionNode): string {
  // Named like a variable (`createApp>routes` for one declared inside `createApp`), so a call `routes(api)` names the same unit.
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return variableUnit(fn.id, fn);
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
    return declaredUnit(parent as TSESTree.VariableDeclarator & { id: TSESTree.Identifier });
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

/** Whether `statement` declares `name` (a variable, function or class) in the statement list it is in. */
function declares(statement: TSESTree.Node, name: string): boolean {
  const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
  if (declaration?.type === AST_NODE_TYPES.VariableDeclaration)
    return declaration.declarations.some((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name);
  return (
    (declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) &&
    declaration.id?.name === name
  );
}

/**
 * The unit of a variable: its name when declared at the top of the module (or not found), else
 * `<function unit>><name>` for one declared inside a function (`createUsersRouter>router`), so
 * that two factories each with `const router = Router()` name two objects.
 */
function variableUnit(identifier: TSESTree.Identifier, from: TSESTree.Node | undefined = identifier.parent): string {
  // `parent` is typed as always present, but the Program's is not (nor a detached node's).
  for (let scope: TSESTree.Node | undefined = from; scope; scope = scope.parent as TSESTree.Node | undefined) {
    if (scope.type === AST_NODE_TYPES.Program) return identifier.name;
    if (scope.type !== AST_NODE_TYPES.BlockStatement || !scope.body.some((statement) => declares(statement, identifier.name))) continue;
    let owner = scope.parent as TSESTree.Node | undefined;
    while (owner && !isFunctionNode(owner)) owner = owner.parent;
    return owner ? `${functionUnit(owner)}>${identifier.name}` : identifier.name;
  }
  return identifier.name;
}

/**
 * The unit a `const name = …` declarator names (see `variableUnit`). Usable on the way down a
 * traversal that sets parent pointers: the declarator's are set, its children's not yet.
 */
export function declaredUnit(declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier }): string {
  return variableUnit(declarator.id, declarator);
}

/** The name of a unit as messages show it: `router` for `createUsersRouter>router` (a variable of a function). */
export function unitDisplayName(unit: string): string {
  return unit.slice(unit.lastIndexOf('>') + 1);
}

/**
 * `express.Router().get(...)`: a chain that starts with a capitalised factory of a module
 * (`express.Router()`) starts with a creation, as `Router().get(...)` and `new Router()` do.
 */
function isMemberCreation(call: TSESTree.CallExpression & { callee: TSESTree.MemberExpression }): boolean {
  const { callee } = call;
  return (
    unwrap(callee.object).type === AST_NODE_TYPES.Identifier &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    /^[A-Z]/.test(callee.property.name)
  );
}

/**
 * The unit a receiver expression stands for: `router` (a variable; `createUsersRouter>router`
 * inside a function, see `variableUnit`), `app` inside `function routes(app)` (`routes@0`), the
 * variable a creation chain is assigned to (`const app = new Hono().get(...)`) or the function
 * returns it (`#return:<offset>`), through call chains (`app.route('/x').get()`), a class property
 * (`this.router` in `class ApiRouter` → `ApiRouter#router`). `undefined` for anything else.
 */
export function unitOfExpression(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const owner = parameterOwner(target, target.name);
    return owner ? paramUnit(functionUnit(owner.fn), owner.index) : variableUnit(target);
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) return thisMemberUnit(target);
  if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression) {
    if (isDerivingCall(target)) return derivedUnit(target);
    return isMemberCreation(target as TSESTree.CallExpression & { callee: TSESTree.MemberExpression })
      ? unitOfCreation(target)
      : unitOfExpression(target.callee.object);
  }
  if (target.type === AST_NODE_TYPES.NewExpression || target.type === AST_NODE_TYPES.CallExpression) return unitOfCreation(target);
  return undefined;
}

/**
 * A call of a registered framework's deriving method (Hono's `x.basePath('/v1')`, see
 * `prefixMethods` in `src/frameworks/framework.ts`) on an object that already exists (not on a
 * creation chain, where it extends the created unit's own prefix, see `created.ts`): a new object
 * under `x` at that prefix, the unit `#derived@<offset>` (its mount under `x` is read in `module-facts.ts`).
 */
export function isDerivingCall(call: TSESTree.CallExpression): call is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  const callee = unwrap(call.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    !derivesPrefixedObject(callee.property.name)
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

/** The unit of the object a function returns from a creation chain: `return Router().get(…)`, `() => new Hono().get(…)`. */
export function returnUnit(returned: TSESTree.Node): string {
  return `#return:${returned.range[0]}`;
}

/** The unit of a creation chain written as the mounted argument of a mount call (`app.use('/x', Router().get(…))`), named from its offset. */
export function argumentUnit(argument: TSESTree.Node): string {
  return `#argument:${argument.range[0]}`;
}

/** `const x = <creation>.a().b()`: the variable a creation chain ends in (or the statement it is, or the function returns it). */
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
      return declaredUnit(parent as TSESTree.VariableDeclarator & { id: TSESTree.Identifier });
    } else if (
      (parent.type === AST_NODE_TYPES.ReturnStatement && parent.argument === node) ||
      (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node)
    ) {
      return returnUnit(node);
    } else if (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.callee !== node &&
      isMountedArgument(parent, parent.arguments.indexOf(node as TSESTree.CallExpressionArgument))
    ) {
      // `app.use('/x', express.Router().get('/y', h))`: a chain mounted where it is written.
      return argumentUnit(node);
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
