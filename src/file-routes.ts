/**
 * The routes a file registers, as the route rules need them: the handler, its methods, and its
 * full path in Fleet's pattern form (prefixes resolved across the project by the route
 * inventory), or why that path is not known. The path is never guessed.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Handler, HandlerModel } from './handlers/types.js';
import { routesOfFile } from './routes/inventory.js';

/** One route of a file: a registration with optional parts gives one entry per pattern. */
export type FileRoute =
  | { readonly handler: Handler; readonly methods: readonly string[]; readonly resolved: true; readonly pattern: string }
  | { readonly handler: Handler; readonly methods: readonly string[]; readonly resolved: false; readonly reason: string };

/**
 * Every route registration of the file, in source order (middleware, hooks and actions are not
 * routes). `projectRoot` bounds the cross-file prefix search (absolute).
 */
export function fileRoutes(model: HandlerModel, ast: TSESTree.Program, filename: string, projectRoot: string): readonly FileRoute[] {
  if (!model.handlers.some((handler) => handler.kind === 'route')) return [];
  return routesOfFile({ model, ast, filename, projectRoot }).map((entry): FileRoute => {
    const { handler, methods } = entry;
    if (entry.complete && entry.pattern !== undefined) return { handler, methods, resolved: true, pattern: entry.pattern };
    return { handler, methods, resolved: false, reason: entry.unresolved ?? 'the path is not static' };
  });
}
