import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('elysia detector', () => {
  it('finds verbs, route(), hook objects, group/guard callbacks, lifecycle hooks and use() mounts', () => {
    expect(
      handlersIn(`import { Elysia, t } from 'elysia';
const users = new Elysia({ prefix: '/users' })
  .get('/', () => list())
  .post('/', async ({ body, set }) => { set.status = 201; return body; }, { beforeHandle({ set }) { check(set); }, body: t.Object({}) });
const app = new Elysia()
  .use(users)
  .group('/admin', (app) => app.get('/stats', () => stats()).delete('/cache/:key', ({ params }) => drop(params.key)))
  .guard({ beforeHandle: auth }, (app) => app.put('/me', ({ body }) => save(body)))
  .onBeforeHandle(({ request }) => log(request))
  .get('/health', 'ok')
  .route('PATCH', '/p', () => 1)
  .onError(({ error }) => String(error))
  .listen(3000);
function auth({ headers }) { return headers.x; }
`),
    ).toEqual([
      { framework: 'elysia', kind: 'route', confidence: 'certain', label: 'GET /', complete: false, line: 3 },
      { framework: 'elysia', kind: 'route', confidence: 'certain', label: 'POST /', complete: false, line: 4 },
      { framework: 'elysia', kind: 'middleware', confidence: 'certain', label: 'middleware beforeHandle', complete: false, line: 4 },
      { framework: 'elysia', kind: 'route', confidence: 'certain', label: 'GET /stats', complete: false, line: 7 },
      { framework: 'elysia', kind: 'route', confidence: 'certain', label: 'DELETE /cache/:key', complete: false, line: 7 },
      { framework: 'elysia', kind: 'route', confidence: 'certain', label: 'PUT /me', complete: true, line: 8 },
      { framework: 'elysia', kind: 'hook', confidence: 'certain', label: 'onBeforeHandle hook', complete: undefined, line: 9 },
      { framework: 'elysia', kind: 'route', confidence: 'certain', label: 'PATCH /p', complete: true, line: 11 },
      { framework: 'elysia', kind: 'error-middleware', confidence: 'certain', label: 'error handler', complete: undefined, line: 12 },
      { framework: 'elysia', kind: 'middleware', confidence: 'certain', label: 'middleware auth', complete: undefined, line: 14 },
    ]);
  });

  it('follows plugin functions, keeps exported plugins incomplete and ignores other receivers', () => {
    expect(
      handlersIn(`import { Elysia } from 'elysia';
import { Elysia as Other } from 'not-elysia';
export const books = new Elysia({ prefix: '/books' }).get('/:id', ({ params }) => find(params.id));
const app = new Elysia({ prefix: '/v1' }).use((app) => app.post('/import', ({ body }) => importAll(body)));
new Other().get('/x', () => 'x');
export const typed = (app: Elysia) => app.get('/typed', () => 'typed');
`),
    ).toEqual([
      { framework: 'elysia', kind: 'route', confidence: 'certain', label: 'GET /:id', complete: false, line: 3 },
      { framework: 'elysia', kind: 'route', confidence: 'certain', label: 'POST /import', complete: false, line: 4 },
      { framework: 'elysia', kind: 'route', confidence: 'certain', label: 'GET /typed', complete: false, line: 6 },
    ]);
  });
});
