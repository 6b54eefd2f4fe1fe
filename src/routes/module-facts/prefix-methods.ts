/**
 * The framework registry's prefix and dispatch methods (`prefixMethods`, `dispatchMethods` of
 * `src/frameworks/<name>/`), as the module facts ask for them: which methods derive a prefixed
 * object from their receiver (Hono's `basePath`), which set the receiver's own prefix
 * (koa-router's `prefix`), which return the receiver's dispatch middleware (koa-router's
 * `routes()`). The module facts name no framework method themselves.
 */
import type { FrameworkDefinition, PrefixMethods } from '../../frameworks/framework.js';
import { FRAMEWORKS } from '../../frameworks/index.js';

/** A prefix-setting method as the registry declares it: its framework, the prefix it keeps for an argument, its packages. */
export interface PrefixSetter {
  readonly framework: string;
  readonly value: (argument: string) => string;
  readonly packages: readonly string[];
}

// Read on first use: the registry imports detectors that import the route layer back.
let deriving: ReadonlySet<string> | undefined;
let setting: ReadonlyMap<string, PrefixSetter> | undefined;
let dispatching: ReadonlySet<string> | undefined;

// `FRAMEWORKS` is a tuple of literal types; read each entry as the interface, where the field is optional.
function prefixMethodsOf(framework: FrameworkDefinition): PrefixMethods | undefined {
  return framework.prefixMethods;
}

/** Whether `method` of some registered framework returns a new object under its receiver at its first argument's path. */
export function derivesPrefixedObject(method: string): boolean {
  deriving ??= new Set(FRAMEWORKS.flatMap((framework) => prefixMethodsOf(framework)?.deriving ?? []));
  return deriving.has(method);
}

/** Whether `method` of `framework` (a registry name) derives a prefixed object (see `derivesPrefixedObject`). */
export function derivesPrefixedObjectIn(framework: string, method: string): boolean {
  const found = FRAMEWORKS.find((candidate) => candidate.name === framework);
  return found !== undefined && (prefixMethodsOf(found)?.deriving ?? []).includes(method);
}

/** The registered method `method` that sets its receiver's own prefix, if one framework declares it. */
export function prefixSetter(method: string): PrefixSetter | undefined {
  if (setting === undefined) {
    const map = new Map<string, PrefixSetter>();
    for (const framework of FRAMEWORKS) {
      const methods = prefixMethodsOf(framework);
      for (const name of methods?.setting?.methods ?? [])
        map.set(name, { framework: framework.name, value: methods!.setting!.value, packages: methods!.packages });
    }
    setting = map;
  }
  return setting.get(method);
}

/** Whether `method` of some registered framework returns its receiver's dispatch middleware (mounting it mounts the receiver). */
export function dispatchesReceiver(method: string): boolean {
  dispatching ??= new Set(FRAMEWORKS.flatMap((framework) => (framework as FrameworkDefinition).dispatchMethods ?? []));
  return dispatching.has(method);
}
