/**
 * React Router 7 (framework mode) and Remix route modules: the `loader` (answers `GET`) and
 * `action` (answers `POST`, `PUT`, `PATCH`, `DELETE`) exports of a file under `app/routes/`,
 * with the path from its flat-routes name. `certain` when the module imports React Router or
 * Remix (or its generated `./+types/…`), else `heuristic` (the convention alone).
 * `clientLoader` / `clientAction` run in the browser and are not handlers.
 */
import type { Detector } from '../../handlers/detector.js';
import { handlerFunctions } from '../../handlers/handler-functions.js';
import { makeHandler } from '../../handlers/make-handler.js';
import type { HandlerFinding } from '../../handlers/types.js';
import { moduleExports } from '../nextjs/module-exports.js';
import { routeModulePath } from './file.js';

const EXPORTS: Readonly<Record<string, readonly string[]>> = { loader: ['GET'], action: ['POST', 'PUT', 'PATCH', 'DELETE'] };
const PACKAGES = /^(?:react-router|@react-router\/.*|@remix-run\/.*|remix)$|\/\+types\//;

/** Recognises React Router / Remix loaders and actions. */
export const detectReactRouter: Detector = (ctx) => {
  const path = routeModulePath(ctx.filename);
  if (path === null) return [];
  const confidence = [...ctx.imports.modules].some((module) => PACKAGES.test(module)) ? 'certain' : 'heuristic';
  const handlers: HandlerFinding[] = [];
  for (const entry of moduleExports(ctx.ast)) {
    const methods = EXPORTS[entry.name];
    if (methods === undefined) continue;
    const route = { methods, path, pathComplete: path !== undefined, registration: entry.registration };
    const via = `\`${entry.name}\` export of a route module under \`app/routes\``;
    const label = `${entry.name} ${path ?? '<unknown path>'}`;
    for (const node of handlerFunctions(ctx.scopeManager, entry.value))
      handlers.push(makeHandler({ node, framework: 'react-router', kind: 'route', confidence, via, route, label, filename: ctx.filename }));
  }
  return handlers;
};
