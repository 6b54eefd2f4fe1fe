/**
 * The handler model of a module: runs every detector once, merges their findings (one handler
 * per function, `certain` over `heuristic`), and answers "which handlers run this node?".
 * Cached per AST, so every rule linting the file shares one model.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { FleetSettings } from '../settings.js';
import { readFleetSettings } from '../settings.js';
import type { DetectContext } from './detector.js';
import { detectors } from './detectors/index.js';
import { mayDetectRegistrationHelpers } from './detectors/registration-helpers.js';
import { rememberRegistrations } from './export-registrations.js';
import { packageRoot } from '../routes/package-root.js';
import { buildImportIndex } from './imports.js';
import type { ImportIndex } from './types.js';
import { mayDetectHeuristic } from './detectors/heuristic.js';
import { FRAMEWORKS, mayDetectFramework } from '../frameworks/index.js';
import { registrationsOfExports } from './registered-handlers.js';
import { computeReach } from './reach.js';
import { registeredHandlers } from './registered-handlers.js';
import { isFunction } from '../ast/resolve-function.js';
import type {
  Confidence,
  ExternalRoute,
  Framework,
  FunctionNode,
  Handler,
  HandlerFinding,
  HandlerModel,
  HandlerReach,
  RouteInfo,
} from './types.js';

/** What `getHandlerModel` reads. The AST must carry `parent` pointers (ESLint sets them). */
export interface HandlerModelInput {
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager;
  readonly filename: string;
  readonly settings: FleetSettings;
  /** The source text, when available: enables cheap text pre-filters. */
  readonly text?: string | undefined;
  /**
   * Absolute folder whose modules may register this module's exports as handlers (see
   * `registeredHandlers`); without it only registrations in the module itself count.
   */
  readonly projectRoot?: string | undefined;
  /**
   * The folder paths are read relative to when telling test files apart (default
   * `projectRoot`); set without `projectRoot` when cross-module lookups must stay off.
   */
  readonly pathRoot?: string | undefined;
}

const cache = new WeakMap<TSESTree.Program, HandlerModel>();

function enabled(finding: { readonly framework: Framework; readonly confidence: Confidence }, settings: FleetSettings): boolean {
  return settings.frameworks.includes(finding.framework) && (finding.confidence === 'certain' || settings.heuristics);
}

/**
 * One function's findings as one handler. A heuristic guess says nothing once a detector has
 * traced the function, so `certain` findings replace it. A function registered both as
 * middleware and on a route (`app.use(audit); app.post('/x', audit)`) is a route handler: kind,
 * label, via and `route` come from its first route registration, and `routes` lists only route
 * registrations, so the inventory never takes a `use` mount for a route.
 */
function mergeOne(findings: readonly HandlerFinding[]): Handler {
  const certain = findings.filter((finding) => finding.confidence === 'certain');
  const kept = certain.length > 0 ? certain : findings;
  const onRoutes = kept.filter((finding) => finding.kind === 'route' && finding.route);
  const best = onRoutes[0] ?? kept[0]!;
  const routes: RouteInfo[] = [];
  for (const finding of onRoutes.length > 0 ? onRoutes : kept) {
    if (finding.route && !routes.some((route) => route.registration === finding.route!.registration)) routes.push(finding.route);
  }
  return { ...best, route: routes[0], routes };
}

/** One handler per function (see `mergeOne`), in source order. */
function merge(found: readonly HandlerFinding[], settings: FleetSettings): Handler[] {
  const byNode = new Map<FunctionNode, HandlerFinding[]>();
  for (const finding of found) {
    if (!enabled(finding, settings)) continue;
    const list = byNode.get(finding.node);
    if (list) list.push(finding);
    else byNode.set(finding.node, [finding]);
  }
  return [...byNode.values()].map(mergeOne).sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** External routes of enabled frameworks, one per registration, none that a handler already answers. */
function externals(found: readonly ExternalRoute[], handlers: readonly Handler[], settings: FleetSettings): ExternalRoute[] {
  const taken = new Set<TSESTree.Node>(handlers.flatMap((handler) => handler.routes.map((route) => route.registration)));
  const result: ExternalRoute[] = [];
  for (const external of found) {
    if (!enabled(external, settings) || taken.has(external.route.registration)) continue;
    taken.add(external.route.registration);
    result.push(external);
  }
  return result.sort((a, b) => a.route.registration.range[0] - b.route.registration.range[0]);
}

function buildModel(input: HandlerModelInput): HandlerModel {
  const ctx: DetectContext = {
    ast: input.ast,
    scopeManager: input.scopeManager,
    filename: input.filename,
    settings: input.settings,
    imports: buildImportIndex(input.ast, input.scopeManager, input.text),
    text: input.text,
    projectRoot: input.projectRoot ?? input.pathRoot,
    externalRoutes: [],
    externalHandlers: [],
  };
  const found = detectors.flatMap((detect) => detect(ctx));
  if (input.projectRoot !== undefined) found.push(...registeredHandlers(ctx, input.projectRoot, getHandlerModel));
  const handlers = merge(found, input.settings);
  const externalRoutes = externals(ctx.externalRoutes, handlers, input.settings);
  const byNode = new Map<FunctionNode, Handler>(handlers.map((handler) => [handler.node, handler]));
  let reach: Map<FunctionNode, HandlerReach[]> | undefined;
  const model: HandlerModel = {
    handlers,
    externalRoutes,
    externalHandlers: ctx.externalHandlers.filter((external) => enabled(external, input.settings)),
    imports: ctx.imports,
    handlerOf: (fn) => byNode.get(fn),
    reachesOf(node) {
      if (handlers.length === 0) return [];
      reach ??= computeReach(input.scopeManager, input.ast, handlers, input.settings.callDepth, input.text);
      const result: HandlerReach[] = [];
      const seen = new Set<Handler>();
      for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
        if (!isFunction(current)) continue;
        const own = byNode.get(current);
        if (own && !seen.has(own)) {
          seen.add(own);
          result.push({ handler: own, chain: [] });
        }
        for (const entry of reach.get(current) ?? []) {
          if (seen.has(entry.handler)) continue;
          seen.add(entry.handler);
          result.push(entry);
        }
      }
      return result;
    },
  };
  if (input.projectRoot !== undefined && input.text !== undefined && path.isAbsolute(input.filename)) {
    const relative = path.relative(input.projectRoot, input.filename);
    if (!relative.startsWith('..') && !path.isAbsolute(relative))
      rememberRegistrations(
        input.filename,
        input.text,
        model,
        packageRoot(input.filename, input.projectRoot),
        input.settings,
        getHandlerModel,
      );
  }
  return model;
}

/**
 * The handler model of a module, built once per AST (later calls with the same `ast` return the
 * cached model, whatever the other inputs).
 */
export function getHandlerModel(input: HandlerModelInput): HandlerModel {
  const cached = cache.get(input.ast);
  if (cached) return cached;
  const model = buildModel(input);
  cache.set(input.ast, model);
  return model;
}

/** The rule context fields `handlerModelFor` reads. */
export type HandlerModelContext = Pick<
  Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  'sourceCode' | 'filename' | 'settings'
> & { readonly cwd?: string };

/**
 * The handler model of the file an ESLint rule is linting. Reads `settings.fleet` (throws a
 * clear Error when it is invalid).
 */
export function handlerModelFor(context: HandlerModelContext): HandlerModel {
  const { sourceCode } = context;
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const settings = readFleetSettings((context.settings as { fleet?: unknown }).fleet);
  const text = sourceCode.text;
  // A module no detector can read and whose exports no other module registers has no handler:
  // its model is empty, without the scope analysis (which oxlint computes only on request).
  if (
    !mayDetect(context.filename, text, settings, context.cwd) &&
    (context.cwd === undefined || registrationsOfExports(context.filename, text, context.cwd, settings, getHandlerModel).length === 0)
  ) {
    const model = emptyModel(() => buildImportIndex(sourceCode.ast, scopeManagerOf(sourceCode), text));
    cache.set(sourceCode.ast, model);
    return model;
  }
  return getHandlerModel({
    ast: sourceCode.ast,
    scopeManager: scopeManagerOf(sourceCode),
    filename: context.filename,
    settings,
    text,
    projectRoot: context.cwd,
  });
}

function scopeManagerOf(sourceCode: HandlerModelContext['sourceCode']): ScopeManager {
  const { scopeManager } = sourceCode;
  if (!scopeManager)
    throw new Error('Fleet needs a scope manager: lint with a parser that provides one (espree or @typescript-eslint/parser).');
  return scopeManager;
}

// Escapes and line continuations can spell a package name or identifier the text tests look for.
const ESCAPE = /\\(?:[ux0-7]|\r?\n|\u2028|\u2029)/;

/**
 * False when no detector can find a handler, a route or a registration in the module at
 * `filename` with this text: every framework's `mayDetect` and the heuristic's text test say so,
 * no handler is declared in the settings, and no escape could spell what those tests look for.
 */
export function mayDetect(filename: string, text: string, settings: FleetSettings, projectRoot?: string): boolean {
  if (settings.handlers.length > 0 || settings.handlerFiles.length > 0 || ESCAPE.test(text)) return true;
  return (
    FRAMEWORKS.some((framework) => mayDetectFramework(framework, filename, text)) ||
    mayDetectHeuristic(filename, text, settings.heuristics, projectRoot) ||
    mayDetectRegistrationHelpers(filename, text, settings.heuristics, projectRoot)
  );
}

/** The model of a module without handlers; its import index is built on first use. */
function emptyModel(importIndex: () => ImportIndex): HandlerModel {
  let imports: ImportIndex | undefined;
  return {
    handlers: [],
    externalRoutes: [],
    externalHandlers: [],
    get imports() {
      return (imports ??= importIndex());
    },
    handlerOf: () => undefined,
    reachesOf: () => [],
  };
}
