/**
 * Reads a module's {@link ModuleFacts} in one walk of its AST (the ESLint AST of the file being
 * linted, or a project file parsed by the mount index). Parent pointers are required.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import type { AppCall } from '../../frameworks/framework.js';
import type { CreatedUnit, ModuleFacts, MountEdge } from '../facts.js';
import { createdBy } from './created.js';
import { readExports, unitOfExported } from './exports.js';
import { localImports } from './imports.js';
import { literalString, stringConstants } from './literal-string.js';
import { mountsOfCall } from './mounts.js';
import { propertyUnitOf } from './class-units.js';
import {
  argumentUnit,
  chainedFrom,
  declaredUnit,
  derivedUnit,
  functionUnit,
  isDerivingCall,
  isFunctionNode,
  returnUnit,
  statementUnit,
  unitOfExpression,
} from './units.js';
import { serverProperties } from '../server-properties.js';
import { isAppCall, isMountedArgument, readAppCall, sharesContext } from './registry-calls.js';
import { prefixSetters } from './prefix-setters.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { traverseSettingParents } from '../../ast/walk.js';

const cache = new WeakMap<TSESTree.Program, ModuleFacts>();

function methodName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
    ? callee.property.name
    : undefined;
}

/** One way out of a function: `return x;` (`x` the unit returned, `null` when it is no object created in the module). */
interface FunctionReturn {
  readonly fn: TSESTree.Node;
  readonly unit: string | null;
}

/**
 * Functions of the module whose every return gives the same object created in the module
 * (`function createUsersRouter() { const r = Router(); …; return r; }`, `() => Router().get(…)`):
 * function unit → that unit. A function that may return anything else is none.
 */
function returnedUnits(returns: readonly FunctionReturn[]): Map<string, string> {
  const found = new Map<string, string | null>();
  for (const { fn, unit } of returns) {
    const name = functionUnit(fn as Parameters<typeof functionUnit>[0]);
    found.set(name, found.has(name) && found.get(name) !== unit ? null : unit);
  }
  const units = new Map<string, string>();
  for (const [name, unit] of found) if (unit !== null) units.set(name, unit);
  return units;
}

/** The function a `return` statement leaves. */
function returningFunction(statement: TSESTree.ReturnStatement): TSESTree.Node | undefined {
  let owner: TSESTree.Node | undefined = statement.parent;
  while (owner && !isFunctionNode(owner)) owner = owner.parent;
  return owner;
}

/**
 * The unit a returned expression gives: a created variable (`return router`), a creation chain
 * (`return Router().get(…)`, recorded in `created` as `#return:<offset>`); `null` for anything else.
 */
function returnedUnit(
  returned: TSESTree.Node,
  created: Map<string, CreatedUnit>,
  imports: Parameters<typeof createdBy>[1],
  constants: ReadonlyMap<string, string>,
): string | null {
  const target = unwrap(returned);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const unit = unitOfExpression(target);
    return unit !== undefined && created.has(unit) ? unit : null;
  }
  const creation = createdBy(target, imports, constants);
  if (creation === undefined) return null;
  const unit = returnUnit(returned);
  created.set(unit, creation);
  return unit;
}

/** A mount of a unit of this module under another, at `node`. */
function localEdge(parent: string, unit: string, prefix: string | undefined, node: TSESTree.Node): MountEdge {
  return { parent, child: { kind: 'local', unit }, prefix, line: node.loc.start.line, column: node.loc.start.column + 1 };
}

/** The module facts of `program`, cached per AST. */
export function moduleFacts(program: TSESTree.Program): ModuleFacts {
  const cached = cache.get(program);
  if (cached) return cached;
  const imports = localImports(program);
  const constants = stringConstants(program);
  const functions = new Set<string>();
  const created = new Map<string, CreatedUnit>();
  const mounts: MountEdge[] = [];
  const appCalls: AppCall[] = [];
  const calls: TSESTree.CallExpression[] = [];
  const declarators: (TSESTree.VariableDeclarator & { id: TSESTree.Identifier; init: TSESTree.Expression })[] = [];
  const returnStatements: TSESTree.ReturnStatement[] = [];
  const arrowBodies: TSESTree.ArrowFunctionExpression[] = [];
  // The declaration of each created variable, for `router.prefix()` calls.
  const declaredIn = new Map<string, TSESTree.Node>();
  const properties = new Map<string, CreatedUnit>();
  // Parent pointers are set on the way (ESLint ASTs already have them; the index's own parses do not).
  traverseSettingParents(program, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
    else if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returnStatements.push(node);
    else if (node.type === AST_NODE_TYPES.ArrowFunctionExpression && node.body.type !== AST_NODE_TYPES.BlockStatement)
      arrowBodies.push(node);
    else if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id) functions.add(node.id.name);
    else if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) {
      const init = unwrap(node.init);
      if (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression)
        functions.add(node.id.name);
      const unit = createdBy(init, imports, constants);
      const name = declaredUnit(node as TSESTree.VariableDeclarator & { id: TSESTree.Identifier });
      if (unit) {
        created.set(name, unit);
        declaredIn.set(name, node.parent);
      } else declarators.push(node as (typeof declarators)[number]);
    } else if (node.type === AST_NODE_TYPES.ExpressionStatement) {
      const unit = createdBy(node.expression, imports, constants);
      if (unit) created.set(statementUnit(node), unit);
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression || node.type === AST_NODE_TYPES.PropertyDefinition) {
      // `this.router = Router()` in a class, or the field `router = Router()`.
      const value = node.type === AST_NODE_TYPES.AssignmentExpression ? node.right : node.value;
      const unit = value ? createdBy(value, imports, constants) : undefined;
      const name = unit && propertyUnitOf(node);
      if (unit && name !== undefined) properties.set(name, unit);
    }
  });
  // `app.use('/x', express.Router().get('/y', h))`: a creation chain mounted where it is written is a unit of its own.
  for (const call of calls) {
    for (const [index, argument] of call.arguments.entries()) {
      if (!isMountedArgument(call, index)) continue;
      const unit = createdBy(argument, imports, constants);
      if (unit) created.set(argumentUnit(argument), unit);
    }
  }
  // A property holding an app is a root only when the module listens on it; else it is mounted somewhere (or unknown).
  const listened = properties.size === 0 ? new Set<string>() : serverProperties(program);
  for (const [name, unit] of properties)
    created.set(name, unit.kind === 'app' && !listened.has(name.slice(name.indexOf('#') + 1)) ? { ...unit, kind: 'router' } : unit);
  // Ways out of functions: `return r` of a created `r`, `return Router().get(…)`, `() => new Hono()…`.
  const exits: FunctionReturn[] = [];
  for (const statement of returnStatements) {
    const fn = returningFunction(statement);
    if (fn) exits.push({ fn, unit: returnedUnit(statement.argument!, created, imports, constants) });
  }
  for (const arrow of arrowBodies) {
    const unit = returnedUnit(arrow.body, created, imports, constants);
    if (unit !== null) exits.push({ fn: arrow, unit });
  }
  const returns = returnedUnits(exits);
  const results = new Map<string, TSESTree.CallExpression>();
  for (const declarator of declarators) {
    // `const users = createUsersRouter(deps)`: the variable holds what a factory returns.
    const init = unwrap(declarator.init);
    if (
      declarator.parent.kind === 'const' &&
      init.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      (imports.has(init.callee.name) || returns.has(unitOfExpression(init.callee) ?? ''))
    )
      results.set(declaredUnit(declarator), init);
  }
  const scope = { imports, constants, functions, returns, results, created };
  const skipOverride = new Set<string>();
  for (const call of calls) {
    const callee = unwrap(call.callee);
    // `fp(plugin)` of a context-sharing wrapper (the registry's `contextSharingWrappers`).
    const from = callee.type === AST_NODE_TYPES.Identifier ? imports.get(callee.name) : undefined;
    if (from && sharesContext(from.specifier) && call.arguments[0]) {
      const unit = unitOfExported(call.arguments[0]);
      if (unit !== undefined) skipOverride.add(unit);
    }
    const method = methodName(call);
    if (isDerivingCall(call)) {
      // `app.basePath('/v1')`: a derived object under `app` at `/v1`.
      const parent = unitOfExpression(call.callee.object);
      if (parent !== undefined) mounts.push(localEdge(parent, derivedUnit(call), literalString(call.arguments[0], constants), call));
    }
    if (method !== undefined && isAppCall(method)) {
      // The registry's `appCalls` (a NestJS global prefix): never a mount.
      const read = readAppCall(method, call, constants);
      if (read) appCalls.push(read);
    } else mounts.push(...mountsOfCall(call, scope));
  }
  for (const declarator of declarators) {
    // `const api = app.basePath('/api')`, `const r = app.route('/x')`: the variable is the object the chain returns.
    const parent = chainedFrom(declarator.init, imports);
    const child = unitOfExpression(declarator.id);
    if (parent !== undefined && child !== undefined && parent !== child) mounts.push(localEdge(parent, child, '', declarator));
  }
  const {
    unknown: ownUnknown,
    onImports: prefixedImports,
    handedIn: handedInPrefixes,
  } = prefixSetters(calls, created, declaredIn, imports, constants);
  // `function setup(router) { router.prefix('/v1') }` called as `setup(router)`: the prefix is the caller's router's too.
  for (const edge of mounts) {
    if (edge.child.kind !== 'local' || !ownUnknown.has(edge.child.unit) || ownUnknown.has(edge.parent)) continue;
    if (created.has(edge.parent)) ownUnknown.set(edge.parent, ownUnknown.get(edge.child.unit)!);
  }
  const exports = new Map<string, string>();
  const reexports = new Map<string, { specifier: string; name: string }>();
  const starExports: string[] = [];
  readExports(program, exports, reexports, starExports);
  const facts: ModuleFacts = {
    created,
    exports,
    reexports,
    starExports,
    mounts,
    appCalls,
    skipOverride,
    returns,
    ownUnknown,
    prefixedImports,
    handedInPrefixes,
  };
  cache.set(program, facts);
  return facts;
}
