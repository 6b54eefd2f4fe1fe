/**
 * Mount edges of one call: the registry's mount methods (`mountMethods`: `parent.use([path,]
 * ...children)`, `parent.register(child, { prefix })`, `parent.route(path, child)`; a child
 * wrapped by a `mountWrappers` function, `parent.use(mount(path, child))`), a framework's own
 * `mounts` hook, and helper calls handing a unit to a function (`setupRoutes(app)`). Imports are
 * recorded with their specifier as written, relative or bare: the mount index resolves
 * workspace packages and drops the rest.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import type { FrameworkDefinition, FrameworkMount, MountMethod } from '../../frameworks/framework.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import type { ChildRef, CreatedUnit, MountEdge } from '../facts.js';
import type { LocalImport } from './imports.js';
import { requiredSpecifier } from './imports.js';
import { WHOLE_MODULE } from '../../modules/import-forms.js';
import { literalString } from './literal-string.js';
import { instanceClass, thisMemberUnit } from './class-units.js';
import { iteratedElements, listElements } from './iterated.js';
import { dispatchesReceiver } from './prefix-methods.js';
import { mountMethod, wrapsMountedChild } from './registry-calls.js';
import { argumentUnit, functionUnit, isFunctionNode, unitOfExpression } from './units.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** What the mount extraction reads about the module. */
export interface MountScope {
  readonly imports: ReadonlyMap<string, LocalImport>;
  readonly constants: ReadonlyMap<string, string>;
  /** Names of functions declared in the module (helpers a unit can be handed to). */
  readonly functions: ReadonlySet<string>;
  /** Functions of the module that return one unit (`function createUsersRouter() { …; return r; }`): name → unit. */
  readonly returns: ReadonlyMap<string, string>;
  /** `const users = createUsersRouter(deps)`: variables (units) holding what a factory call returns → that call. */
  readonly results: ReadonlyMap<string, TSESTree.CallExpression>;
  /** The objects the module creates (a creation chain written as a mounted argument among them). */
  readonly created: ReadonlyMap<string, CreatedUnit>;
}

/**
 * What a mounted argument refers to; `param` is set for functions that receive the parent. A loop
 * variable, a `forEach` element or a spread of a list written out in the module stands for each
 * element (see `iterated.ts`).
 */
function childrenOf(node: TSESTree.Node, scope: MountScope, param: number | undefined): ChildRef[] {
  const target = unwrap(node);
  const specifier = requiredSpecifier(target);
  // A whole module used as a value is its `module.exports`, recorded as `default` (`src/modules/import-forms.ts`).
  if (specifier !== undefined) return [{ kind: 'import', specifier, name: 'default', param }];
  if (target.type === AST_NODE_TYPES.SpreadElement)
    return (listElements(target.argument) ?? []).flatMap((element) => childrenOf(element, scope, param));
  if (target.type === AST_NODE_TYPES.Identifier) {
    const from = scope.imports.get(target.name);
    if (from) return [{ kind: 'import', specifier: from.specifier, name: from.name === WHOLE_MODULE ? 'default' : from.name, param }];
    const elements = iteratedElements(target);
    if (elements !== undefined) return elements.flatMap((element) => childrenOf(element, scope, param));
    const unit = unitOfExpression(target);
    if (unit === undefined) return [];
    const local: ChildRef = { kind: 'local', unit: param === undefined ? unit : `${unit}@${param}` };
    // `const users = createUsersRouter(deps)`: the variable (routes registered on it here) and the router the factory returns.
    const result = param === undefined ? scope.results.get(unit) : undefined;
    return result === undefined ? [local] : [...childrenOf(result, scope, undefined), local];
  }
  if (target.type === AST_NODE_TYPES.MemberExpression && !target.computed && target.property.type === AST_NODE_TYPES.Identifier) {
    // `ns.router` of `import * as ns` / `require('./m').router`.
    const object = unwrap(target.object);
    const from = object.type === AST_NODE_TYPES.Identifier ? scope.imports.get(object.name) : undefined;
    const required = requiredSpecifier(object);
    const base = from && (from.name === WHOLE_MODULE || from.name === 'default') ? from.specifier : required;
    if (base !== undefined) return [{ kind: 'import', specifier: base, name: target.property.name, param }];
    // `new ApiRouter().router`, `this.api.router` (`this.api = new ApiRouter()`): a property of a class instance.
    const built = instanceClass(target.object);
    if (built !== undefined) {
      const imported = scope.imports.get(built);
      if (imported)
        return [
          {
            kind: 'import',
            specifier: imported.specifier,
            name: imported.name === WHOLE_MODULE ? 'default' : imported.name,
            param,
            member: target.property.name,
          },
        ];
      return [{ kind: 'local', unit: `${built}#${target.property.name}` }];
    }
    const own = thisMemberUnit(target);
    return own === undefined ? [] : [{ kind: 'local', unit: own }];
  }
  if (isFunctionNode(target)) return [{ kind: 'local', unit: `${functionUnit(target)}@${param ?? 0}` }];
  if (
    target.type === AST_NODE_TYPES.CallExpression &&
    target.callee.type === AST_NODE_TYPES.MemberExpression &&
    target.callee.property.type === AST_NODE_TYPES.Identifier
  ) {
    // Koa: `router.routes()` / `router.middleware()` is the router's dispatch middleware (the registry's `dispatchMethods`).
    if (dispatchesReceiver(target.callee.property.name)) return childrenOf(target.callee.object, scope, undefined);
  }
  const returned =
    target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.Identifier && param === undefined
      ? scope.returns.get(unitOfExpression(target.callee) ?? '')
      : undefined;
  // `app.use('/users', createUsersRouter())`: the router a factory of this module returns.
  if (returned !== undefined) return [{ kind: 'local', unit: returned }];
  const factory = target.type === AST_NODE_TYPES.CallExpression && param === undefined ? importedFunction(target.callee, scope) : undefined;
  if (factory !== undefined) {
    // `app.use('/users', createUsersRouter(deps))` of an imported factory: the object it returns (see `ModuleFacts.returns`).
    return [{ kind: 'import', specifier: factory.specifier, name: factory.name, param: undefined, returned: true }];
  }
  if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression) {
    // `app.use('/x', express.Router().get('/y', h))`: a creation chain mounted where it is written.
    const inline = param === undefined ? unitOfExpression(target) : undefined;
    return inline !== undefined && inline === argumentUnitOf(target) && scope.created.has(inline) ? [{ kind: 'local', unit: inline }] : [];
  }
  if (target.type === AST_NODE_TYPES.CallExpression && param !== undefined) {
    // A wrapper such as `fp(plugin)` or `register(fp(async (app) => {}))`.
    const inner = target.arguments.find((arg) => isFunctionNode(arg) || arg.type === AST_NODE_TYPES.Identifier);
    return inner ? childrenOf(inner, scope, param) : [];
  }
  return [];
}

/** The unit `node` would have as a mounted argument: its own, or that of the TS wrapper (`x as Router`) that is the argument. */
function argumentUnitOf(node: TSESTree.Node): string {
  let argument = node;
  while (
    argument.parent &&
    (argument.parent.type === AST_NODE_TYPES.TSAsExpression ||
      argument.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      argument.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  )
    argument = argument.parent;
  return argumentUnit(argument);
}

/**
 * The export a called function comes from: `createUsersRouter` imported by name, `ns.createUsersRouter`
 * of `import * as ns`, `require('./users').createUsersRouter`, `require('./users')` (its `default`).
 */
function importedFunction(callee: TSESTree.Node, scope: MountScope): { specifier: string; name: string } | undefined {
  const target = unwrap(callee);
  const required = requiredSpecifier(target);
  if (required !== undefined) return { specifier: required, name: 'default' };
  if (target.type === AST_NODE_TYPES.Identifier) {
    const from = scope.imports.get(target.name);
    return from && { specifier: from.specifier, name: from.name === WHOLE_MODULE ? 'default' : from.name };
  }
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.property.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  const object = unwrap(target.object);
  const from = object.type === AST_NODE_TYPES.Identifier ? scope.imports.get(object.name) : undefined;
  const base = from && (from.name === WHOLE_MODULE || from.name === 'default') ? from.specifier : requiredSpecifier(object);
  return base === undefined ? undefined : { specifier: base, name: target.property.name };
}

/** The path an option of a mount's options object gives (`{ prefix: '/v1' }`): `''` for no options or no such option, `undefined` when not static. */
function optionPath(options: TSESTree.Node | undefined, option: string, constants: ReadonlyMap<string, string>): string | undefined {
  if (options === undefined) return '';
  const object = unwrap(options);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = object.properties.find(
    (p): p is TSESTree.Property =>
      p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === option,
  );
  if (!property) return object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement) ? undefined : '';
  return literalString(property.value, constants);
}

function edge(parent: string, children: readonly ChildRef[], prefix: string | undefined, call: TSESTree.CallExpression): MountEdge[] {
  return children.map((child) => ({ parent, child, prefix, line: call.loc.start.line, column: call.loc.start.column + 1 }));
}

/** A leading path argument (`use([path,] ...children)`): a static string, `undefined` for a computed one, `null` when the argument is not a path. */
function leadingPath(node: TSESTree.Node | undefined, constants: ReadonlyMap<string, string>): string | undefined | null {
  if (!node) return null;
  const target = unwrap(node);
  const value = literalString(target, constants);
  if (value !== undefined) return value;
  if (
    target.type === AST_NODE_TYPES.TemplateLiteral ||
    target.type === AST_NODE_TYPES.BinaryExpression ||
    (target.type === AST_NODE_TYPES.Literal && 'regex' in target)
  )
    return undefined;
  if (
    target.type === AST_NODE_TYPES.ArrayExpression &&
    target.elements.every((e) => e?.type === AST_NODE_TYPES.Literal || e?.type === AST_NODE_TYPES.TemplateLiteral)
  )
    return undefined;
  // `use(process.env.PREFIX ?? '/admin', router)`, `use(cond ? '/a' : '/b', router)`, `use(config.basePath, router)`:
  // a path Fleet cannot know, never a middleware.
  if (target.type === AST_NODE_TYPES.LogicalExpression || target.type === AST_NODE_TYPES.ConditionalExpression) return undefined;
  if (
    target.type === AST_NODE_TYPES.MemberExpression &&
    !target.computed &&
    target.property.type === AST_NODE_TYPES.Identifier &&
    /prefix|path|base|url|mount/i.test(target.property.name)
  )
    return undefined;
  return null;
}

/** `mount('/api', api)` / `mount(api)` of a registered mount wrapper (the registry's `mountWrappers`): the mounted argument and its path. */
function wrappedChild(node: TSESTree.Node, scope: MountScope): { child: TSESTree.Node; path: string | undefined } | undefined {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.CallExpression || target.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const from = scope.imports.get(target.callee.name);
  if (from === undefined || !wrapsMountedChild(from.specifier)) return undefined;
  const [first, second] = target.arguments;
  if (first === undefined) return undefined;
  return second === undefined ? { child: first, path: '' } : { child: second, path: literalString(first, scope.constants) };
}

/** A registered framework's own mount call (`src/frameworks/*`, `mounts`), in a module that imports the framework. */
/** True when the module imports one of `packages` (read on every member call: no array built). */
function importsAny(scope: MountScope, packages: readonly string[]): boolean {
  for (const from of scope.imports.values()) if (packages.includes(from.specifier)) return true;
  return false;
}

function frameworkMount(method: string, args: readonly TSESTree.CallExpressionArgument[], scope: MountScope): FrameworkMount | undefined {
  for (const framework of FRAMEWORKS) {
    const { mounts } = framework as { mounts?: FrameworkDefinition['mounts'] };
    if (!mounts || !importsAny(scope, mounts.packages)) continue;
    const found = mounts.of(method, args);
    if (found) return found;
  }
  return undefined;
}

/** The mount edges of `call`. */
export function mountsOfCall(call: TSESTree.CallExpression, scope: MountScope): MountEdge[] {
  const callee = unwrap(call.callee);
  const args = call.arguments;
  if (callee.type === AST_NODE_TYPES.Identifier && (scope.functions.has(callee.name) || scope.imports.has(callee.name))) {
    const edges: MountEdge[] = [];
    for (const [index, arg] of args.entries()) {
      const parent = unwrap(arg).type === AST_NODE_TYPES.Identifier ? unitOfExpression(arg) : undefined;
      if (parent !== undefined) edges.push(...edge(parent, childrenOf(callee, scope, index), '', call));
    }
    return edges;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return [];
  const method = callee.property.name;
  const own = frameworkMount(method, args, scope);
  if (own) {
    const parent = unitOfExpression(callee.object);
    const prefix = own.prefix === '' ? '' : literalString(own.prefix, scope.constants);
    return parent === undefined ? [] : edge(parent, childrenOf(own.child, scope, 0), prefix, call);
  }
  const declared = mountMethod(method);
  if (declared === undefined) return [];
  const parent = unitOfExpression(callee.object);
  if (parent === undefined) return [];
  return declaredMount(declared, parent, call, scope);
}

/** The edges of a call of a registered mount method (see `MountMethod`) on `parent`. */
function declaredMount(declared: MountMethod, parent: string, call: TSESTree.CallExpression, scope: MountScope): MountEdge[] {
  const args = call.arguments;
  if (declared.arity !== undefined && args.length !== declared.arity) return [];
  if (declared.child !== 'rest') {
    const child = args[declared.child];
    if (child === undefined || declared.path === 'leading') return [];
    const { argument, option } = declared.path;
    const prefix =
      option === undefined ? literalString(args[argument], scope.constants) : optionPath(args[argument], option, scope.constants);
    return edge(parent, childrenOf(child, scope, declared.receiverParam), prefix, call);
  }
  const path =
    declared.path === 'leading' ? leadingPath(args[0], scope.constants) : literalString(args[declared.path.argument], scope.constants);
  const children = declared.path === 'leading' ? (path === null ? args : args.slice(1)) : args.slice(declared.path.argument + 1);
  const flat: TSESTree.Node[] = children.flatMap((child): TSESTree.Node[] =>
    child.type === AST_NODE_TYPES.ArrayExpression ? child.elements.filter((e) => e !== null) : [child],
  );
  return flat.flatMap((child) => {
    if (isFunctionNode(unwrap(child))) return [];
    const mounted = wrappedChild(child, scope);
    if (mounted) return edge(parent, childrenOf(mounted.child, scope, undefined), mounted.path, call);
    return edge(parent, childrenOf(child, scope, undefined), path === null ? '' : path, call);
  });
}
