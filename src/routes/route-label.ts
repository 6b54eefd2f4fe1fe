/**
 * The label messages give a handler: for a route whose full path the inventory resolves, its
 * methods and full path in the manifest's pattern form (`POST /reports`, as `fleet routes` and the
 * manifest rules show it, not the router-local `POST /`); otherwise the handler model's label.
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
  const registration = handler.route?.registration;
  if (handler.kind !== 'route' || registration === undefined) return handler.label;
  const entries = routesOfFile({
    model: context.model,
    ast: context.ast,
    filename: context.filename,
    projectRoot: context.projectRoot,
  }).filter((entry) => entry.registration === registration);
  return fullPathLabel(entries) ?? handler.label;
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
