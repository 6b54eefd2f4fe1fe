import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('koa detector', () => {
  it('finds app middleware and router routes with prefixes and mounts', () => {
    expect(
      handlersIn(`import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router({ prefix: '/api' });
const auth = async (ctx, next) => { await next(); };
router.get('/users/:id', auth, async (ctx) => { ctx.body = {}; });
router.post('user-create', '/users', async (ctx) => {});
router.all('/any', async (ctx) => {});
app.use(async (ctx, next) => { await next(); });
app.use(router.routes()).use(router.allowedMethods());
`),
    ).toEqual([
      { framework: 'koa', kind: 'route', confidence: 'certain', label: 'GET /users/:id', complete: false, line: 5 },
      { framework: 'koa', kind: 'route', confidence: 'certain', label: 'GET /users/:id', complete: false, line: 6 },
      { framework: 'koa', kind: 'route', confidence: 'certain', label: 'POST /users', complete: false, line: 7 },
      { framework: 'koa', kind: 'route', confidence: 'certain', label: '* /any', complete: false, line: 8 },
      { framework: 'koa', kind: 'middleware', confidence: 'certain', label: 'middleware app.ts:9', complete: undefined, line: 9 },
    ]);
  });

  it('handles require() of koa-router, exported routers and nested router mounts', () => {
    expect(
      handlersIn(
        `const Router = require('koa-router');
const router = new Router();
const admin = new Router();
admin.del('/cache', async (ctx) => {});
router.use('/admin', admin.routes());
router.get('/', async (ctx, next) => {});
module.exports = router;
`,
        'src/routes.js',
      ),
    ).toEqual([
      { framework: 'koa', kind: 'route', confidence: 'certain', label: 'DELETE /cache', complete: false, line: 4 },
      { framework: 'koa', kind: 'route', confidence: 'certain', label: 'GET /', complete: false, line: 6 },
    ]);
  });

  it('does not take routes() or lookalike routers for handlers', () => {
    expect(
      handlersIn(`import Koa from 'koa';
import { Router } from 'express-like-lib';
const app = new Koa();
const r = new Router();
r.get('/x', async (ctx) => {});
app.use(r.routes());
app.listen(3000, () => console.log('up'));
app.on('error', (err, ctx) => {});
`),
    ).toEqual([]);
  });
});
