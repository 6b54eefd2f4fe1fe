/**
 * Which code serve replicas run per request: handlers of routes the manifest classifies
 * `fleet-ok`, every handler when there is no manifest, and every function of a file listed in
 * `serveFiles`. Handlers of `ide-only` or unclassified routes, middleware next to a manifest, and
 * module top-level code (startup) are out of scope.
 */
import { classifyPattern } from 'fleet-routes';
import type { TSESTree } from '@typescript-eslint/utils';
import { fileRoutes } from '../../src/file-routes.js';
import { isFunction } from '../../src/ast/resolve-function.js';
import type { Handler, HandlerModel, HandlerReach } from '../../src/handlers/types.js';
import type { ManifestLookup } from '../../src/route-manifest.js';

/** Why a node runs on a serve replica. */
export type ServeReason =
  | { readonly kind: 'fleetOkRoute'; readonly reach: HandlerReach; readonly route: string }
  | { readonly kind: 'noManifest'; readonly reach: HandlerReach }
  | { readonly kind: 'serveFile' };

export class ServeScope {
  private readonly fleetOk = new Map<Handler, string | undefined>();

  constructor(
    private readonly model: HandlerModel,
    private readonly manifest: ManifestLookup,
    private readonly serveFile: boolean,
    ast: TSESTree.Program,
    filename: string,
  ) {
    if (manifest.kind !== 'ok') return;
    for (const route of fileRoutes(model, ast, filename, manifest.projectRoot)) {
      if (!route.resolved || this.fleetOk.has(route.handler)) continue;
      const method = route.methods.find((m) => classifyPattern(manifest.manifest, m, route.pattern)?.role === 'fleet-ok');
      if (method !== undefined) this.fleetOk.set(route.handler, `${method} ${route.pattern}`);
    }
  }

  /** True when nothing in the file can be in scope (no handlers, not a serve file, or a broken manifest). */
  get empty(): boolean {
    if (this.serveFile) return false;
    if (this.manifest.kind === 'none') return this.model.handlers.length === 0;
    return this.fleetOk.size === 0;
  }

  /** Why `node` runs per request on a serve replica, or `undefined`; the shortest call chain wins. */
  reasonFor(node: TSESTree.Node): ServeReason | undefined {
    if (this.serveFile && insideFunction(node)) return { kind: 'serveFile' };
    let best: ServeReason | undefined;
    for (const reach of this.model.reachesOf(node)) {
      if (best && best.kind !== 'serveFile' && best.reach.chain.length <= reach.chain.length) continue;
      if (this.manifest.kind === 'none') best = { kind: 'noManifest', reach };
      const route = this.fleetOk.get(reach.handler);
      if (route !== undefined) best = { kind: 'fleetOkRoute', reach, route };
    }
    return best;
  }
}

function insideFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return true;
  return false;
}
