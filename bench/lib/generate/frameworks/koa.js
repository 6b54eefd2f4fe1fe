import { routeFile } from './common.js';

/**
 * `src/koa/<id>.routes.ts`: a `@koa/router` router with a prefix, a timing middleware that
 * awaits `next()`, and `(ctx)` handlers that set `ctx.status` / `ctx.body`.
 * @param {import('../random.js').Random} rnd
 * @param {import('../domain.js').Domain} d
 */
export function koaFile(rnd, d) {
  return routeFile(rnd, d, {
    root: '..',
    imports: ["import Router from '@koa/router';"],
    adapter: {
      param: "ctx.params.id ?? ''",
      body: (T) => `ctx.request.body as ${T}Input`,
      query: (name) => `ctx.query.${name}`,
      ok: (expr) => `ctx.body = ${expr}; return;`,
      created: (expr) => `ctx.status = 201; ctx.body = ${expr};`,
      indent: '  ',
    },
    open: [
      "const router = new Router({ prefix: '/api' });",
      '',
      'router.use(async (ctx, next) => {',
      '  const started = Date.now();',
      '  await next();',
      '  ctx.body = ctx.body ?? { elapsed: Date.now() - started };',
      '});',
      '',
    ],
    wrap: (route, path) => ({ head: `router.${route.method.toLowerCase()}('${path}', async (ctx) => {`, tail: '});' }),
    close: ['export default router;'],
  });
}
