import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('realistic modules', () => {
  it('Fastify: type providers, dynamic plugin imports and decorators', () => {
    expect(
      handlersIn(`import fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
const server = fastify();
server.register(import('./routes/users.js'), { prefix: '/users' });
server.decorate('authenticate', async (request, reply) => {});
server.withTypeProvider<ZodTypeProvider>().get('/items', { schema: {} }, async (req, reply) => []);
server.listen({ port: 3000 });
`),
    ).toEqual([{ framework: 'fastify', kind: 'route', confidence: 'certain', label: 'GET /items', complete: true, line: 6 }]);
  });

  it('Hono: OpenAPI routes from createRoute and factory handlers', () => {
    expect(
      handlersIn(`import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createFactory } from 'hono/factory';
const route = createRoute({ method: 'get', path: '/users/{id}', responses: {} });
const app = new OpenAPIHono();
app.openapi(route, (c) => c.json({ id: c.req.param('id') }));
const factory = createFactory();
export const handlers = factory.createHandlers(async (c) => c.json({}));
`),
    ).toEqual([
      { framework: 'hono', kind: 'route', confidence: 'certain', label: 'GET /users/{id}', complete: true, line: 5 },
      { framework: 'hono', kind: 'route', confidence: 'certain', label: 'route handlers', complete: undefined, line: 7 },
    ]);
  });

  it('Express: app module with mounted imported routers, static files and a 404 handler', () => {
    expect(
      handlersIn(`import express from 'express';
import cors from 'cors';
import usersRouter from './routes/users';
const app = express();
app.use(cors({ origin: (origin, cb) => cb(null, true) }));
app.use(express.static('public'));
app.use('/users', usersRouter);
app.use('/api', require('./routes/api'));
app.use((req, res) => res.status(404).send('Not found'));
app.listen(3000, () => console.log('listening'));
export default app;
`),
    ).toEqual([
      { framework: 'express', kind: 'middleware', confidence: 'certain', label: 'middleware app.ts:9', complete: undefined, line: 9 },
    ]);
  });

  it('non-server code with verb-like calls stays empty', () => {
    expect(
      handlersIn(
        `import { Router } from 'vue-router';
import redis from './redis';
const headers = new Headers();
headers.get('/x');
redis.get('/session', (err, reply) => {});
const router = new Router();
router.get('/home', (to, from) => {});
export async function handler(event, context) { return { statusCode: 200 }; }
describe('GET /users', () => { it('works', async () => { await request(app).get('/users').expect(200); }); });
`,
        'src/client.ts',
      ),
    ).toEqual([]);
  });
});
