/**
 * Medusa (v2) API routes: the `GET`, `POST`, ... exports of `src/api/**\/route.ts`, answering the
 * path of their folder below `src/api` (`[id]` folders are parameters). Handlers take
 * `(req: MedusaRequest, res: MedusaResponse)` and answer through `res`. `certain` when the module
 * imports a `@medusajs/…` package, else `heuristic` (the convention alone).
 */
import type { Detector } from '../../handlers/detector.js';
import { handlerFunctions } from '../../handlers/handler-functions.js';
import { makeExternalRoute } from '../../handlers/external-route.js';
import { makeHandler } from '../../handlers/make-handler.js';
import type { HandlerFinding } from '../../handlers/types.js';
import { moduleExports } from '../nextjs/module-exports.js';

const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The URL path of a Medusa `route` file, or `undefined` when `filename` is not one. */
export function medusaRoutePath(filename: string): string | undefined {
  const segments = filename.split(/[\\/]+/).filter((segment) => segment !== '');
  if (!/^route\.[cm]?[jt]s$/.test(segments.at(-1) ?? '')) return undefined;
  for (let i = segments.length - 3; i >= 0; i--) {
    if (segments[i] === 'src' && segments[i + 1] === 'api') return `/${segments.slice(i + 2, -1).join('/')}`;
  }
  return undefined;
}

/** Recognises Medusa API route handlers. */
export const detectMedusa: Detector = (ctx) => {
  const path = medusaRoutePath(ctx.filename);
  if (path === undefined) return [];
  const confidence = [...ctx.imports.modules].some((module) => module.startsWith('@medusajs/')) ? 'certain' : 'heuristic';
  const handlers: HandlerFinding[] = [];
  for (const entry of moduleExports(ctx.ast)) {
    if (!METHODS.includes(entry.name)) continue;
    const route = { methods: [entry.name], path, pathComplete: true, registration: entry.registration };
    const via = `\`${entry.name}\` exported from a Medusa \`src/api/**/route\` file`;
    const fns = handlerFunctions(ctx.scopeManager, entry.value);
    if (fns.length === 0) ctx.externalRoutes.push(makeExternalRoute({ framework: 'medusa', confidence, via, route, target: entry.value }));
    for (const node of fns)
      handlers.push(makeHandler({ node, framework: 'medusa', kind: 'route', confidence, via, route, filename: ctx.filename }));
  }
  return handlers;
};
