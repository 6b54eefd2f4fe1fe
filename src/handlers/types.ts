/**
 * The handler model: for any function in a module, whether it runs inside an HTTP request
 * handler, of which framework, for which route, and how we know. Rules, codemods and the CLI
 * all read this one model (built once per file, see `getHandlerModel`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Framework } from '../frameworks/index.js';

/** A function node that can serve as a handler. */
import type { FunctionNode } from '../ast/function-node.js';

export type { FunctionNode };

/** The framework a handler belongs to (a name from the registry, `src/frameworks/index.ts`). */
export type { Framework };

/**
 * What part of the request pipeline the function is.
 * - `route`: answers one route (verb registration, Nest method, Next route export, pages/api).
 * - `middleware`: runs for many routes (`use`, Nest middleware/guard/interceptor/filter, Next middleware).
 * - `error-middleware`: Express-style `(err, req, res, next)` handler.
 * - `hook`: framework lifecycle hook tied to a request (Fastify `onRequest`, `preHandler`, ...).
 * - `server-action`: Next.js `'use server'` function (called over HTTP by the client).
 */
export type HandlerKind = 'route' | 'middleware' | 'error-middleware' | 'hook' | 'server-action';

/**
 * How sure we are that the function is a request handler.
 * - `certain`: the receiver or export was traced to a framework import, a file convention or a
 *   user declaration.
 * - `heuristic`: only the parameter names / registration shape suggest it (switchable off with
 *   `settings.fleet.heuristics: false`).
 */
export type Confidence = 'certain' | 'heuristic';

/** A route a handler answers, as far as it is statically known. */
export interface RouteInfo {
  /** Upper-case HTTP methods (`GET`, `POST`, ...); `['*']` for all-methods registrations. */
  readonly methods: readonly string[];
  /**
   * The route's own path (framework syntax, not yet normalised), or `undefined` when no literal
   * path exists. For a route registered on a framework object (`router.post('/:id', …)`,
   * `app.route('/x').get()`) it is relative to that object, with no prefix of the object or of any
   * mount: the route inventory (`src/routes/inventory.ts`) puts the mount graph's prefixes before
   * it. For a Nest method, the controller and method paths joined; for a file route, the path the
   * file stands for.
   */
  readonly path: string | undefined;
  /**
   * True when `path` is the full path as far as the module shows: a file route, a Nest method
   * with static paths, a route on a root app with no prefix. False when the path itself is not
   * static, or the object it is registered on has a prefix or may be mounted.
   */
  readonly pathComplete: boolean;
  /** The node that registers the route (call expression, decorator, export declaration). */
  readonly registration: TSESTree.Node;
  /**
   * The object the route is registered on, when it is not the registration's callee object: the
   * router argument of a registration helper's call (`setupPageRoute(router, '/x', …)`).
   */
  readonly receiver?: TSESTree.Node | undefined;
}

/** What a detector finds: one handler as seen at one registration (see `Handler` for the merged view). */
export interface HandlerFinding {
  /** The function that runs per request. */
  readonly node: FunctionNode;
  readonly framework: Framework;
  readonly kind: HandlerKind;
  readonly confidence: Confidence;
  /** Provenance, human readable: how the handler was recognised, e.g. "`app.post()` on `express()`". */
  readonly via: string;
  /** The route, when the handler answers one. */
  readonly route: RouteInfo | undefined;
  /** A short label for messages: `POST /users`, or the function name for middleware. */
  readonly label: string;
}

/**
 * One recognised request handler: the findings of every detector for one function, merged.
 * `route` is the first registration (source order of detection); a function registered on
 * several routes (`app.get('/a', list); app.get('/b', list)`) lists them all in `routes`.
 * `certain` findings replace `heuristic` ones. A function registered both as middleware and on
 * a route is a route handler: `kind`, `label`, `via` and `route` come from its first route
 * registration and `routes` holds only route registrations (never the `use` mount).
 */
export interface Handler extends HandlerFinding {
  /** Every route the function answers, first registration first; empty when it answers none. */
  readonly routes: readonly RouteInfo[];
}

/**
 * A route registration whose handler function is not in this module: an imported controller
 * (`router.get('/x', users.list)`, `Ctl.create.bind(this)`, `require('./c').list`), a factory
 * call (`app.get('/x', proxy())`), or a Next.js route whose export is built by a package
 * (`export default NextAuth(options)`). It is still a route for the inventory; there is no
 * `FunctionNode` to analyse, so it is kept apart from `handlers`. A registration that runs at
 * least one same-module function appears in `handlers` instead, never in both.
 */
export interface ExternalRoute {
  readonly framework: Framework;
  /** Always `route`: middleware and hooks without a local function carry no route of their own. */
  readonly kind: 'route';
  readonly confidence: Confidence;
  /** Provenance, as for `Handler.via`. */
  readonly via: string;
  readonly route: RouteInfo;
  /** `POST /libraries`, as for a handler's label. */
  readonly label: string;
  /** The argument or export expression that names the handler (the last handler argument). */
  readonly target: TSESTree.Node;
  /**
   * The handler as a dotted name, for messages: `LibraryController.create` (also for
   * `LibraryController.create.bind(this)`), `NextAuth()` for a call, `require().list`;
   * `undefined` when it has no such name (a spread, a computed member).
   */
  readonly targetName: string | undefined;
}

/**
 * One handler argument of a registration that names no function of this module: the imported
 * controller of a route (`LibraryController.create.bind(this)`), an imported middleware
 * (`app.use(auth)`), or a factory's result (`app.use(rateLimit())`). Other modules read these to
 * learn that their exports are handlers (see `registeredHandlers`).
 */
export interface ExternalHandler {
  readonly framework: Framework;
  /** `route` for the last handler argument of a route registration, else `middleware`. */
  readonly kind: 'route' | 'middleware';
  readonly confidence: Confidence;
  /** Provenance, as for `Handler.via`. */
  readonly via: string;
  /** The route of the registration, when it is a route registration. */
  readonly route: RouteInfo | undefined;
  /** The argument that names the handler. */
  readonly target: TSESTree.Node;
}

/** Why a function that is not itself a handler still runs inside one. */
export interface HandlerReach {
  readonly handler: Handler;
  /**
   * Same-module call chain from the handler to this function (function names), empty when the
   * function is the handler itself or nested inside it.
   */
  readonly chain: readonly string[];
}

/** The per-file handler model. */
export interface HandlerModel {
  /** Every handler recognised in the file, in source order. */
  readonly handlers: readonly Handler[];
  /**
   * Route registrations whose handler is not a function of this module, in source order
   * (see `ExternalRoute`). The full route list of a module is the `route`-kind `handlers` plus these.
   */
  readonly externalRoutes: readonly ExternalRoute[];
  /**
   * Every handler argument of a route or middleware registration that names no function of this
   * module, in source order (see `ExternalHandler`).
   */
  readonly externalHandlers: readonly ExternalHandler[];
  /** The module's imports, read once for the detectors; rules use this one instead of building their own. */
  readonly imports: ImportIndex;
  /** The handler whose function is exactly `fn`, if any. */
  handlerOf(fn: FunctionNode): Handler | undefined;
  /**
   * Every handler that runs `node`: handlers lexically enclosing it, and handlers that reach
   * the enclosing function through same-module calls (up to `settings.fleet.callDepth`).
   */
  reachesOf(node: TSESTree.Node): readonly HandlerReach[];
}

/**
 * Where a local binding comes from, resolved through imports/requires and `const` aliases.
 * `import express from 'express'` → `{ module: 'express', name: 'default', members: [] }`;
 * `const { Router } = require('express')` → `{ module: 'express', name: 'Router', members: [] }`;
 * `import * as f from 'fastify'; f.default` → `{ module: 'fastify', name: '*', members: ['default'] }`.
 */
export interface ImportSource {
  /** Module specifier as written, with a `node:` prefix removed (`fs`, `@nestjs/common`). */
  readonly module: string;
  /** Imported name: `default`, `*` (namespace / whole `require()`), or a named export. */
  readonly name: string;
  /** Member accesses applied after the import (`express.Router` → `['Router']`). */
  readonly members: readonly string[];
}

/** Resolves identifiers and member expressions to the import they come from. */
export interface ImportIndex {
  /** The import an expression (identifier or member chain on one) refers to, if any. */
  sourceOf(node: TSESTree.Node): ImportSource | undefined;
  /** Every module specifier imported or required by the file (normalised as above). */
  readonly modules: ReadonlySet<string>;
  /**
   * Every use of a binding imported from `module`, in source order: identifier references
   * (value and type positions) and bare `require('module')` calls. Detectors seed from these
   * instead of walking the tree.
   */
  usesOf(module: string): readonly TSESTree.Node[];
}
