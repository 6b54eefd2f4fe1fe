/**
 * What one module tells the route inventory about prefixes, read syntactically (no scope
 * manager, so the project index can parse every file cheaply): which framework objects it
 * creates, what it exports, and where it mounts one object under another.
 *
 * A *unit* names something routes hang off: a module-level variable (`usersRouter`), or the
 * n-th parameter of a function (`ordersRoutes@0` for `function ordersRoutes(app)`, anonymous
 * functions as `#fn@<offset>@0`), or a class property (`ApiRouter#router` for `this.router` in `class ApiRouter`),
 * or the object a function returns from a creation chain (`#return:<offset>` for
 * `return Router().get(…)`, the offset of the returned expression).
 */
import type { AppCall } from '../frameworks/framework.js';

/** A module-level object created by a framework call. */
export interface CreatedUnit {
  /** `app`: a root when nothing mounts it (`express()`, `fastify()`, `new Koa()`, `new Hono()`); `router`: must be mounted. */
  readonly kind: 'app' | 'router';
  /** Prefix the object adds itself (Koa `{ prefix }` or `router.prefix()`, Hono `basePath()`); `undefined` when not static. */
  readonly own: string | undefined;
  /** The registry name of the framework that creates it. */
  readonly framework?: string;
  /** Why `own` is unknown, in words for messages, when it is not just a computed value. */
  readonly why?: string;
}

/** What a mount attaches: a unit of this module, or an export of another. */
export type ChildRef =
  | { readonly kind: 'local'; readonly unit: string }
  | {
      readonly kind: 'import';
      readonly specifier: string;
      readonly name: string;
      readonly param: number | undefined;
      /** A property of an instance of the exported class (`new ApiRouter().router`). */
      readonly member?: string | undefined;
      /** The object the exported function returns (`app.use('/users', createUsersRouter(deps))`). */
      readonly returned?: true;
    };

/** `parent.use('/api', child)`, `parent.register(child, { prefix })`, `parent.route('/x', child)`, `setup(parent)`. */
export interface MountEdge {
  /** The unit mounting the child. */
  readonly parent: string;
  readonly child: ChildRef;
  /** The mount path; `undefined` when it is not a static string. */
  readonly prefix: string | undefined;
  readonly line: number;
  readonly column: number;
}

/** `router.prefix('/api')` on an imported object (`import router from './routes'`): its export, as written here. */
export interface ImportPrefixCall {
  readonly specifier: string;
  readonly name: string;
  /** The method called (`prefix`). */
  readonly method: string;
  readonly line: number;
}

/** Everything the inventory reads from one module. */
export interface ModuleFacts {
  readonly created: ReadonlyMap<string, CreatedUnit>;
  /** Export name (`default` for `export default` and `module.exports =`) → unit name. */
  readonly exports: ReadonlyMap<string, string>;
  /** `export { x as y } from './m'`: export name → where it comes from. */
  readonly reexports: ReadonlyMap<string, { readonly specifier: string; readonly name: string }>;
  /** `export * from './m'` specifiers. */
  readonly starExports: readonly string[];
  readonly mounts: readonly MountEdge[];
  /** Calls on the app that change every route's path in the package (the registry's `appCalls`: NestJS `setGlobalPrefix`). */
  readonly appCalls: readonly AppCall[];
  /** Function units wrapped by a `contextSharingWrappers` function (`fp(plugin)`: their routes join the parent context, so the mount's path does not apply). */
  readonly skipOverride: ReadonlySet<string>;
  /**
   * Functions whose every return gives the same object created in the module (a router factory,
   * `function createUsersRouter() { const r = Router(); …; return r; }`): function unit → that unit.
   */
  readonly returns: ReadonlyMap<string, string>;
  /**
   * Units whose own prefix cannot be known, with the reason in words for messages: one name for
   * objects created in several functions, a prefix set by `router.prefix()` where Fleet cannot
   * tell which routes it covers.
   */
  readonly ownUnknown: ReadonlyMap<string, string>;
  /**
   * Prefix-setting calls on objects the module neither creates nor imports (a parameter:
   * `function registerUsers(router) { router.prefix('/v1') }`), whatever the module imports:
   * unit → the call in words (`` `.prefix()` at line 3 ``). The prefix reaches every route of the object handed in, so the
   * units handed to such a function, in any module, have an unknown prefix (`MountPrefixes.own`).
   */
  readonly handedInPrefixes: ReadonlyMap<string, string>;
  /** Prefix-setting calls on imported objects; the module that creates the object reads them (its routes' prefix is unknown). */
  readonly prefixedImports: readonly ImportPrefixCall[];
}

/** The unit of a function's parameter. */
export function paramUnit(functionUnit: string, index: number): string {
  return `${functionUnit}@${index}`;
}
