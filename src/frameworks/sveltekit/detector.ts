/**
 * SvelteKit handlers, from file conventions: `+server` endpoints exporting `GET`, `POST`, ...
 * or `fallback` (every other method), form `actions` of a `+page.server` module (each answers a
 * `POST` to the page), and the `handle` hook of `src/hooks.server` (middleware for every request).
 * They answer by returning a `Response` (`json()`, `error()`), their `event` is an input.
 * `load` functions are not taken as handlers yet.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext, Detector } from '../../handlers/detector.js';
import { handlerFunctions } from '../../handlers/handler-functions.js';
import { makeExternalRoute } from '../../handlers/external-route.js';
import { makeHandler } from '../../handlers/make-handler.js';
import type { HandlerFinding } from '../../handlers/types.js';
import { moduleExports } from '../nextjs/module-exports.js';
import { classifySvelteKitFile } from './file.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The exported value behind a declaration export (`export const GET = ...`, `export async function GET`). */
function valueOf(node: TSESTree.Node): TSESTree.Node {
  return node.type === AST_NODE_TYPES.VariableDeclarator && node.init ? node.init : node;
}

function endpointHandlers(ctx: DetectContext, path: string): HandlerFinding[] {
  const handlers: HandlerFinding[] = [];
  for (const entry of moduleExports(ctx.ast)) {
    if (!METHODS.includes(entry.name) && entry.name !== 'fallback') continue;
    const methods = entry.name === 'fallback' ? ['*'] : [entry.name];
    const route = { methods, path, pathComplete: true, registration: entry.registration };
    const via = `\`${entry.name}\` exported from a SvelteKit \`+server\` file`;
    const fns = handlerFunctions(ctx.scopeManager, valueOf(entry.value));
    if (fns.length === 0)
      ctx.externalRoutes.push(makeExternalRoute({ framework: 'sveltekit', confidence: 'certain', via, route, target: entry.value }));
    for (const node of fns)
      handlers.push(
        makeHandler({ node, framework: 'sveltekit', kind: 'route', confidence: 'certain', via, route, filename: ctx.filename }),
      );
  }
  return handlers;
}

function actionHandlers(ctx: DetectContext, path: string): HandlerFinding[] {
  const entry = moduleExports(ctx.ast).find((candidate) => candidate.name === 'actions');
  const value = entry && valueOf(entry.value);
  const object =
    value?.type === AST_NODE_TYPES.TSSatisfiesExpression || value?.type === AST_NODE_TYPES.TSAsExpression ? value.expression : value;
  if (!entry || object?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return object.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    const name = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
    const route = { methods: ['POST'], path, pathComplete: true, registration: property };
    const via = `form action \`${name}\` of a SvelteKit \`+page.server\` file`;
    return handlerFunctions(ctx.scopeManager, property.value).map((node) =>
      makeHandler({ node, framework: 'sveltekit', kind: 'route', confidence: 'certain', via, route, filename: ctx.filename }),
    );
  });
}

function hookHandlers(ctx: DetectContext): HandlerFinding[] {
  const entry = moduleExports(ctx.ast).find((candidate) => candidate.name === 'handle');
  if (!entry) return [];
  // `export const handle = sequence(auth, log)` runs each listed hook.
  return handlerFunctions(ctx.scopeManager, valueOf(entry.value)).map((node) =>
    makeHandler({
      node,
      framework: 'sveltekit',
      kind: 'middleware',
      confidence: 'certain',
      via: "`handle` export of SvelteKit's `src/hooks.server` file",
      filename: ctx.filename,
    }),
  );
}

/** Recognises SvelteKit endpoints, form actions and the `handle` hook. */
export const detectSvelteKit: Detector = (ctx) => {
  const file = classifySvelteKitFile(ctx.filename);
  if (file.kind === 'endpoint') return endpointHandlers(ctx, file.path);
  if (file.kind === 'page-server') return actionHandlers(ctx, file.path);
  return file.kind === 'hooks' ? hookHandlers(ctx) : [];
};
