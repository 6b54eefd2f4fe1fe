/**
 * Next.js handlers, recognised from file conventions and directives: App Router route handlers
 * (`app/**\/route.ts` exporting `GET`, `POST`, ...), Pages Router API routes (`pages/api/**`
 * default export), root `middleware.ts` / `proxy.ts`, and server actions (`'use server'`).
 * Page and layout components, `generateMetadata` and `'use client'` modules are not handlers.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext } from '../../handlers/detector.js';
import type { FunctionNode, HandlerFinding } from '../../handlers/types.js';
import { moduleExports } from './module-exports.js';
import { externalNextRoutes } from './external-routes.js';
import { classifyNextFile } from './next-file.js';
import { projectRoot } from './project-root.js';
import { typedHandlers } from '../../handlers/typed-handlers.js';
import { functionValue } from './function-value.js';
import { directivesOf, exportedServerActions, inlineServerActions } from './server-actions.js';

/** The HTTP method exports an App Router `route.ts` may have, in Next's order. */
const ROUTE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'];

/**
 * Detects Next.js handlers in one module. Paths are Next's folder syntax as written
 * (`/api/users/[id]`, `/shop/[...slug]`), without route groups and parallel-route slots;
 * the route inventory adds `basePath` (`base-path.ts`); i18n prefixes are not applied. A route export whose function
 * is not in this module (`export default NextAuth(options)`, `export { GET } from './auth'`) is
 * put in `ctx.externalRoutes`.
 */
export function detectNextjs(ctx: DetectContext): HandlerFinding[] {
  const file = classifyNextFile(ctx.filename);
  const directives = directivesOf(ctx.ast.body);
  if (directives.has('use client')) return [];
  const handlers: HandlerFinding[] = [];
  if (file.kind === 'app-route') handlers.push(...appRouteHandlers(ctx, file.path));
  else if (file.kind === 'pages-api') handlers.push(...pagesApiHandlers(ctx, file.path));
  if (file.kind === 'app-route' || file.kind === 'pages-api')
    ctx.externalRoutes.push(...externalNextRoutes(ctx, file.kind === 'app-route' ? ROUTE_METHODS : ['default'], file.path));
  else if (file.kind === 'middleware' && isNextMiddleware(ctx, file.root)) handlers.push(...middlewareHandlers(ctx));
  // Middleware split into helpers in other files (`LinkMiddleware(req: NextRequest, ev: NextFetchEvent)`,
  // called from `middleware.ts`): only middleware receives a `NextFetchEvent`, so the signature is enough.
  if (ctx.imports.modules.has('next/server'))
    handlers.push(...typedHandlers(ctx, 'nextjs', ['next/server'], [{ types: ['NextRequest', 'NextFetchEvent'], kind: 'middleware' }]));
  if (directives.has('use server')) handlers.push(...exportedServerActions(ctx.ast, ctx.scopeManager));
  if (ctx.text === undefined || ctx.text.includes('use server')) handlers.push(...inlineServerActions(ctx.ast, ctx.text));

  const seen = new Set<FunctionNode>();
  return handlers.filter((handler) => !seen.has(handler.node) && seen.add(handler.node)).sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function appRouteHandlers(ctx: DetectContext, path: string): HandlerFinding[] {
  // One function may be exported under several methods (`export { handler as GET, handler as POST }`).
  const byFunction = new Map<FunctionNode, { methods: string[]; registration: TSESTree.Node }>();
  for (const entry of moduleExports(ctx.ast)) {
    if (!ROUTE_METHODS.includes(entry.name)) continue;
    const fn = functionValue(entry.value, ctx.scopeManager);
    if (fn === undefined) continue;
    const known = byFunction.get(fn);
    if (known === undefined) byFunction.set(fn, { methods: [entry.name], registration: entry.registration });
    else known.methods.push(entry.name);
  }
  return [...byFunction].map(([node, { methods, registration }]) => ({
    node,
    framework: 'nextjs',
    kind: 'route',
    confidence: 'certain',
    via: `\`${methods.join('`, `')}\` exported from an App Router \`route\` file`,
    route: { methods, path, pathComplete: true, registration },
    label: `${methods.join(', ')} ${path}`,
  }));
}

function pagesApiHandlers(ctx: DetectContext, path: string): HandlerFinding[] {
  const entry = moduleExports(ctx.ast).find((candidate) => candidate.name === 'default');
  const node = functionValue(entry?.value, ctx.scopeManager);
  if (entry === undefined || node === undefined) return [];
  return [
    {
      node,
      framework: 'nextjs',
      kind: 'route',
      confidence: 'certain',
      via: 'default export of a Pages Router `pages/api` file',
      route: { methods: ['*'], path, pathComplete: true, registration: entry.registration },
      label: `* ${path}`,
    },
  ];
}

function middlewareHandlers(ctx: DetectContext): HandlerFinding[] {
  const handlers: HandlerFinding[] = [];
  for (const entry of moduleExports(ctx.ast)) {
    if (entry.name !== 'middleware' && entry.name !== 'proxy' && entry.name !== 'default') continue;
    const node = functionValue(entry.value, ctx.scopeManager);
    if (node === undefined) continue;
    const label = entry.name === 'default' ? 'middleware' : entry.name;
    const via = `\`${entry.name}\` export of the Next.js \`${label}\` file`;
    handlers.push({ node, framework: 'nextjs', kind: 'middleware', confidence: 'certain', via, route: undefined, label });
  }
  return handlers;
}

/**
 * A `middleware.*` / `proxy.*` file is Next.js middleware when its root folder has a
 * `next.config.*`, or is a package root (`package.json`) and the file imports Next.js or a
 * Next.js integration (`next/server`, `next-auth`, `@clerk/nextjs`). This keeps an Express app's
 * `src/middleware.ts` and library files named `middleware.ts` out.
 */
function isNextMiddleware(ctx: DetectContext, root: string): boolean {
  const kind = projectRoot(root);
  return kind === 'next' || (kind === 'package' && importsNext(ctx));
}

function importsNext(ctx: DetectContext): boolean {
  for (const module of ctx.imports.modules) {
    if (module === 'next' || module.startsWith('next/') || module.startsWith('next-') || module.includes('/nextjs')) return true;
  }
  return false;
}
