// Conventions: every case is literal code; invalid cases assert messageId, position and
// `suggestions: null` (a declaration is a decision, so there is no fix). File names place each
// case next to a manifest under test/fixtures/routes/ (see its README).
import { RuleTester } from '@typescript-eslint/rule-tester';
import requireRouteRole from '../../rules/require-route-role.js';
import type { MessageIds, Options } from '../../rules/require-route-role.js';
import { BASIC, MANIFEST, NO_MANIFEST, useFreshManifestCaches } from './route-fixtures.js';

// rule-tester 8.72 brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = requireRouteRole as never;

useFreshManifestCaches();

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('require-route-role', rule, {
  valid: [
    {
      name: 'express: every route declared (a {*path} route covered by a {*path} declaration)',
      filename: BASIC,
      code: `
import express from 'express';
const app = express();
app.get('/health', (req, res) => res.end());
app.get('/api/runs/:id', (req, res) => res.end());
app.get('/api/files/*path', (req, res) => res.end());
`,
    },
    {
      name: 'express: a router factory mounted at /api by another module (src/factories/app.ts): its route is declared at its full path',
      filename: 'test/fixtures/routes/basic/src/factories/reports.ts',
      code: `
import { Router } from 'express';

export function createReportsRouter() {
  const router = Router();
  router.post('/reports', (req, res) => res.end());
  return router;
}
`,
    },
    {
      name: 'koa: a router prefix set by router.prefix() after creation applies to the routes on it',
      filename: BASIC,
      code: `
import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router();
router.prefix('/api');
router.get('/runs/:id', (ctx) => { ctx.body = 'ok'; });
app.use(router.routes());
`,
    },
    {
      name: 'elysia: routes declared, with a { prefix } plugin used by the app and a group() prefix',
      filename: BASIC,
      code: `
import { Elysia } from 'elysia';
const users = new Elysia({ prefix: '/users' }).get('/:id', ({ params }) => params.id);
new Elysia()
  .use(users)
  .group('/api', (app) => app.get('/runs/:id', ({ params }) => params.id).post('/reports', ({ body }) => body))
  .get('/health', 'ok')
  .listen(3000);
`,
    },
    {
      name: 'sveltekit: a +server endpoint whose folder path is declared',
      filename: 'test/fixtures/routes/basic/src/routes/api/runs/[id]/+server.ts',
      code: `
import { json } from '@sveltejs/kit';
export async function GET({ params }) {
  return json({ id: params.id });
}
`,
    },
    {
      name: 'nitro: a server/api route whose file path and method suffix are declared',
      filename: 'test/fixtures/routes/basic/server/api/runs/[id].get.ts',
      code: `
export default defineEventHandler((event) => ({ id: getRouterParam(event, 'id') }));
`,
    },
    {
      name: 'react-router: a loader whose flat-routes path is declared',
      filename: 'test/fixtures/routes/basic/app/routes/api.runs.$id.ts',
      code: `
import type { Route } from './+types/api.runs.$id';
export async function loader({ params }: Route.LoaderArgs) {
  return Response.json({ id: params.id });
}
`,
    },
    {
      name: 'express: a router mounted with a literal prefix in the same module',
      filename: BASIC,
      code: `
import express from 'express';
const app = express();
const api = express.Router();
api.get('/users/:id', (req, res) => res.end());
app.use('/api', api);
`,
    },
    {
      name: 'fastify, koa and hono routes declared',
      filename: BASIC,
      code: `
import Fastify from 'fastify';
import Koa from 'koa';
import Router from '@koa/router';
import { Hono } from 'hono';
const fastify = Fastify();
fastify.get('/users/:id', async () => ({}));
const koa = new Koa();
const router = new Router();
router.get('/reports/:id', (ctx) => { ctx.body = 'ok'; });
koa.use(router.routes());
const hono = new Hono();
hono.post('/api/reports', (c) => c.text('ok'));
`,
    },
    {
      name: 'a method covered by a "*" declaration',
      filename: BASIC,
      code: `
import express from 'express';
const app = express();
app.delete('/api/ide/sessions/:id', (req, res) => res.end());
app.all('/api/ide/*rest', (req, res) => res.end());
`,
    },
    {
      name: 'nestjs: controller prefix + method path declared',
      filename: BASIC,
      code: `
import { Controller, Get } from '@nestjs/common';
@Controller('reports')
export class ReportsController {
  @Get(':id')
  get() { return {}; }
}
`,
    },
    {
      name: 'nextjs: an App Router route declared',
      filename: 'test/fixtures/routes/basic/app/api/articles/route.ts',
      code: `
export async function GET() {
  return Response.json([]);
}
`,
    },
    {
      name: 'a file without routes needs no manifest',
      filename: NO_MANIFEST,
      code: `
export function add(a: number, b: number) { return a + b; }
`,
    },
    {
      name: 'middleware is not a route',
      filename: BASIC,
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => next());
`,
    },
    {
      name: 'reportUnresolved: false skips routes whose path is not static',
      filename: BASIC,
      options: [{ reportUnresolved: false }],
      code: `
import express from 'express';
const app = express();
export function mount(path: string) {
  app.get(path, (req, res) => res.end());
}
`,
    },
    {
      name: 'the manifest option points at a manifest elsewhere',
      filename: NO_MANIFEST,
      options: [{ manifest: MANIFEST }],
      code: `
import express from 'express';
const app = express();
app.get('/health', (req, res) => res.end());
`,
    },
    {
      name: 'settings.fleet.manifest points at a manifest elsewhere',
      filename: NO_MANIFEST,
      settings: { fleet: { manifest: MANIFEST } },
      code: `
import express from 'express';
const app = express();
app.get('/health', (req, res) => res.end());
`,
    },
  ],
  invalid: [
    {
      name: 'express: an undeclared route, named with its manifest',
      filename: BASIC,
      code: `
import express from 'express';
const app = express();
app.get('/health', (req, res) => res.end());
app.post('/api/uploads', (req, res) => res.end());
`,
      errors: [
        {
          messageId: 'undeclared',
          data: { route: 'POST /api/uploads', manifest: MANIFEST },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 9,
          suggestions: null,
        },
      ],
    },
    {
      name: 'express: a literal declaration does not classify a parameter route',
      filename: BASIC,
      code: `
import express from 'express';
const app = express();
app.get('/api/:section', (req, res) => res.end());
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'GET /api/{section}', manifest: MANIFEST }, line: 4, column: 1, suggestions: null },
      ],
    },
    {
      name: 'express: an optional parameter is two routes; only the undeclared one is reported',
      filename: BASIC,
      code: `
import express from 'express';
const app = express();
app.get('/users/:id/:tab?', (req, res) => res.end());
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'GET /users/{id}/{tab}', manifest: MANIFEST }, line: 4, column: 1, suggestions: null },
      ],
    },
    {
      name: 'express: app.all is only covered by "*" declarations',
      filename: BASIC,
      code: `
import express from 'express';
const app = express();
app.all('/health', (req, res) => res.end());
`,
      errors: [{ messageId: 'undeclared', data: { route: '* /health', manifest: MANIFEST }, line: 4, column: 1, suggestions: null }],
    },
    {
      name: 'fastify: undeclared route',
      filename: BASIC,
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.put('/users/:id', async () => ({}));
`,
      errors: [{ messageId: 'undeclared', data: { route: 'PUT /users/{id}', manifest: MANIFEST }, line: 4, column: 1, suggestions: null }],
    },
    {
      name: 'koa: undeclared route on @koa/router',
      filename: BASIC,
      code: `
import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router({ prefix: '/reports' });
router.del('/:id', (ctx) => { ctx.status = 204; });
app.use(router.routes());
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'DELETE /reports/{id}', manifest: MANIFEST }, line: 6, column: 1, suggestions: null },
      ],
    },
    {
      name: 'hono: undeclared route',
      filename: BASIC,
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/api/articles/:slug', (c) => c.text('ok'));
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'GET /api/articles/{slug}', manifest: MANIFEST }, line: 4, column: 1, suggestions: null },
      ],
    },
    {
      name: 'elysia: undeclared routes, with the group() and { prefix } of a used plugin in their paths',
      filename: BASIC,
      code: `
import { Elysia } from 'elysia';
const reports = new Elysia({ prefix: '/reports' }).delete('/:id', ({ params, set }) => { set.status = 204; });
new Elysia()
  .use(reports)
  .group('/api', (app) => app.put('/articles/:slug', ({ body }) => body))
  .listen(3000);
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'DELETE /reports/{id}', manifest: MANIFEST }, line: 3, column: 17, suggestions: null },
        {
          messageId: 'undeclared',
          data: { route: 'PUT /api/articles/{slug}', manifest: MANIFEST },
          line: 6,
          column: 27,
          suggestions: null,
        },
      ],
    },
    {
      name: 'sveltekit: an undeclared method of a +server endpoint, reported at its name',
      filename: 'test/fixtures/routes/basic/src/routes/api/runs/[id]/+server.ts',
      code: `
export const GET = () => new Response('run');
export const DELETE = () => new Response(null, { status: 204 });
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'DELETE /api/runs/{id}', manifest: MANIFEST }, line: 3, column: 14, suggestions: null },
      ],
    },
    {
      name: 'nitro: an undeclared server/api route, reported at its default export',
      filename: 'test/fixtures/routes/basic/server/api/runs/[id].delete.ts',
      code: `
export default defineEventHandler(async (event) => {
  setResponseStatus(event, 204);
});
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'DELETE /api/runs/{id}', manifest: MANIFEST }, line: 2, column: 1, suggestions: null },
      ],
    },
    {
      name: 'react-router: an action answers every non-GET method of its path, each must be declared',
      filename: 'test/fixtures/routes/basic/app/routes/api.articles.ts',
      code: `
export async function loader() { return []; }
export async function action({ request }) { return null; }
`,
      errors: ['POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({
        messageId: 'undeclared' as const,
        data: { route: `${method} /api/articles`, manifest: MANIFEST },
        line: 3,
        column: 23,
        suggestions: null,
      })),
    },
    {
      name: 'medusa: a declared and an undeclared method of a src/api route file',
      filename: 'test/fixtures/routes/basic/src/api/users/[id]/route.ts',
      code: `
import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
export const GET = (req: MedusaRequest, res: MedusaResponse) => res.json({});
export const DELETE = (req: MedusaRequest, res: MedusaResponse) => res.status(204).send();
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'DELETE /users/{id}', manifest: MANIFEST }, line: 4, column: 14, suggestions: null },
      ],
    },
    {
      name: 'nestjs: undeclared method of a controller, reported at its decorator',
      filename: BASIC,
      code: `
import { Controller, Delete } from '@nestjs/common';
@Controller('reports')
export class ReportsController {
  @Delete(':id')
  remove() { return {}; }
}
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'DELETE /reports/{id}', manifest: MANIFEST }, line: 5, column: 3, suggestions: null },
      ],
    },
    {
      name: 'nextjs: undeclared App Router export, reported at its name',
      filename: 'test/fixtures/routes/basic/app/api/articles/route.ts',
      code: `
export async function POST() {
  return Response.json({});
}
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'POST /api/articles', manifest: MANIFEST }, line: 2, column: 23, suggestions: null },
      ],
    },
    {
      name: 'express: a route of a router factory is reported at its full path, with the mount prefix of the module calling it',
      filename: 'test/fixtures/routes/basic/src/factories/reports.ts',
      code: `
import { Router } from 'express';

export function createReportsRouter() {
  const router = Router();
  router.post('/reports', (req, res) => res.end());
  router.get('/reports/:id/pdf', (req, res) => res.end());
  return router;
}
`,
      errors: [
        {
          messageId: 'undeclared',
          data: { route: 'GET /api/reports/{id}/pdf', manifest: MANIFEST },
          line: 7,
          column: 3,
          suggestions: null,
        },
      ],
    },
    {
      name: 'koa: a route under a router.prefix() is reported at its full path',
      filename: BASIC,
      code: `
import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router();
router.get('/runs', (ctx) => { ctx.body = 'ok'; });
router.prefix('/api');
app.use(router.routes());
`,
      errors: [{ messageId: 'undeclared', data: { route: 'GET /api/runs', manifest: MANIFEST }, line: 6, column: 1, suggestions: null }],
    },
    {
      name: 'koa: a router whose mount is not visible from the file is unresolved',
      filename: BASIC,
      code: `
import Router from '@koa/router';
export const router = new Router();
router.get('/reports/:id', (ctx) => { ctx.body = 'ok'; });
`,
      errors: [{ messageId: 'unresolved', line: 4, column: 1, suggestions: null }],
    },
    {
      name: 'koa: an unmounted router is named by what is known of its path, its own prefix included',
      filename: BASIC,
      code: `
import Router from '@koa/router';
export const router = new Router({ prefix: '/reports' });
router.get('/:id', (ctx) => { ctx.body = 'ok'; });
`,
      errors: [
        {
          messageId: 'unresolved',
          data: {
            route: 'GET /reports/:id',
            reason:
              '`router` in src/app.ts is not mounted anywhere Fleet can follow (a computed or package import, or a dynamic registration)',
            manifest: MANIFEST,
          },
          line: 4,
          column: 1,
          suggestions: null,
        },
      ],
    },
    {
      name: 'a path that is not static is reported as unresolved, never guessed',
      filename: BASIC,
      code: `
import express from 'express';
const app = express();
export function mount(path: string) {
  app.get(path, (req, res) => res.end());
}
`,
      errors: [{ messageId: 'unresolved', line: 5, column: 3, suggestions: null }],
    },
    {
      name: 'no manifest: one report per file, at the first route',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
const app = express();
app.get('/a', (req, res) => res.end());
app.get('/b', (req, res) => res.end());
app.post('/c', (req, res) => res.end());
`,
      errors: [{ messageId: 'noManifest', data: { count: 3 }, line: 4, column: 1, suggestions: null }],
    },
    {
      name: 'a broken manifest: one report per file with the manifest positions',
      filename: 'test/fixtures/routes/broken/src/app.ts',
      code: `
import express from 'express';
const app = express();
app.get('/api/health', (req, res) => res.end());
app.get('/api/other', (req, res) => res.end());
`,
      errors: [
        {
          messageId: 'brokenManifest',
          data: {
            problems:
              'test/fixtures/routes/broken/fleet.routes.yaml:3:47 Unknown role `ide_only` (did you mean `ide-only`?); write `ide-only` (needs the workspace files) or `fleet-ok` (any replica)',
          },
          line: 4,
          column: 1,
          suggestions: null,
        },
      ],
    },
    {
      name: 'a configured manifest that does not exist is a broken manifest, not a silent pass',
      filename: NO_MANIFEST,
      options: [{ manifest: 'test/fixtures/routes/missing/fleet.routes.yaml' }],
      code: `
import express from 'express';
const app = express();
app.get('/health', (req, res) => res.end());
`,
      errors: [{ messageId: 'brokenManifest', line: 4, column: 1, suggestions: null }],
    },
  ],
});
