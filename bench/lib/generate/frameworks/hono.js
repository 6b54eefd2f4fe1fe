import { routeFile } from './common.js';

/**
 * `src/hono/<id>.app.ts`: a `new Hono()` sub-app with a middleware and `(c)` handlers
 * returning `c.json(...)`.
 * @param {import('../random.js').Random} rnd
 * @param {import('../domain.js').Domain} d
 */
export function honoFile(rnd, d) {
  return routeFile(rnd, d, {
    root: '..',
    imports: ["import { Hono } from 'hono';"],
    adapter: {
      param: "c.req.param('id')",
      body: (T) => `await c.req.json<${T}Input>()`,
      query: (name) => `c.req.query('${name}')`,
      ok: (expr) => `return c.json(${expr});`,
      created: (expr) => `return c.json(${expr}, 201);`,
      indent: '  ',
    },
    open: ['const app = new Hono();', '', "app.use('*', async (c, next) => {", '  await next();', '  return c;', '});', ''],
    wrap: (route, path) => ({ head: `app.${route.method.toLowerCase()}('${path}', async (c) => {`, tail: '});' }),
    close: ['export default app;'],
  });
}
