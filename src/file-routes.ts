/**
 * The routes a file registers, as the route rules need them: the handler, its methods, and its
 * full path in Fleet's pattern form (prefixes resolved across the project by the route
 * inventory), or why that path is not known. The path is never guessed.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Handler, HandlerModel } from './handlers/types.js';
import { routesOfFile } from './routes/inventory.js';
import { knownPathLabel } from './routes/route-label.js';

/** The full path of a route, or why it is not known. */
export type RouteResolution = { readonly resolved: true; readonly pattern: string } | { readonly resolved: false; readonly reason: string };

/** What every route of a file carries, whoever answers it. */
interface FileRouteSite {
  readonly methods: readonly string[];
  /** `POST /libraries/:id`: the methods and the path as `fleet routes` lists it (the known part when unresolved). */
  readonly label: string;
  /** The node that registers the route; reports point here. */
  readonly registration: TSESTree.Node;
}

/** A route answered by a function of this module. A registration with optional parts gives one entry per pattern. */
export type FileRoute = FileRouteSite & { readonly source: 'handler'; readonly handler: Handler } & RouteResolution;

/** A route of the file, also one whose handler is in another module (`source: 'external'`, no `handler`). */
export type AnyFileRoute = FileRoute | (FileRouteSite & { readonly source: 'external'; readonly handler: undefined } & RouteResolution);

/**
 * Every route registration of the file, in source order (middleware, hooks and actions are not
 * routes). `projectRoot` bounds the cross-file prefix search (absolute). By default only routes
 * answered by a function of this module (the ones a rule can look inside); with `include: 'all'`
 * also routes whose handler is imported or built by a package (`Ctl.create.bind(this)`,
 * `export default NextAuth(options)`).
 */
export function fileRoutes(
  model: HandlerModel,
  ast: TSESTree.Program,
  filename: string,
  projectRoot: string,
  include?: 'handlers',
): readonly FileRoute[];
export function fileRoutes(
  model: HandlerModel,
  ast: TSESTree.Program,
  filename: string,
  projectRoot: string,
  include: 'all',
): readonly AnyFileRoute[];
export function fileRoutes(
  model: HandlerModel,
  ast: TSESTree.Program,
  filename: string,
  projectRoot: string,
  include: 'handlers' | 'all' = 'handlers',
): readonly AnyFileRoute[] {
  const hasHandlerRoute = model.handlers.some((handler) => handler.kind === 'route');
  if (!hasHandlerRoute && (include === 'handlers' || model.externalRoutes.length === 0)) return [];
  const routes: AnyFileRoute[] = [];
  for (const entry of routesOfFile({ model, ast, filename, projectRoot })) {
    const { methods, registration } = entry;
    // Resolved: `POST /reports/{id}`; unresolved: what is known of the path, as `fleet routes` lists it.
    const label = knownPathLabel([entry]) ?? entry.label;
    const resolution: RouteResolution =
      entry.complete && entry.pattern !== undefined
        ? { resolved: true, pattern: entry.pattern }
        : { resolved: false, reason: entry.unresolved ?? 'the path is not static' };
    if (entry.handler) routes.push({ methods, label, registration, source: 'handler', handler: entry.handler, ...resolution });
    else if (include === 'all') routes.push({ methods, label, registration, source: 'external', handler: undefined, ...resolution });
  }
  return routes;
}
