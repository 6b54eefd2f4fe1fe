/**
 * The route inventory: every route a module registers, with its full path (every prefix
 * resolved across the project where static), normalised to the manifest's pattern form. Shared
 * by `require-route-role`, `no-workspace-fs-in-serve-route` and `fleet routes`.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { normalizePath } from 'fleet-routes';
import { frameworkNamed } from '../frameworks/index.js';
import { functionName } from '../ast/function-name.js';
import type { ExternalRoute, Framework, Handler, HandlerModel, RouteInfo } from '../handlers/types.js';
import { moduleFacts } from './module-facts/module-facts.js';
import { MountPrefixes } from './mount-prefixes.js';
import type { FrameworkDefinition } from '../frameworks/framework.js';
import { joinPrefix } from './join-prefix.js';
import { projectMounts } from './project-mounts.js';
import { registrationSite } from './registration-site.js';
import { registrationUnit, unitOfExpression } from './module-facts/units.js';
import { serverProperties, thisProperty } from './server-properties.js';
import { isTestFile } from './test-file.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** One route of the inventory. A registration whose path has optional parts gives one entry per pattern. */
export interface RouteEntry {
  /** Upper-case HTTP methods, or `['*']` for all-methods registrations. */
  readonly methods: readonly string[];
  /** The full path in the manifest's pattern form (`/users/{id}`, `/files/{*path}`); `undefined` when not `complete`. */
  readonly pattern: string | undefined;
  /** The path in the framework's syntax, with every prefix resolved (`/users/:id`); the known part when not complete. */
  readonly rawPath: string | undefined;
  /** False when a prefix or the path itself could not be resolved statically, or is not a pattern. */
  readonly complete: boolean;
  /** Why the route is not complete, in words for messages (e.g. "mounted by src/app.ts:12 with a computed prefix"). */
  readonly unresolved: string | undefined;
  /** File path relative to the project root, `/`-separated. */
  readonly file: string;
  /** 1-based line and column of the registration. */
  readonly line: number;
  readonly column: number;
  readonly framework: Framework;
  /**
   * `handler`: a function of this module answers the route; `external`: the handler comes from
   * elsewhere (`Ctl.create.bind(this)`, `require('./c').list`, `export default NextAuth(options)`).
   */
  readonly source: 'handler' | 'external';
  /** The same-module function that answers the route; `undefined` when `source` is `external`. */
  readonly handler: Handler | undefined;
  /** The external registration as the handler model saw it; `undefined` when `source` is `handler`. */
  readonly external: ExternalRoute | undefined;
  /** Short label for messages, as the handler model writes it (`POST /libraries`). */
  readonly label: string;
  /** The node that registers the route (call, decorator, export); reports point here. */
  readonly registration: TSESTree.Node;
  /** The handler function, or the argument / export expression that names an external handler. */
  readonly target: TSESTree.Node;
  /** The handler's name for output (`listRuns`, `LibraryController.create`, `NextAuth()`); `undefined` when anonymous. */
  readonly targetName: string | undefined;
}

/** What `routesOfFile` reads. */
export interface RoutesOfFileInput {
  readonly model: HandlerModel;
  /** The module's AST (the one the model was built from). Default: found from the routes' parent pointers. */
  readonly ast?: TSESTree.Program | undefined;
  /** Absolute path of the module. */
  readonly filename: string;
  /** Absolute project root: cross-file mounts are looked up in the files under it. */
  readonly projectRoot: string;
}

/** One registration, whether a local function or an external handler answers it. */
interface RouteSite {
  readonly framework: Framework;
  readonly route: RouteInfo;
  readonly source: 'handler' | 'external';
  readonly handler: Handler | undefined;
  readonly external: ExternalRoute | undefined;
  readonly label: string;
  readonly target: TSESTree.Node;
  readonly targetName: string | undefined;
}

/**
 * Every route registration of the model in source order. The last handler of a registration
 * answers it (`app.get('/x', auth, handler)`); earlier ones are route middleware. A function
 * registered on several routes (`app.get('/a', list); app.get('/b', list)`) answers each.
 */
function routeSites(model: HandlerModel): RouteSite[] {
  const byRegistration = new Map<TSESTree.Node, { handler: Handler; route: RouteInfo }>();
  for (const handler of model.handlers) {
    if (handler.kind !== 'route') continue;
    for (const route of handler.routes) byRegistration.set(route.registration, { handler, route });
  }
  const sites: RouteSite[] = [...byRegistration.values()].map(({ handler, route }) => ({
    framework: handler.framework,
    route,
    source: 'handler',
    handler,
    external: undefined,
    // The handler's label names its first route; another route is labelled as the model labels one.
    label: route === handler.route ? handler.label : `${route.methods.join(',')} ${route.path ?? '<unknown path>'}`,
    target: handler.node,
    targetName: functionName(handler.node),
  }));
  for (const external of model.externalRoutes) {
    sites.push({
      framework: external.framework,
      route: external.route,
      source: 'external',
      handler: undefined,
      external,
      label: external.label,
      target: external.target,
      targetName: external.targetName,
    });
  }
  // Handlers and external routes are found apart; the inventory lists them as the file reads.
  return sites.sort((a, b) => a.route.registration.range[0] - b.route.registration.range[0]);
}

/** `router.get(['/a', '/b'], …)`: the literal paths of an array path argument, else `undefined`. */
function arrayPaths(registration: TSESTree.Node): string[] | undefined {
  if (registration.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const first = registration.arguments[0];
  if (first?.type !== AST_NODE_TYPES.ArrayExpression || first.elements.length === 0) return undefined;
  const paths: string[] = [];
  for (const element of first.elements) {
    if (element?.type === AST_NODE_TYPES.Literal && typeof element.value === 'string') paths.push(element.value);
    else if (element?.type === AST_NODE_TYPES.TemplateLiteral && element.expressions.length === 0)
      paths.push(element.quasis[0]!.value.cooked ?? '');
    else return undefined;
  }
  return paths;
}

/** Full raw paths of one route, or why they are unknown. */
function fullPaths(
  site: RouteSite,
  resolver: () => MountPrefixes,
  input: RoutesOfFileInput,
): { paths: string[] } | { reason: string; known?: string } {
  const { route } = site;
  // NestJS, Next.js, declared handlers: the full path is the framework's own (the registry's `fullPaths`), not the mount graph's.
  const own = (frameworkNamed(site.framework) as FrameworkDefinition).fullPaths;
  if (own) return own(route, input);
  const unit = route.receiver ? unitOfExpression(route.receiver) : registrationUnit(route.registration);
  const elements = route.path === undefined ? arrayPaths(route.registration) : undefined;
  if (elements !== undefined && unit !== undefined) {
    // The model keeps no path for an array: every prefix of the unit goes before each element.
    const outcome = resolver().full(input.filename, unit);
    if (!outcome.ok) return { reason: outcome.reason };
    return { paths: outcome.values.flatMap((prefix) => elements.map((element) => joinPrefix(prefix, element))) };
  }
  if (route.path === undefined) return { reason: 'the route path is not a static string' };
  if (unit === undefined) {
    const property = registrationProperty(route.registration);
    if (property !== undefined && !serverProperties(input.ast ?? programOf(input.model)).has(property)) {
      return { reason: `it is registered on \`this.${property}\`, a class property whose mounts Fleet does not follow` };
    }
    return route.pathComplete
      ? { paths: [route.path] }
      : { reason: 'it is registered on an object Fleet cannot follow (not a variable or a function parameter)' };
  }
  // The mount graph gives every prefix of the object the route is registered on, the ones in
  // this module included; the detector gave the route's own path.
  const ownPath = route.path;
  const outcome = resolver().full(input.filename, unit);
  // Nothing mounts the object, and the detector sees it is the root app with no prefix (a
  // parameter typed `Express`): its own path is the full path. A class property no mount
  // reaches is not known to be the root (that takes a `listen` on it, see `module-facts.ts`).
  if (!outcome.ok && outcome.unmounted === true && route.pathComplete && !unit.slice(unit.lastIndexOf('>') + 1).includes('#'))
    return { paths: [ownPath] };
  if (!outcome.ok) {
    // What is known is the path below the unit's mounts: its own prefix (Koa `{ prefix }`) and the route's path.
    const own = resolver().own(input.filename, unit);
    return { reason: outcome.reason, known: own.ok ? joinPrefix(own.values[0]!, ownPath) : ownPath };
  }
  return { paths: outcome.values.map((prefix) => joinPrefix(prefix, ownPath)) };
}

/** `router` for a registration on `this.router` (`this.router.get('/x', …)`). */
function registrationProperty(registration: TSESTree.Node): string | undefined {
  if (registration.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = registration.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression ? thisProperty(callee.object) : undefined;
}

function programOf(model: HandlerModel): TSESTree.Program {
  let node: TSESTree.Node = model.handlers[0]?.node ?? model.externalRoutes[0]!.route.registration;
  while (node.parent) node = node.parent;
  return node;
}

/**
 * The routes `model` registers, in source order. Prefixes from other modules come from
 * `projectMounts(projectRoot)` (cached, see there). Never invents a path: a route whose prefix
 * cannot be resolved statically has `complete: false`, `pattern: undefined` and an `unresolved` reason.
 * Test files (see `test-file.ts`) have no routes: the app a test builds is not the project's.
 */
export function routesOfFile(input: RoutesOfFileInput): readonly RouteEntry[] {
  // Rules ask for the same file more than once (the route rules, then message labels).
  if (input.ast === undefined) return computeRoutes(input);
  let byRoot = entriesCache.get(input.ast);
  if (byRoot === undefined) entriesCache.set(input.ast, (byRoot = new Map<string, readonly RouteEntry[]>()));
  let entries = byRoot.get(input.projectRoot);
  if (entries === undefined) byRoot.set(input.projectRoot, (entries = computeRoutes(input)));
  return entries;
}

const entriesCache = new WeakMap<TSESTree.Program, Map<string, readonly RouteEntry[]>>();

function computeRoutes(given: RoutesOfFileInput): RouteEntry[] {
  // The project index knows files by absolute path; a rule may be handed a relative file name (RuleTester does).
  const input = { ...given, filename: path.resolve(given.filename) };
  const file = path.relative(input.projectRoot, input.filename).split(path.sep).join('/');
  if (isTestFile(file)) return [];
  let resolver: MountPrefixes | undefined;
  const lazyResolver = (): MountPrefixes =>
    (resolver ??= new MountPrefixes(projectMounts(input.projectRoot), input.filename, moduleFacts(input.ast ?? programOf(input.model))));
  const entries: RouteEntry[] = [];
  const sites = routeSites(input.model);
  if (sites.length === 0) return [];
  for (const site of sites) {
    const { route, framework, source, handler, external, label, target, targetName } = site;
    const { line, column } = registrationSite(route.registration);
    const base = {
      methods: route.methods,
      file,
      line,
      column: column + 1,
      framework,
      source,
      handler,
      external,
      label,
      registration: route.registration,
      target,
      targetName,
    };
    const found = fullPaths(site, lazyResolver, input);
    if ('reason' in found) {
      entries.push({ ...base, pattern: undefined, rawPath: found.known ?? route.path, complete: false, unresolved: found.reason });
      continue;
    }
    for (const rawPath of found.paths) {
      const normalised = normalizePath(rawPath, frameworkNamed(framework).pathSyntax);
      if (!normalised.ok) {
        entries.push({ ...base, pattern: undefined, rawPath, complete: false, unresolved: normalised.reason });
        continue;
      }
      for (const pattern of normalised.paths) entries.push({ ...base, pattern, rawPath, complete: true, unresolved: undefined });
    }
  }
  return entries;
}
