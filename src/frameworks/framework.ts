/**
 * What one framework contributes to Fleet, in one place: the registry (`src/frameworks/index.ts`)
 * lists one of these per folder under `src/frameworks/`, and the framework list, the
 * `settings.fleet.frameworks` values, the detector order, the path-syntax map of the inventory,
 * the module facts' app/router creation, mounts, prefix methods and app calls, the script roots,
 * the full path of routes outside the mount graph and the `fleet routes` pre-filter are all read
 * from it: generic route code (`src/routes/`) names no framework package, method or name
 * (`test/frameworks/registry.test.ts`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Framework as PatternSyntax } from 'fleet-routes';
import type { Detector } from '../handlers/detector.js';
import type { RouteInfo } from '../handlers/types.js';

/** A route's full paths (in the framework's syntax), or why they are unknown. */
export type FullPaths = { readonly paths: string[] } | { readonly reason: string };

/** A constructor or factory callee as the module facts see it: `express()`, `express.Router()`, `new Router({ prefix })`. */
export interface CreationCallee {
  /** The module specifier it is imported from, as written (`express`, `@koa/router`). */
  readonly specifier: string;
  /** The member called on the import (`Router` of `express.Router()`), else the imported name (`default`, `*`, `Hono`). */
  readonly name: string;
  /** True when called as a member of the import (`express.Router()`). */
  readonly member: boolean;
  /** True when the import is the whole module (`import x from`, `import * as x`, `require()`). */
  readonly whole: boolean;
}

/** What a creation makes: `app` is a root when nothing mounts it, `router` must be mounted. */
export interface Creation {
  readonly kind: 'app' | 'router';
  /** The option of the first argument that holds the object's own prefix: `prefix` of `new Router({ prefix })` (Koa routers, Elysia). */
  readonly prefixOption?: string;
}

/**
 * The methods that give a framework object a prefix of its own, outside any mount. The module
 * facts (`src/routes/module-facts/`) ask the registry for them and name no method themselves.
 */
export interface PrefixMethods {
  /**
   * Methods that return a new object under the receiver at the first argument's path (Hono's
   * `app.basePath('/v1')`). On a creation chain (`new Hono().basePath('/v1')`) they extend the
   * created object's own prefix; on an existing object they derive a new one mounted under it.
   */
  readonly deriving?: readonly string[];
  /**
   * Methods that set the receiver's own prefix, for every route registered on it before or after
   * (koa-router's `router.prefix('/v1')`, also at the end of a creation chain), and the prefix the
   * framework keeps for an argument (koa-router drops a trailing `/`).
   */
  readonly setting?: { readonly methods: readonly string[]; readonly value: (argument: string) => string };
  /** Modules whose objects have these methods: a call on an object the module did not create counts only in a module importing one of them. */
  readonly packages: readonly string[];
}

/** Methods returning an object's dispatch middleware, which stands for the object where it is mounted (Koa's `app.use(router.routes())`). */
export type DispatchMethods = readonly string[];

/** A mount call of a framework's own: the function whose first parameter is mounted, and its path. */
export interface FrameworkMount {
  /** The mounted function (`(app) => app.get(...)`) or object. */
  readonly child: TSESTree.Node;
  /** The path argument; `''` when the call adds none. */
  readonly prefix: TSESTree.Node | '';
}

/**
 * A method that mounts a child object under its receiver. The module facts read it on any
 * object in every module (the receiver is often a parameter, in a module that imports nothing of
 * the framework), so two frameworks declaring one method must declare it alike.
 */
export interface MountMethod {
  readonly method: string;
  /**
   * Where the mount path is: `'leading'`, the first argument when it reads as a path, else none
   * (Express's `use([path,] ...children)`); `{ argument }`, that argument, a string (Hono's
   * `route('/users', users)`); `{ argument, option }`, that option of that argument, an object
   * literal, where no argument or no such option means no path (Fastify's
   * `register(plugin, { prefix })`).
   */
  readonly path: 'leading' | { readonly argument: number; readonly option?: string };
  /**
   * The mounted argument: an index, or `'rest'` for every argument after the path (arrays
   * flattened, inline functions skipped: those are middleware, not objects).
   */
  readonly child: number | 'rest';
  /** The mounted function receives the receiver as this parameter (a Fastify plugin `(instance, opts)`: 0). */
  readonly receiverParam?: number;
  /** The call is a mount only with exactly this many arguments (Hono's `route(path, child)`, not Fastify's `route({ ... })`). */
  readonly arity?: number;
}

/** A call on the app object that changes the path of every route of its package, as the module facts record it. */
export interface AppCall {
  /** The method called (`setGlobalPrefix`). */
  readonly method: string;
  readonly line: number;
}

/**
 * The method names (as `.name(`) and class decorators a file must contain for the `fleet routes`
 * pre-filter to read it further (`src/routes/may-route.ts`); with `handlerMethods`, every method
 * whose arguments the framework's detector may take as handlers, for the handler model's
 * registration pre-check (`registeringMethods`).
 */
export interface RegistrationCalls {
  /** Route methods: a path, then handlers (`get('/x', h)`); the detector's own list. */
  readonly verbs?: readonly string[];
  /** Class decorators that make a class's methods routes (NestJS `@Controller()`). */
  readonly classDecorators?: readonly string[];
  /** Mounts: a call with one handler-shaped argument registers (`use(auth)`, `register(plugin, { prefix })`). */
  readonly mounts?: readonly string[];
  /** Calls whose arguments may be a route object rather than a handler: any such call may register (`route({ method, url, handler })`). */
  readonly routeObjects?: readonly string[];
  /**
   * Other methods whose arguments the detector may take as handlers with no route path of their
   * own: lifecycle hooks, error and not-found handlers, `param` callbacks, handler factories
   * (`onError(h)`, `addHook('onRequest', h)`, `factory.createHandlers(h)`). Not read by the
   * `fleet routes` pre-filter (they register no route).
   */
  readonly handlerMethods?: readonly string[];
}

/** One framework. `Name` is its value in `settings.fleet.frameworks` and on every handler. */
export interface FrameworkDefinition<Name extends string = string> {
  readonly name: Name;
  /** How people write it, for docs and messages: `Express`, `Next.js`. */
  readonly title: string;
  /** Recognises its handlers in one module; detectors run in registry order, the heuristic after them. */
  readonly detect: Detector;
  /**
   * How a handler answers the request: through a response parameter (`res`, `reply`, Koa's
   * `ctx`, Hono's `c`: the 2nd of several, or the only one), or by returning the response (its
   * parameters are inputs). `no-floating-work-in-handler` reads it to tell the request's own flow.
   */
  readonly answersBy: 'parameter' | 'return';
  /** The syntax of its route paths, for `normalizePath` (the custom framework reads as Express). */
  readonly pathSyntax: PatternSyntax;
  /**
   * Words one of which appears in every file that registers its routes (package names). The
   * `fleet routes` pre-filter (`src/routes/may-route.ts`) skips a file that contains none of them
   * nor a generic route word, before it looks for a registration call; a framework whose files
   * are found by convention (Next.js) needs none.
   */
  readonly mayRoute: readonly string[];
  /**
   * False only when `detect` cannot find anything in the module at `filename` with this text:
   * the words (package names, directives) or the file path its first test needs. The handler model
   * skips modules for which every framework and the heuristic say false (no scope analysis, no
   * detector), so it must never say false where `detect` could find a handler or route.
   * Default (`mayDetectFramework`): one of the `mayRoute` words is in the text, or `routeFile`
   * says the path is a route module; declare it only where `detect` needs more (or less).
   */
  readonly mayDetect?: (filename: string, text: string) => boolean;
  /**
   * For frameworks whose routes are files (Next.js, SvelteKit, Nitro, React Router, Medusa): true
   * when the path alone makes `filename` a route module, so the `fleet routes` pre-filter keeps it
   * whatever its text.
   */
  readonly routeFile?: (filename: string) => boolean;
  /** Its mount methods, read on every object of every module (`mountMethods` of all frameworks, see {@link MountMethod}). */
  readonly mountMethods?: readonly MountMethod[];
  /**
   * Packages whose imported function wraps a mounted child inside a mount method's `'rest'`
   * arguments: with two arguments the first is the path and the second the child, with one the
   * child alone (koa-mount's `app.use(mount('/api', api))`).
   */
  readonly mountWrappers?: readonly string[];
  /**
   * Packages whose imported function wraps a plugin whose routes join the context it is
   * registered in, so the mount's path does not apply to them (fastify-plugin's `fp(plugin)`).
   */
  readonly contextSharingWrappers?: readonly string[];
  /**
   * The files a `package.json` script loads as the root (fastify-cli's `fastify start app.js`
   * registers the file's default-exported plugin on the root instance), relative to the
   * package's folder; none when the script adds a prefix Fleet does not read.
   */
  readonly scriptRoots?: (script: string) => readonly string[];
  /**
   * Calls on the app that change every route's path in its package (NestJS
   * `app.setGlobalPrefix('api')`, `app.enableVersioning()`), read on any object in a module whose
   * text names one of `methods`; `read` gives what the call sets, or `undefined` when it sets
   * nothing Fleet reads. Such a call is never a mount.
   */
  readonly appCalls?: {
    readonly methods: readonly string[];
    readonly read: (method: string, call: TSESTree.CallExpression, constants: ReadonlyMap<string, string>) => AppCall | undefined;
  };
  /** The calls and decorators the `fleet routes` pre-filter looks for (see {@link RegistrationCalls}). */
  readonly registrationCalls?: RegistrationCalls;
  /**
   * Mount calls a declaration cannot express (Elysia's `group('/p', (app) => ...)`), looked for in
   * modules that import one of `packages`, before the `mountMethods`.
   */
  readonly mounts?: {
    readonly packages: readonly string[];
    readonly of: (method: string, args: readonly TSESTree.CallExpressionArgument[]) => FrameworkMount | undefined;
  };
  /**
   * The full paths of one of its routes when they do not come from the mount graph (NestJS: the
   * controller path under the global prefix; Next.js: the file path under `basePath`; declared
   * handlers: the declared path). `file`: the module's absolute path and the project root.
   */
  readonly fullPaths?: (route: RouteInfo, file: { readonly filename: string; readonly projectRoot: string }) => FullPaths;
  /** The app or router a callee imported from its packages creates, for the cross-file mount index. */
  readonly creates?: (callee: CreationCallee) => Creation | undefined;
  /** Methods that give its objects a prefix of their own (Hono `basePath`, koa-router `prefix`). */
  readonly prefixMethods?: PrefixMethods;
  /** Methods whose result, mounted, mounts the object they are called on (koa-router `routes()`, `middleware()`). */
  readonly dispatchMethods?: DispatchMethods;
}
