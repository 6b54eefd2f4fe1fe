/**
 * The handler model of a module: runs every detector once, merges their findings (one handler
 * per function, `certain` over `heuristic`), and answers "which handlers run this node?".
 * Cached per AST, so every rule linting the file shares one model.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { FleetSettings } from '../settings.js';
import { readFleetSettings } from '../settings.js';
import type { DetectContext } from './detector.js';
import { detectors } from './detectors/index.js';
import { buildImportIndex } from './imports.js';
import { computeReach } from './reach.js';
import { isFunction } from './resolve-function.js';
import type { FunctionNode, Handler, HandlerFinding, HandlerModel, HandlerReach, RouteInfo } from './types.js';

/** What `getHandlerModel` reads. The AST must carry `parent` pointers (ESLint sets them). */
export interface HandlerModelInput {
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager;
  readonly filename: string;
  readonly settings: FleetSettings;
  /** The source text, when available: enables cheap text pre-filters. */
  readonly text?: string | undefined;
}

const cache = new WeakMap<TSESTree.Program, HandlerModel>();

/**
 * One handler per function: a framework detector's `certain` finding wins over the heuristic's,
 * and every route a function is registered on (by any finding kept) goes into `routes`.
 */
function merge(found: readonly HandlerFinding[], settings: FleetSettings): Handler[] {
  const byNode = new Map<FunctionNode, { best: HandlerFinding; routes: RouteInfo[] }>();
  for (const finding of found) {
    if (!settings.frameworks.includes(finding.framework)) continue;
    if (finding.confidence === 'heuristic' && !settings.heuristics) continue;
    const entry = byNode.get(finding.node);
    if (!entry) {
      byNode.set(finding.node, { best: finding, routes: finding.route ? [finding.route] : [] });
      continue;
    }
    const upgrade = entry.best.confidence === 'heuristic' && finding.confidence === 'certain';
    if (upgrade) {
      // A heuristic guess says nothing about routes once a detector has traced the function.
      entry.best = finding;
      entry.routes = finding.route ? [finding.route] : [];
    } else if (finding.route && finding.confidence === entry.best.confidence && !entry.routes.some((route) => route.registration === finding.route!.registration)) {
      entry.routes.push(finding.route);
    }
  }
  return [...byNode.values()].map(({ best, routes }) => ({ ...best, route: routes[0], routes })).sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function buildModel(input: HandlerModelInput): HandlerModel {
  const ctx: DetectContext = {
    ast: input.ast,
    scopeManager: input.scopeManager,
    filename: input.filename,
    settings: input.settings,
    imports: buildImportIndex(input.ast, input.scopeManager),
    text: input.text,
  };
  const handlers = merge(detectors.flatMap((detect) => detect(ctx)), input.settings);
  const byNode = new Map<FunctionNode, Handler>(handlers.map((handler) => [handler.node, handler]));
  let reach: Map<FunctionNode, HandlerReach[]> | undefined;
  return {
    handlers,
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
export type HandlerModelContext = Pick<Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, 'sourceCode' | 'filename' | 'settings'>;

/**
 * The handler model of the file an ESLint rule is linting. Reads `settings.fleet` (throws a
 * clear Error when it is invalid).
 */
export function handlerModelFor(context: HandlerModelContext): HandlerModel {
  const { sourceCode } = context;
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  if (!sourceCode.scopeManager) throw new Error('Fleet needs a scope manager: lint with a parser that provides one (espree or @typescript-eslint/parser).');
  return getHandlerModel({
    ast: sourceCode.ast,
    scopeManager: sourceCode.scopeManager,
    filename: context.filename,
    settings: readFleetSettings((context.settings as { fleet?: unknown }).fleet),
    text: sourceCode.text,
  });
}
