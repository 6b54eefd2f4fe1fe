import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('hono detector', () => {
  it('finds verbs, on(), use(), basePath() and chained routes', () => {
    expect(
      handlersIn(`import { Hono } from 'hono';
const app = new Hono().basePath('/api');
app.use('*', async (c, next) => { await next(); });
app.get('/posts', (c) => c.json([])).post((c) => c.text('created', 201));
app.on(['PUT', 'DELETE'], '/posts/:id', async (c) => c.body(null));
app.all('/any', (c) => c.text('any'));
app.route('/sub', sub);
`),
    ).toEqual([
      { framework: 'hono', kind: 'middleware', confidence: 'certain', label: 'middleware app.ts:3', complete: undefined, line: 3 },
      { framework: 'hono', kind: 'route', confidence: 'certain', label: 'GET /posts', complete: false, line: 4 },
      { framework: 'hono', kind: 'route', confidence: 'certain', label: 'POST /posts', complete: false, line: 4 },
      { framework: 'hono', kind: 'route', confidence: 'certain', label: 'PUT,DELETE /posts/:id', complete: false, line: 5 },
      { framework: 'hono', kind: 'route', confidence: 'certain', label: '* /any', complete: false, line: 6 },
    ]);
  });

  it('resolves sub-app mounts and marks exported apps incomplete', () => {
    expect(
      handlersIn(`import { Hono } from 'hono/tiny';
import { createMiddleware } from 'hono/factory';
const books = new Hono();
books.get('/', (c) => c.json([]));
const app = new Hono();
app.route('/books', books);
const users = new Hono().get('/:id', (c) => c.json({}));
export const timing = createMiddleware(async (c, next) => { await next(); });
export default users;
`),
    ).toEqual([
      { framework: 'hono', kind: 'route', confidence: 'certain', label: 'GET /', complete: false, line: 4 },
      { framework: 'hono', kind: 'route', confidence: 'certain', label: 'GET /:id', complete: false, line: 7 },
      { framework: 'hono', kind: 'middleware', confidence: 'certain', label: 'middleware timing', complete: undefined, line: 8 },
    ]);
  });

  it('ignores mounts and non-Hono receivers', () => {
    expect(
      handlersIn(`import { Hono } from 'hono';
import { Hono as Other } from 'not-hono';
const app = new Hono();
const other = new Other();
other.get('/x', (c) => c.text('x'));
app.route('/api', other);
app.get('/settings');
`),
    ).toEqual([]);
  });
});
