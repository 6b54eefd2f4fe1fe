/**
 * Nitro / Nuxt server handlers, from file conventions: the default export of a `server/api/**`
 * or `server/routes/**` file (path from the file path, method from its suffix, `[id].get.ts`)
 * and of `server/middleware/*` (every request), built with `defineEventHandler` / `eventHandler`
 * / `defineCachedEventHandler` (auto-imported in Nuxt, or from 'h3'). The object form
 * `defineEventHandler({ onRequest, handler })` gives the `handler` and its hooks. Handlers
 * answer by returning; `event` is an input.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext, Detector } from '../../handlers/detector.js';
import { handlerFunctions } from '../../handlers/handler-functions.js';
import { makeExternalRoute } from '../../handlers/external-route.js';
import { makeHandler } from '../../handlers/make-handler.js';
import { objectLiteral, propertyValue } from '../../handlers/object-literal.js';
import type { HandlerFinding, RouteInfo } from '../../handlers/types.js';
import { unwrap } from '../../ast/unwrap.js';
import { classifyNitroFile } from './file.js';

const DEFINERS = new Set([
  'defineEventHandler',
  'eventHandler',
  'defineCachedEventHandler',
  'cachedEventHandler',
  'defineLazyEventHandler',
]);
const HOOKS = ['onRequest', 'onBeforeResponse'];

/** `export default defineEventHandler(...)`: the definer call, or `undefined`. */
function definerCall(
  program: TSESTree.Program,
): { call: TSESTree.CallExpression; registration: TSESTree.ExportDefaultDeclaration } | undefined {
  const registration = program.body.find(
    (statement): statement is TSESTree.ExportDefaultDeclaration => statement.type === AST_NODE_TYPES.ExportDefaultDeclaration,
  );
  if (!registration) return undefined;
  const call = unwrap(registration.declaration);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier || !DEFINERS.has(call.callee.name))
    return undefined;
  return { call, registration };
}

/** Recognises Nitro / Nuxt route handlers and server middleware. */
export const detectNitro: Detector = (ctx: DetectContext) => {
  const file = classifyNitroFile(ctx.filename);
  if (file.kind === 'other') return [];
  const found = definerCall(ctx.ast);
  if (!found) return [];
  const { call, registration } = found;
  const definer = (call.callee as TSESTree.Identifier).name;
  const route: RouteInfo | undefined =
    file.kind === 'route' ? { methods: [file.method], path: file.path, pathComplete: true, registration } : undefined;
  const via = `\`${definer}()\` default export of a Nitro \`server/${file.kind === 'route' ? (file.path.startsWith('/api') ? 'api' : 'routes') : 'middleware'}\` file`;
  const options = objectLiteral(call.arguments[0], ctx.scopeManager);
  const main = options ? propertyValue(options, 'handler') : call.arguments[0];
  const hooks = options ? HOOKS.flatMap((name) => propertyValue(options, name) ?? []) : [];
  const handlers: HandlerFinding[] = hooks
    .flatMap((node) => handlerFunctions(ctx.scopeManager, node))
    .map((node) => makeHandler({ node, framework: 'nitro', kind: 'middleware', confidence: 'certain', via, filename: ctx.filename }));
  const kind = file.kind === 'route' ? 'route' : 'middleware';
  const fns = main ? handlerFunctions(ctx.scopeManager, main) : [];
  if (fns.length === 0 && route && main)
    ctx.externalRoutes.push(makeExternalRoute({ framework: 'nitro', confidence: 'certain', via, route, target: main }));
  // Server middleware is named by its file (`server/middleware/auth.ts` → `middleware auth`).
  const label = file.kind === 'middleware' ? `middleware ${/([^\\/]+?)\.[cm]?[jt]s$/.exec(ctx.filename)?.[1] ?? ''}` : undefined;
  handlers.push(
    ...fns.map((node) => makeHandler({ node, framework: 'nitro', kind, confidence: 'certain', via, route, label, filename: ctx.filename })),
  );
  return handlers.sort((a, b) => a.node.range[0] - b.node.range[0]);
};
