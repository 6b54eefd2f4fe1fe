/**
 * The label messages give a handler: for a route whose full path the inventory resolves, its
 * methods and full path in the manifest's pattern form (`POST /reports`, as `fleet routes` and the
 * manifest rules show it, not the router-local `POST /`); for an unresolved one, the path as
 * `fleet routes` shows it (what is known below the prefix it cannot resolve, e.g. a Koa router's
 * own `{ prefix }` and the route's path, marked `(prefix unresolved)`); a hook of one route names
 * the route the same way (`preHandler hook of PUT /users/{id}`); otherwise the handler model's label.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Handler, HandlerModel } from '../handlers/types.js';
import type { RouteEntry } from './inventory.js';
import { routesOfFile } from './inventory.js';

/** What a rule knows about the file being linted. */
export interface LabelContext {
  readonly model: HandlerModel;
  readonly ast: TSESTree.Program;
  /** Absolute path of the file. */
  readonly filename: string;
  /** Absolute folder whose files may mount the file's routers. */
  readonly projectRoot: string;
}

/** The full-path label of `handler` (see the module comment). Computed only when a message needs it. */
export function routeLabel(handler: Handler, context: LabelContext): string {
  const { route } = handler;
  if (route === undefined) return handler.label;
  // A hook of one route (Fastify's `{ preHandler }` option) is labelled `preHandler hook of PUT /x`.
  const routeSuffix = ` of ${route.methods.join(',')} ${route.path ?? '<unknown path>'}`;
  const hookOf = handler.kind === 'hook' && handler.label.endsWith(routeSuffix);
  if (handler.kind !== 'route' && !hookOf) return handler.label;
  const entries = routesOfFile({
    model: context.model,
    ast: context.ast,
    filename: context.filename,
    projectRoot: context.projectRoot,
  }).filter((entry) => entry.registration === route.registration);
  const label = inventoryLabel(entries);
  if (label === undefined) return handler.label;
  return hookOf ? `${handler.label.slice(0, -routeSuffix.length)} of ${label}` : label;
}

/**
 * The label of one registration's inventory entries: its full path when resolved (see
 * `fullPathLabel`), else the path as `fleet routes` lists an unresolved route, what is known below
 * the prefix Fleet cannot resolve (`POST /users/:id (prefix unresolved)`); `undefined` when there
 * is no entry or no path at all.
 */
export function inventoryLabel(entries: readonly RouteEntry[]): string | undefined {
  const full = fullPathLabel(entries);
  if (full !== undefined) return full;
  const known = knownPathLabel(entries);
  return known === undefined ? undefined : `${known} (prefix unresolved)`;
}

/** `POST /users/:id`: the methods and raw paths of one registration's entries; `undefined` when one has no path. */
export function knownPathLabel(entries: readonly RouteEntry[]): string | undefined {
  const known = [...new Set(entries.map((entry) => entry.rawPath))];
  if (entries.length === 0 || known.includes(undefined)) return undefined;
  return `${entries[0]!.methods.join(', ')} ${known.join(' | ')}`;
}

/**
 * `POST /reports/{id}` for the inventory entries of one registration (`GET /a | /b` when it has
 * several patterns); `undefined` when there is none or one is not complete.
 */
export function fullPathLabel(entries: readonly RouteEntry[]): string | undefined {
  if (entries.length === 0 || entries.some((entry) => !entry.complete || entry.pattern === undefined)) return undefined;
  const patterns = [...new Set(entries.map((entry) => entry.pattern!))];
  return `${entries[0]!.methods.join(', ')} ${patterns.join(' | ')}`;
}
