/**
 * The framework registry's mount methods, mount wrappers, context-sharing wrappers and app calls
 * (`mountMethods`, `mountWrappers`, `contextSharingWrappers`, `appCalls` of
 * `src/frameworks/<name>/`), as the module facts ask for them. The module facts name no
 * framework package or method themselves.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { AppCall, FrameworkDefinition, MountMethod } from '../../frameworks/framework.js';
import { FRAMEWORKS } from '../../frameworks/index.js';

type AppCallReader = NonNullable<FrameworkDefinition['appCalls']>['read'];

interface RegistryCalls {
  readonly mounts: ReadonlyMap<string, MountMethod>;
  readonly mountWrappers: ReadonlySet<string>;
  readonly contextSharing: ReadonlySet<string>;
  readonly appCalls: ReadonlyMap<string, AppCallReader>;
}

// Read on first use: the registry imports detectors that import the route layer back.
let calls: RegistryCalls | undefined;

function registryCalls(): RegistryCalls {
  if (calls) return calls;
  const mounts = new Map<string, MountMethod>();
  const appCalls = new Map<string, AppCallReader>();
  // `FRAMEWORKS` is a tuple of literal types; read each entry as the interface, where the fields are optional.
  const frameworks: readonly FrameworkDefinition[] = FRAMEWORKS;
  for (const framework of frameworks) {
    // The first declaration wins; `test/frameworks/registry.test.ts` checks that every other one is the same.
    for (const mount of framework.mountMethods ?? []) if (!mounts.has(mount.method)) mounts.set(mount.method, mount);
    for (const method of framework.appCalls?.methods ?? []) appCalls.set(method, framework.appCalls!.read);
  }
  calls = {
    mounts,
    mountWrappers: new Set(frameworks.flatMap((framework) => framework.mountWrappers ?? [])),
    contextSharing: new Set(frameworks.flatMap((framework) => framework.contextSharingWrappers ?? [])),
    appCalls,
  };
  return calls;
}

/** The registered mount method called `method`. */
export function mountMethod(method: string): MountMethod | undefined {
  return registryCalls().mounts.get(method);
}

/** Whether a function imported from `specifier` wraps a mounted child (koa-mount's `mount('/api', api)`). */
export function wrapsMountedChild(specifier: string): boolean {
  return registryCalls().mountWrappers.has(specifier);
}

/** Whether a function imported from `specifier` wraps a plugin whose routes join the registering context (fastify-plugin). */
export function sharesContext(specifier: string): boolean {
  return registryCalls().contextSharing.has(specifier);
}

/** Whether `method` is a registered app call (it is then never a mount). */
export function isAppCall(method: string): boolean {
  return registryCalls().appCalls.has(method);
}

/** What the registered app call `method` sets, `undefined` when it sets nothing Fleet reads. */
export function readAppCall(method: string, call: TSESTree.CallExpression, constants: ReadonlyMap<string, string>): AppCall | undefined {
  return registryCalls().appCalls.get(method)?.(method, call, constants);
}

/** Every registered app-call method, for the import graph's text test. */
export function appCallMethods(): readonly string[] {
  return [...registryCalls().appCalls.keys()];
}

/**
 * Whether `call`'s argument `index` is a mounted child of a registered mount method
 * (`app.use('/x', child)`, `app.route('/x', child)`, `app.register(child, opts)`).
 */
export function isMountedArgument(call: TSESTree.CallExpression, index: number): boolean {
  const callee = call.callee;
  if (index < 0 || callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier)
    return false;
  const declared = mountMethod(callee.property.name);
  if (declared === undefined || (declared.arity !== undefined && call.arguments.length !== declared.arity)) return false;
  if (declared.child !== 'rest') return index === declared.child;
  // A creation chain is never a path: every argument after a declared path argument, or any with a leading one.
  return declared.path === 'leading' || index > declared.path.argument;
}
