import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('heuristic detector', () => {
  it('finds handler-shaped registrations on untraced receivers', () => {
    expect(
      handlersIn(
        `module.exports = function (app) {
  app.get('/users', function (req, res) { res.send([]); });
  app.use('/admin', (req, res, next) => next());
  app.use('/x', (err, req, res, next) => next(err));
};
export function routes(router) {
  router.post(\`/items\`, async (ctx) => {}, async (ctx, next) => {});
  router.get('/hono', (c) => c.text('x'));
  router.put('/f', async (request, reply) => {});
}
`,
        'src/routes/index.js',
      ),
    ).toEqual([
      { framework: 'express', kind: 'route', confidence: 'heuristic', label: 'GET /users', complete: false, line: 2 },
      { framework: 'express', kind: 'middleware', confidence: 'heuristic', label: 'middleware index.js:3', complete: false, line: 3 },
      {
        framework: 'express',
        kind: 'error-middleware',
        confidence: 'heuristic',
        label: 'error middleware index.js:4',
        complete: false,
        line: 4,
      },
      { framework: 'koa', kind: 'route', confidence: 'heuristic', label: 'POST /items', complete: false, line: 7 },
      { framework: 'koa', kind: 'route', confidence: 'heuristic', label: 'POST /items', complete: false, line: 7 },
      { framework: 'hono', kind: 'route', confidence: 'heuristic', label: 'GET /hono', complete: false, line: 8 },
      { framework: 'fastify', kind: 'route', confidence: 'heuristic', label: 'PUT /f', complete: false, line: 9 },
    ]);
  });

  it('is switched off by settings.fleet.heuristics: false', () => {
    expect(handlersIn(`app.get('/users', (req, res) => {});`, 'src/a.js', { heuristics: false })).toEqual([]);
  });

  it('prefers the certain finding of a framework detector', () => {
    expect(
      handlersIn(`import express from 'express';
const app = express();
app.get('/a', (req, res) => {});
`),
    ).toEqual([{ framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /a', complete: true, line: 3 }]);
  });

  it('ignores lookalikes', () => {
    expect(
      handlersIn(`import { rest, http } from 'msw';
import axios from 'axios';
const cache = new Map();
const api = { get(path, fn) {} };
rest.get('/api/user', (req, res, ctx) => res(ctx.json({})));
http.post('/api/login', ({ request }) => new Response());
axios.get('/users');
cache.get('/k', (err, value) => {});
api.get('/x', (req, res) => {});
request(app).get('/users').expect(200);
emitter.on('/event', (req, res) => {});
store.get('key', (req, res) => {});
client.get('/users', (err, res, body) => {});
app.get('/no-fn', options);
`),
    ).toEqual([]);
    expect(handlersIn(`app.get('/users', (req, res) => {});`, 'test/routes.test.ts')).toEqual([]);
  });
});
