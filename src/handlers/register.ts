import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext } from './detector.js';
import type { ExternalHandler, HandlerFinding, HandlerKind } from './types.js';
import type { Instance } from './instance.js';
import { isUnprefixedRoot } from './instance.js';
import { handlerFunctions, listElements } from './handler-functions.js';
import type { FunctionNode } from '../ast/function-node.js';
import { makeHandler } from './make-handler.js';
import { makeExternalRoute } from './external-route.js';
import type { Tracker } from './track.js';

/**
 * The same-module functions `argument` runs (`handlerFunctions`). Every value it names that runs
 * none — the argument itself, or each element of a list (`[auth, audit.log]`, `...guards` of a
 * `const` array) — goes to `ctx.externalHandlers` as `external` says (none when `undefined`), so
 * the module defining it (an import, a factory's result) learns it is a handler. `isInstance`
 * marks app and router objects, which are mounted, not run.
 */
export function localOrExternal(
  ctx: DetectContext,
  argument: TSESTree.Node,
  external: Omit<ExternalHandler, 'target'> | undefined,
  isInstance: (node: TSESTree.Node) => boolean = () => false,
): FunctionNode[] {
  const functions = handlerFunctions(ctx.scopeManager, argument, isInstance);
  if (external === undefined) return functions;
  const elements = listElements(ctx.scopeManager, argument);
  if (elements === undefined) {
    if (functions.length === 0 && !isInstance(argument)) ctx.externalHandlers.push({ ...external, target: argument });
    return functions;
  }
  for (const element of elements)
    if (!isInstance(element) && handlerFunctions(ctx.scopeManager, element, isInstance).length === 0)
      ctx.externalHandlers.push({ ...external, target: element });
  return functions;
}

/** One registration call's facts, shared by the Express, Koa and Hono detectors. */
export interface Registration {
  readonly instance: Instance;
  readonly call: TSESTree.CallExpression;
  /** The arguments that hold handlers. */
  readonly args: readonly TSESTree.Node[];
  /** Upper-case methods, or `['*']`. */
  readonly methods: readonly string[];
  /** `{ value }` when the registration names a path (value `undefined` if not static); `undefined` when it has none. */
  readonly path: { readonly value: string | undefined } | undefined;
  readonly kind: 'route' | 'middleware';
  /** Provenance, e.g. "`router.get()` on `express.Router()`". */
  readonly via: string;
}

/**
 * Turns a registration into handlers: each function it runs becomes a `route` or `middleware`
 * (4-parameter Express-style functions become `error-middleware`), with the route's own path
 * (no prefix: the route inventory takes every prefix from the mount graph).
 * A route registration that runs no same-module function goes to `ctx.externalRoutes`, and every
 * argument that names no same-module function to `ctx.externalHandlers`.
 */
export function registerHandlers(ctx: DetectContext, tracker: Tracker, registration: Registration): HandlerFinding[] {
  const { instance, path } = registration;
  const route =
    path === undefined
      ? undefined
      : {
          methods: registration.methods,
          path: path.value,
          // The own path is the full one only on an app the model sees is the root, with no prefix.
          pathComplete: isUnprefixedRoot(instance) && path.value !== undefined,
          registration: registration.call,
        };
  const handlers: HandlerFinding[] = [];
  const isInstance = (node: TSESTree.Node): boolean => tracker.instanceAt(node) !== undefined;
  for (const [index, arg] of registration.args.entries()) {
    // An imported controller or middleware, or a factory's result: its module learns it is a handler.
    const kind = registration.kind === 'route' && index === registration.args.length - 1 ? 'route' : 'middleware';
    const external = { framework: instance.framework, kind, confidence: instance.confidence, via: registration.via, route } as const;
    const functions = localOrExternal(ctx, arg, external, isInstance);
    for (const fn of functions) {
      const handlerKind: HandlerKind = instance.framework === 'express' && fn.params.length === 4 ? 'error-middleware' : registration.kind;
      handlers.push(
        makeHandler({
          node: fn,
          framework: instance.framework,
          kind: handlerKind,
          confidence: instance.confidence,
          via: registration.via,
          route,
          filename: ctx.filename,
        }),
      );
    }
  }
  const last = registration.args.at(-1);
  if (handlers.length === 0 && route && registration.kind === 'route' && last && !tracker.instanceAt(last)) {
    // No same-module function runs here (`router.get('/x', users.list)`): still a route.
    ctx.externalRoutes.push(
      makeExternalRoute({ framework: instance.framework, confidence: instance.confidence, via: registration.via, route, target: last }),
    );
  }
  return handlers;
}
