/**
 * Registration helpers, inferred from their bodies (no settings): a project function that
 * registers a route on a parameter, with the path and the handler taken from its parameters —
 * NodeBB's `setupPageRoute(router, '/login', middlewares, controllers.login)`, whose body is
 * `const [router, name] = args; const controller = args[args.length - 1];
 * router.get(name, …, helpers.tryRoute(controller)); router.get(`/api${name}`, …)`. Each call
 * of such a helper is a registration of the argument in the handler's place, with the path and
 * method the helper builds from its arguments. The helper may be written in the same module or
 * in another project module (`require('./helpers').setupPageRoute`, `module.exports.x = …`,
 * `const helpers = module.exports; helpers.x = …`). Confidence `heuristic` (off with
 * `settings.fleet.heuristics: false`): the receiver is only known to be a router by its use.
 */
import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../ast/member-name.js';
import { isFunction, resolveFunction } from '../../ast/resolve-function.js';
import { staticString } from '../../ast/static-string.js';
import { unwrap } from '../../ast/unwrap.js';
import { variableOf } from '../../ast/variable-of.js';
import { walk, walkCallsAt, traverseSettingParents } from '../../ast/walk.js';
import { FileVersionCache } from '../../modules/file-version-cache.js';
import { resolveModule } from '../../modules/resolve-module.js';
import type { DetectContext, Detector } from '../detector.js';
import { exportedFunctions, exportedValue, exportNames } from '../exported-functions.js';
import { handlerFunctions } from '../handler-functions.js';
import { makeExternalRoute } from '../external-route.js';
import { makeHandler } from '../make-handler.js';
import { memberFunction } from '../member-function.js';
import type { Framework, FunctionNode, HandlerFinding, RouteInfo } from '../types.js';
import { handlerShape } from './heuristic-shape.js';
import { isTestFile } from './heuristic.js';

/** Which argument of a call: the `index`-th from the start (0-based) or from the end (1 = last). */
interface ArgSpec {
  readonly from: 'start' | 'end';
  readonly index: number;
}

/** One registration a helper makes, in terms of its arguments. */
interface HelperRegistration {
  readonly receiver: ArgSpec;
  /** `get`, `post`, …, `all`, `use`; or the argument holding it (`router[verb](…)`). */
  readonly method: { readonly value: string } | { readonly arg: ArgSpec };
  /** The path: a literal, or an argument with text around it (`` `/api${name}` ``); `undefined` for `use` without one. */
  readonly path: { readonly value: string } | { readonly arg: ArgSpec; readonly before: string; readonly after: string } | undefined;
  readonly handler: ArgSpec;
  /** Line of the registration inside the helper, for `via`. */
  readonly line: number;
}

interface HelperSummary {
  readonly name: string;
  /** `src/routes/helpers.js:9`, project-relative when known. */
  readonly where: string;
  readonly registrations: readonly HelperRegistration[];
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);

/**
 * A call whose first argument names an app or router (`app`, `router`, `apiRouter`, `server`,
 * `this.app`) and whose next (or next but one, after a verb string) is a path literal:
 * `setupPageRoute(app, '/login'`, `setupApiRoute(router, 'get', '/api/v3/x'`. A pre-filter only
 * (the helper's body decides); the name keeps `path.join(root, '/x')` out.
 */
const HELPER_CALL = /[\w$]\s*\(\s*[\w$.]*(?:[Aa]pp|[Rr]outer|[Ss]erver|[Aa]pi|[Rr]outes?)\s*,\s*(?:['"][a-zA-Z]+['"]\s*,\s*)?['"`]\//g;

function helperCallOffsets(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  HELPER_CALL.lastIndex = 0;
  return [...text.matchAll(HELPER_CALL)].map((match) => match.index);
}

/** The argument specs of a function's parameters and of names taken from its rest parameter. */
function argumentSpecs(fn: FunctionNode, scopeManager: ScopeManager): Map<Variable, ArgSpec> {
  const specs = new Map<Variable, ArgSpec>();
  let rest: { variable: Variable; start: number } | undefined;
  for (const [index, param] of fn.params.entries()) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(scopeManager, target);
      if (variable) specs.set(variable, { from: 'start', index });
    } else if (target.type === AST_NODE_TYPES.RestElement && target.argument.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(scopeManager, target.argument);
      if (variable) rest = { variable, start: index };
    }
  }
  if (!rest) return specs;
  // `const [router, name] = args`, `const controller = args[args.length - 1]`, `args.at(-1)`, `args[0]`.
  for (const reference of rest.variable.references) {
    const use = reference.identifier;
    let declarator: TSESTree.Node = use.parent;
    let spec: ArgSpec | undefined;
    if (
      declarator.type === AST_NODE_TYPES.VariableDeclarator &&
      declarator.init === use &&
      declarator.id.type === AST_NODE_TYPES.ArrayPattern
    ) {
      for (const [index, element] of declarator.id.elements.entries()) {
        if (element?.type !== AST_NODE_TYPES.Identifier) continue;
        const variable = variableOf(scopeManager, element);
        if (variable) specs.set(variable, { from: 'start', index: rest.start + index });
      }
      continue;
    }
    const member = use.parent;
    if (member.type === AST_NODE_TYPES.MemberExpression && member.object === use && member.computed) {
      spec = indexSpec(member.property, rest.variable, rest.start);
      declarator = member.parent;
    } else if (
      member.type === AST_NODE_TYPES.MemberExpression &&
      member.object === use &&
      memberName(member) === 'at' &&
      member.parent.type === AST_NODE_TYPES.CallExpression
    ) {
      const [argument] = member.parent.arguments;
      if (
        argument?.type === AST_NODE_TYPES.UnaryExpression &&
        argument.operator === '-' &&
        argument.argument.type === AST_NODE_TYPES.Literal
      )
        spec = typeof argument.argument.value === 'number' ? { from: 'end', index: argument.argument.value } : undefined;
      declarator = member.parent.parent;
    }
    if (!spec || declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = variableOf(scopeManager, declarator.id);
    if (variable && variable.references.every((ref) => !ref.isWrite() || ref.init)) specs.set(variable, spec);
  }
  return specs;
}

/** `args[2]` → 2nd from the start (after `start`); `args[args.length - 1]` → the last. */
function indexSpec(property: TSESTree.Node, rest: Variable, start: number): ArgSpec | undefined {
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'number')
    return { from: 'start', index: start + property.value };
  if (
    property.type === AST_NODE_TYPES.BinaryExpression &&
    property.operator === '-' &&
    property.left.type === AST_NODE_TYPES.MemberExpression &&
    memberName(property.left) === 'length' &&
    property.left.object.type === AST_NODE_TYPES.Identifier &&
    property.left.object.name === rest.name &&
    property.right.type === AST_NODE_TYPES.Literal &&
    typeof property.right.value === 'number'
  )
    return { from: 'end', index: property.right.value };
  return undefined;
}

/** The registrations `fn` makes on a parameter with a parameter as the handler (see the module comment). */
export function summariseHelper(fn: FunctionNode, scopeManager: ScopeManager): HelperRegistration[] {
  const specs = argumentSpecs(fn, scopeManager);
  if (specs.size === 0) return [];
  const specOf = (node: TSESTree.Node | undefined): ArgSpec | undefined => {
    const target = node && unwrap(node);
    if (target?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = variableOf(scopeManager, target);
    return variable && specs.get(variable);
  };
  // The handler argument: the parameter itself, a wrapper call of it (`helpers.tryRoute(controller)`),
  // or an inline wrapper that calls it (`async (req, res, next) => { await controller(req, res) }`).
  const handlerSpec = (node: TSESTree.Node | undefined): ArgSpec | undefined => {
    const target = node && unwrap(node);
    if (target?.type === AST_NODE_TYPES.CallExpression) return target.arguments.map((argument) => specOf(argument)).find(Boolean);
    if (isFunction(target)) {
      let called: ArgSpec | undefined;
      walk(target.body, (inner) => {
        if (called) return false;
        if (inner.type === AST_NODE_TYPES.CallExpression) called = specOf(inner.callee);
        return undefined;
      });
      return called;
    }
    return specOf(target);
  };
  const found: HelperRegistration[] = [];
  walk(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const receiver = specOf(node.callee.object);
    if (!receiver) return undefined;
    let method: HelperRegistration['method'] | undefined;
    const name = node.callee.computed ? undefined : memberName(node.callee);
    if (name !== undefined && (VERBS.has(name) || name === 'use')) method = { value: name };
    else if (node.callee.computed) {
      const arg = specOf(node.callee.property);
      if (arg) method = { arg };
    }
    const handler = handlerSpec(node.arguments.at(-1));
    if (!method || !handler || node.arguments.length < 2) return undefined;
    const first = unwrap(node.arguments[0]!);
    let routePath: HelperRegistration['path'];
    const literal = staticString(first, scopeManager);
    const direct = specOf(first);
    if (literal !== undefined) routePath = { value: literal };
    else if (direct) routePath = { arg: direct, before: '', after: '' };
    else if (first.type === AST_NODE_TYPES.TemplateLiteral && first.expressions.length === 1) {
      const arg = specOf(first.expressions[0]);
      if (arg) routePath = { arg, before: first.quasis[0]!.value.cooked ?? '', after: first.quasis[1]!.value.cooked ?? '' };
    }
    if (!routePath && !('value' in method && method.value === 'use')) return undefined;
    found.push({ receiver, method, path: routePath, handler, line: node.loc.start.line });
    return undefined;
  });
  return found;
}

function argumentAt(call: TSESTree.CallExpression, spec: ArgSpec): TSESTree.CallExpressionArgument | undefined {
  const index = spec.from === 'start' ? spec.index : call.arguments.length - spec.index;
  return index >= 0 && index < call.arguments.length ? call.arguments[index] : undefined;
}

/** A helper as its module defines it: the line of the function and its registrations (no syntax node). */
interface HelperFacts {
  readonly line: number;
  readonly registrations: readonly HelperRegistration[];
}

/**
 * Per file version, the helpers among a module's exports, keyed by export path: `setupPageRoute`
 * (a named export, or a member of `module.exports` / `const helpers = module.exports`), and
 * `name.member` for a member of an exported object literal (`default.setupPageRoute` for
 * `module.exports = { setupPageRoute }`). Computed when the module is first asked about, from one
 * parse; only these facts are kept.
 */
const helperModules = new FileVersionCache<ReadonlyMap<string, HelperFacts>>(({ file, text }) => {
  const helpers = new Map<string, HelperFacts>();
  // Only a module that registers on something can hold a helper.
  if (!/\.(?:get|post|put|patch|delete|all|use)\s*\(|\]\s*\(/.test(text)) return helpers;
  const program = parse(text, { filePath: file, range: true, loc: true, jsx: /x$/.test(file), comment: false, tokens: false });
  traverseSettingParents(program);
  const scopeManager = analyze(program, { sourceType: 'module' });
  const add = (key: string, name: string, members: readonly string[]): void => {
    const [fn] = exportedFunctions(program, scopeManager, name, members, 0);
    const registrations = fn ? summariseHelper(fn, scopeManager) : [];
    if (fn && registrations.length > 0) helpers.set(key, { line: fn.loc.start.line, registrations });
  };
  for (const name of exportNames(program)) {
    const value = exportedValue(program, scopeManager, name, []);
    if (value?.type !== AST_NODE_TYPES.ObjectExpression) add(name, name, []);
    else
      for (const property of value.properties)
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier)
          add(`${name}.${property.key.name}`, name, [property.key.name]);
  }
  return helpers;
}, new Map());

/** The helper an imported name is (`import`/`require` source `name` + `members`), in the project module `file` (absolute). */
function importedHelper(file: string, name: string, members: readonly string[], label: string): HelperSummary | undefined {
  const helpers = helperModules.get(file);
  if (helpers.size === 0) return undefined;
  const path = members.join('.');
  // CommonJS interop both ways: `require('./helpers').setupPageRoute` is `exports.setupPageRoute` or `module.exports.setupPageRoute`.
  const keys =
    name === '*' || name === 'default'
      ? members.length === 0
        ? ['default']
        : [path, `default.${path}`]
      : [members.length === 0 ? name : `${name}.${path}`];
  for (const key of keys) {
    const facts = helpers.get(key);
    if (facts) return { name: key.replace(/^default\./, ''), where: `${label}:${facts.line}`, registrations: facts.registrations };
  }
  return undefined;
}

/** The helper a call's callee names: a same-module function (or object member), or an imported project function. */
function helperOf(ctx: DetectContext, callee: TSESTree.Node): HelperSummary | undefined {
  const local =
    callee.type === AST_NODE_TYPES.MemberExpression
      ? memberFunction(ctx.scopeManager, callee)?.fn
      : resolveFunction(ctx.scopeManager, callee);
  if (local) {
    const registrations = summariseHelper(local, ctx.scopeManager);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : (memberName(callee as TSESTree.MemberExpression) ?? 'a helper');
    return registrations.length === 0
      ? undefined
      : { name, where: `${path.basename(ctx.filename)}:${local.loc.start.line}`, registrations };
  }
  const source = ctx.imports.sourceOf(callee);
  if (!source || !path.isAbsolute(ctx.filename)) return undefined;
  const file = resolveModule(ctx.filename, source.module);
  if (file === undefined) return undefined;
  return importedHelper(file, source.name, source.members, path.relative(path.dirname(ctx.filename), file).split(path.sep).join('/'));
}

const FRAMEWORK_OF: readonly [RegExp, Framework][] = [
  [/^(?:koa|@koa\/router|koa-router)$/, 'koa'],
  [/^(?:hono|hono\/.*)$/, 'hono'],
  [/^fastify$/, 'fastify'],
];

/** The framework the registering module's imports point to; Express by default (the helper's verbs are its). */
function frameworkOf(ctx: DetectContext, fn: FunctionNode | undefined): Framework {
  const shape = fn && handlerShape(fn);
  if (shape) return shape.framework;
  for (const [pattern, framework] of FRAMEWORK_OF) if ([...ctx.imports.modules].some((module) => pattern.test(module))) return framework;
  return 'express';
}

function fromCall(ctx: DetectContext, call: TSESTree.CallExpression): HandlerFinding[] {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const helper = helperOf(ctx, callee);
  if (!helper) return [];
  const handlers: HandlerFinding[] = [];
  const seen = new Set<string>();
  for (const registration of helper.registrations) {
    const handlerArg = argumentAt(call, registration.handler);
    const receiver = argumentAt(call, registration.receiver);
    if (!handlerArg || !receiver || handlerArg === receiver) continue;
    let method: string | undefined;
    if ('value' in registration.method) method = registration.method.value;
    else {
      const methodArg = argumentAt(call, registration.method.arg);
      method = methodArg && staticString(methodArg, ctx.scopeManager)?.toLowerCase();
    }
    if (method === undefined || (!VERBS.has(method) && method !== 'use')) continue;
    let routePath: string | undefined;
    let hasPath = registration.path !== undefined;
    if (registration.path && 'value' in registration.path) routePath = registration.path.value;
    else if (registration.path) {
      const value = staticString(argumentAt(call, registration.path.arg), ctx.scopeManager);
      routePath = value === undefined ? undefined : registration.path.before + value + registration.path.after;
      hasPath = true;
    }
    const methods = method === 'use' || method === 'all' ? ['*'] : [method === 'del' ? 'DELETE' : method.toUpperCase()];
    const key = `${methods.join()} ${routePath ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = method === 'use' ? 'middleware' : 'route';
    const via = `the registration helper \`${helper.name}()\` (${helper.where}, \`.${method}()\` at line ${registration.line})`;
    const route: RouteInfo | undefined = hasPath
      ? { methods, path: routePath, pathComplete: false, registration: call, receiver }
      : undefined;
    const functions = handlerFunctions(ctx.scopeManager, handlerArg);
    const framework = frameworkOf(ctx, functions[0]);
    if (functions.length === 0) {
      ctx.externalHandlers.push({ framework, kind, confidence: 'heuristic', via, route, target: handlerArg });
      if (route && kind === 'route')
        ctx.externalRoutes.push(makeExternalRoute({ framework, confidence: 'heuristic', via, route, target: handlerArg }));
    }
    for (const fn of functions)
      handlers.push(makeHandler({ node: fn, framework, kind, confidence: 'heuristic', via, route, filename: ctx.filename }));
  }
  return handlers;
}

/**
 * False when `text` holds no call shaped like a registration helper's, or heuristics are off: the
 * one text test of this detector, the cross-module registration reader and `fleet routes`.
 */
export function mayCallHelper(text: string, heuristics: boolean): boolean {
  HELPER_CALL.lastIndex = 0;
  return heuristics && HELPER_CALL.test(text);
}

/** False when the module holds no helper-shaped call (cheap text test), is a test file, or heuristics are off. */
export function mayDetectRegistrationHelpers(filename: string, text: string, heuristics: boolean, projectRoot?: string): boolean {
  return !isTestFile(filename, projectRoot) && mayCallHelper(text, heuristics);
}

/** Recognises calls of registration helpers (see the module comment). */
export const detectRegistrationHelpers: Detector = (ctx) => {
  if (!ctx.settings.heuristics || isTestFile(ctx.filename, ctx.projectRoot)) return [];
  const offsets = helperCallOffsets(ctx.text);
  if (offsets?.length === 0) return [];
  const handlers: HandlerFinding[] = [];
  walkCallsAt(ctx.ast, offsets, (call) => handlers.push(...fromCall(ctx, call)));
  return handlers;
};

/** Forgets every helper module read (tests). */
export function clearRegistrationHelpers(): void {
  helperModules.clear();
}
