/**
 * A framework object that registers handlers (an Express app or router, a Fastify instance, a
 * Koa router, a Hono app), as tracked through one module, and whether it is the root app.
 */
import type { Confidence, Framework } from './types.js';

/** Records that `parent` mounts `child` at `path` (once per parent and path). */
export function addMount(child: Instance, parent: Instance, path: string | undefined): void {
  if (child === parent || child.mounts.some((m) => m.parent === parent && m.path === path)) return;
  child.mounts.push({ parent, path });
}

/** Where a registration on another instance attached this one (`app.use('/api', router)`). */
export interface Mount {
  readonly parent: Instance;
  /** The mount path, `undefined` when not a static string. */
  readonly path: string | undefined;
}

/**
 * How the instance's prefix is anchored:
 * - `root`: a top-level app (`express()`, `fastify()`, `new Koa()`), prefix `''`;
 * - `mountable`: may be mounted by another (router, sub-app): known only through a mount in this module;
 * - `unknown`: came from outside the module (a typed parameter, an imported plugin);
 * - an Instance: derived from it (`basePath()`, a Fastify child context, a chained call).
 */
export type Anchor = 'root' | 'mountable' | 'unknown' | Instance;

export interface Instance {
  readonly framework: Framework;
  /** What the object is (`app`, `router`, `route`, ...), detector-defined. */
  readonly role: string;
  readonly confidence: Confidence;
  /** How it was recognised, e.g. "`express.Router()`". */
  readonly via: string;
  /** Prefix this instance adds to its anchor's (`basePath('/v1')`, Koa `{ prefix }`). */
  readonly own: string;
  readonly anchor: Anchor;
  /** Path carried by a chain (`app.route('/x')`, Hono's previous path). */
  readonly chainPath?: string | undefined;
  /** Exported from the module, so it may be mounted elsewhere. */
  exported: boolean;
  readonly mounts: Mount[];
}

/** Creates an instance with no mounts, not exported. */
export function newInstance(init: Omit<Instance, 'exported' | 'mounts'>): Instance {
  return { ...init, exported: false, mounts: [] };
}

/**
 * The static prefix of an instance as far as this module shows, and whether it is complete: only
 * to tell an unprefixed root (`isUnprefixedRoot`); route prefixes come from the mount graph.
 */
function prefixOf(instance: Instance, depth = 0): { prefix: string; complete: boolean } {
  if (depth > 8) return { prefix: instance.own, complete: false };
  const { anchor } = instance;
  if (typeof anchor === 'object') {
    const parent = prefixOf(anchor, depth + 1);
    // A derived instance that is itself exported or mounted may sit under another prefix too.
    const alone = !instance.exported && instance.mounts.length === 0;
    return { prefix: joinPath(parent.prefix, instance.own), complete: parent.complete && alone };
  }
  if (anchor === 'root') return { prefix: instance.own, complete: true };
  if (anchor === 'unknown') return { prefix: instance.own, complete: false };
  const only = instance.mounts.length === 1 ? instance.mounts[0] : undefined;
  if (only) {
    if (only.path === undefined) return { prefix: instance.own, complete: false };
    const parent = prefixOf(only.parent, depth + 1);
    return { prefix: joinPath(parent.prefix, only.path) + instance.own, complete: parent.complete && !instance.exported };
  }
  if (instance.mounts.length > 1) return { prefix: instance.own, complete: false };
  return { prefix: instance.own, complete: !instance.exported && instance.role === 'app' };
}

/**
 * Whether the instance is, as far as this module shows, the root app with no prefix: a route
 * registered on it has its own path as its full path (the handler model joins no prefix; the
 * route inventory takes prefixes from the mount graph).
 */
export function isUnprefixedRoot(instance: Instance): boolean {
  const { prefix, complete } = prefixOf(instance);
  return complete && prefix === '';
}

/** Joins a prefix and a path as frameworks do (`/api` + `/users`; `/api` + `/` = `/api/`). */
export function joinPath(prefix: string, path: string): string {
  if (prefix === '' || prefix === '/') return prefix === '/' && path.startsWith('/') ? path : prefix + path;
  if (prefix.endsWith('/') && path.startsWith('/')) return prefix + path.slice(1);
  return prefix + path;
}
