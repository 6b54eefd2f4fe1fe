import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('fastify detector', () => {
  it('finds shorthands, route(), options handlers and request hooks on fastify()', () => {
    expect(
      handlersIn(`import Fastify from 'fastify';
const app = Fastify({ logger: true });
app.get('/ping', async (request, reply) => 'pong');
app.post('/users', { schema: {} }, async function create(request, reply) {});
app.route({ method: ['PUT', 'PATCH'], url: '/users/:id', preHandler: [async (req) => {}], handler: async (req, reply) => {} });
app.addHook('onRequest', async (request) => {});
app.addHook('onClose', async () => {});
app.addHook('onReady', async function () {});
app.get('/opts', { handler: async () => ({}) });
app.setErrorHandler((error, request, reply) => {});
`),
    ).toEqual([
      { framework: 'fastify', kind: 'route', confidence: 'certain', label: 'GET /ping', complete: true, line: 3 },
      { framework: 'fastify', kind: 'route', confidence: 'certain', label: 'POST /users', complete: true, line: 4 },
      {
        framework: 'fastify',
        kind: 'hook',
        confidence: 'certain',
        label: 'preHandler hook of PUT,PATCH /users/:id',
        complete: true,
        line: 5,
      },
      { framework: 'fastify', kind: 'route', confidence: 'certain', label: 'PUT,PATCH /users/:id', complete: true, line: 5 },
      { framework: 'fastify', kind: 'hook', confidence: 'certain', label: 'onRequest hook', complete: undefined, line: 6 },
      { framework: 'fastify', kind: 'route', confidence: 'certain', label: 'GET /opts', complete: true, line: 9 },
      { framework: 'fastify', kind: 'error-middleware', confidence: 'certain', label: 'error handler', complete: undefined, line: 10 },
    ]);
  });

  it('takes the third argument as the handler when the options object comes from another module', () => {
    expect(
      handlersIn(`import Fastify from 'fastify';
import { followSchema } from './schemas';
const app = Fastify();
async function follow(request, reply) {}
app.post('/follow', followSchema, follow);
`),
    ).toEqual([{ framework: 'fastify', kind: 'route', confidence: 'certain', label: 'POST /follow', complete: true, line: 4 }]);
  });

  it('follows register() plugins with prefixes and fastify-plugin wrappers', () => {
    expect(
      handlersIn(
        `const fastify = require('fastify')();
const fp = require('fastify-plugin');
async function users(instance, opts) {
  instance.get('/', async (request, reply) => []);
}
fastify.register(users, { prefix: '/users' });
fastify.register(async (child) => { child.delete('/cache', async () => {}); }, { prefix: '/admin' });
module.exports = fp(async function auth(server) { server.addHook('preHandler', async (req, reply) => {}); });
`,
        'src/server.js',
      ),
    ).toEqual([
      { framework: 'fastify', kind: 'route', confidence: 'certain', label: 'GET /', complete: false, line: 4 },
      { framework: 'fastify', kind: 'route', confidence: 'certain', label: 'DELETE /cache', complete: false, line: 7 },
      { framework: 'fastify', kind: 'hook', confidence: 'certain', label: 'preHandler hook', complete: undefined, line: 8 },
    ]);
  });

  it('recognises typed plugins and autoload-style exports', () => {
    expect(
      handlersIn(`import type { FastifyPluginAsync, FastifyInstance } from 'fastify';
const root: FastifyPluginAsync = async (fastify, opts): Promise<void> => {
  fastify.get('/', async function (request, reply) { return { root: true }; });
};
export function routes(app: FastifyInstance) { app.post('/login', async (req) => ({})); }
export default root;
`),
    ).toEqual([
      { framework: 'fastify', kind: 'route', confidence: 'certain', label: 'GET /', complete: false, line: 3 },
      { framework: 'fastify', kind: 'route', confidence: 'certain', label: 'POST /login', complete: false, line: 5 },
    ]);
    expect(
      handlersIn(
        `'use strict'
module.exports = async function (fastify, opts) {
  fastify.get('/', async function (request, reply) { return 'this is an example'; });
};
`,
        'routes/example/index.js',
      ),
    ).toEqual([{ framework: 'fastify', kind: 'route', confidence: 'heuristic', label: 'GET /', complete: false, line: 3 }]);
  });

  it('does not take Express-style route modules or startup hooks for Fastify', () => {
    expect(
      handlersIn(
        `module.exports = function (app) { app.locals.title = 'x'; };
`,
        'routes/index.js',
      ),
    ).toEqual([]);
  });
});
