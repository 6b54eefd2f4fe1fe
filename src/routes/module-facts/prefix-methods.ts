/**
 * The framework registry's prefix methods (`prefixMethods` of `src/frameworks/<name>/`), as the
 * module facts ask for them: which methods derive a prefixed object from their receiver (Hono's
 * `basePath`), which set the receiver's own prefix (koa-router's `prefix`). The module facts name
 * no framework method themselves.
 */
import type { FrameworkDefinition, PrefixMethods } from '../../frameworks/framework.js';
import { FRAMEWORKS } from '../../frameworks/index.js';

// Read on first use: the registry imports detectors that import the route layer back.
let deriving: ReadonlySet<string> | undefined;
let setting:
  | ReadonlyMap<string, { readonly framework: string; readonly value: (argument: string) => string; readonly packages: readonly string[] }>
  | undefined;

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

/** The framework whose `method` sets its receiver's own prefix, with the prefix it keeps for an argument and its packages. */
export function prefixSetter(
  method: string,
): { readonly framework: string; readonly value: (argument: string) => string; readonly packages: readonly string[] } | undefined {
  if (setting === undefined) {
    const map = new Map<string, { framework: string; value: (argument: string) => string; packages: readonly string[] }>();
    for (const framework of FRAMEWORKS) {
      const methods = prefixMethodsOf(framework);
      for (const name of methods?.setting?.methods ?? [])
        map.set(name, { framework: framework.name, value: methods!.setting!.value, packages: methods!.packages });
    }
    setting = map;
  }
  return setting.get(method);
}
