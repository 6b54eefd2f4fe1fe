import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { parse } from '@typescript-eslint/typescript-estree';
import { moduleFacts } from '../../src/routes/module-facts/module-facts.js';
import { clearProjectMountsCache } from '../../src/routes/project-mounts.js';
import { projectRoutes } from '../../src/routes/project-routes.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project in a temporary folder, its routes as `METHOD pattern file:line` (or `? raw (reason)`). */
function routes(files: Readonly<Record<string, string>>): string[] {
  const root = mkdtempSync(path.join(tmpdir(), 'fleet-idioms-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return projectRoutes(root).routes.map(
    (r) => `${r.methods.join(',')} ${r.pattern ?? `? ${r.rawPath} (${r.unresolved})`} ${r.file}:${r.line}`,
  );
}

const KOA_USERS =
  "import Router from '@koa/router';\nconst router = new Router({ prefix: '/users' });\nrouter.get('/:id', async (ctx) => { ctx.body = {}; });\nexport default router;\n";
const KOA_TEAMS =
  "import Router from '@koa/router';\nconst router = new Router({ prefix: '/teams' });\nrouter.post('/', async (ctx) => { ctx.body = {}; });\nexport default router;\n";

beforeEach(() => {
  clearProjectMountsCache();
});

describe('mounts through loops, arrays and spreads', () => {
  test('Koa: routers mounted in a for-of loop over an array literal', () => {
    expect(
      routes({
        'src/users.ts': KOA_USERS,
        'src/teams.ts': KOA_TEAMS,
        'src/app.ts':
          "import Koa from 'koa';\nimport users from './users';\nimport teams from './teams';\nconst app = new Koa();\nfor (const r of [users, teams]) app.use(r.routes());\napp.listen(3000);\n",
      }),
    ).toEqual(['POST /teams src/teams.ts:3', 'GET /users/{id} src/users.ts:3']);
  });

  test('Koa: routers mounted by a forEach over a module-level array', () => {
    expect(
      routes({
        'src/users.ts': KOA_USERS,
        'src/teams.ts': KOA_TEAMS,
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nimport users from './users';\nimport teams from './teams';\nconst app = new Koa();\nconst api = new Router({ prefix: '/api' });\nconst routers = [users, teams];\nrouters.forEach((r) => {\n  api.use(r.routes());\n  api.use(r.allowedMethods());\n});\napp.use(api.routes());\n",
      }),
    ).toEqual(['POST /api/teams src/teams.ts:3', 'GET /api/users/{id} src/users.ts:3']);
  });

  test('Koa: routers of the same module mounted in a loop get the parent router prefix', () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst users = new Router({ prefix: '/users' });\nusers.get('/:id', async (ctx) => { ctx.body = {}; });\nconst api = new Router({ prefix: '/api' });\nfor (const r of [users]) api.use(r.routes());\napp.use(api.routes());\n",
      }),
    ).toEqual(['GET /api/users/{id} src/app.ts:5']);
  });

  test('Express: a spread of a router list, and routers in an array argument with a spread', () => {
    expect(
      routes({
        'src/users.ts':
          "import { Router } from 'express';\nexport const users = Router();\nusers.get('/users', (req, res) => { res.end(); });\n",
        'src/teams.ts':
          "import { Router } from 'express';\nexport const teams = Router();\nteams.get('/teams', (req, res) => { res.end(); });\n",
        'src/app.ts':
          "import express from 'express';\nimport { users } from './users';\nimport { teams } from './teams';\nconst app = express();\nconst routers = [users];\napp.use('/v1', ...routers);\napp.use('/v2', [...routers, teams]);\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /v2/teams src/teams.ts:3', 'GET /v1/users src/users.ts:3', 'GET /v2/users src/users.ts:3']);
  });

  test('Fastify: plugins registered in a loop over Object.values of an object literal', () => {
    expect(
      routes({
        'src/health.ts':
          "import type { FastifyInstance } from 'fastify';\nexport default async function health(app: FastifyInstance) {\n  app.get('/health', async () => ({ ok: true }));\n}\n",
        'src/server.ts':
          "import Fastify from 'fastify';\nimport health from './health';\nconst app = Fastify();\nfor (const plugin of Object.values({ health })) app.register(plugin, { prefix: '/status' });\napp.listen({ port: 3000 });\n",
      }),
    ).toEqual(['GET /status/health src/health.ts:3']);
  });

  test('a loop over a list Fleet cannot read leaves the routes unresolved', () => {
    expect(
      routes({
        'src/users.ts': KOA_USERS,
        'src/app.ts':
          "import Koa from 'koa';\nimport { load } from './load';\nconst app = new Koa();\nfor (const r of load()) app.use(r.routes());\n",
      }),
    ).toEqual([
      'GET ? /users/:id (`router` in src/users.ts is not mounted anywhere Fleet can follow (a computed or package import, or a dynamic registration)) src/users.ts:3',
    ]);
  });
});

describe('paths that cannot be stated as a pattern are unresolved, never cut', () => {
  test('Express 4: a literal suffix after a parameter, a wildcard inside a segment, and a bare `*`', () => {
    expect(
      routes({
        'src/app.ts':
          "import express from 'express';\nconst app = express();\napp.get('/ext/:platform-repo', (req, res) => { res.end(); });\napp.get('/cover*', (req, res) => { res.end(); });\napp.get('*', (req, res) => { res.end(); });\napp.listen(3000);\n",
      }),
    ).toEqual([
      'GET ? /ext/:platform-repo (`/ext/:platform-repo`: the segment `:platform-repo` mixes literal text with a parameter or wildcard, which a pattern cannot express; declare the route by hand) src/app.ts:3',
      'GET ? /cover* (`/cover*`: the segment `cover*` mixes literal text with a parameter or wildcard, which a pattern cannot express; declare the route by hand) src/app.ts:4',
      'GET / src/app.ts:5',
      'GET /{*rest} src/app.ts:5',
    ]);
  });

  test("Koa: `'*'` answers the root too", () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst router = new Router();\nrouter.get('*', async (ctx) => { ctx.body = {}; });\napp.use(router.routes());\n",
      }),
    ).toEqual(['GET / src/app.ts:5', 'GET /{*rest} src/app.ts:5']);
  });
});

describe('NestJS global prefix exclude list', () => {
  test('wildcard, parameter and method-specific entries, and a custom regex left unresolved', () => {
    expect(
      routes({
        'src/main.ts':
          "import { NestFactory } from '@nestjs/core';\nimport { RequestMethod } from '@nestjs/common';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api', { exclude: ['auth/(.*)', '/users/:id', { path: 'health', method: RequestMethod.GET }, 'files/*path'] });\n}\n",
        'src/app.controller.ts':
          "import { Controller, Get, Post } from '@nestjs/common';\n@Controller()\nexport class AppController {\n  @Get('auth/google/callback')\n  callback() { return 1; }\n  @Get('users/:id')\n  user() { return 1; }\n  @Get('health')\n  health() { return 1; }\n  @Post('health')\n  ping() { return 1; }\n  @Get('files')\n  files() { return 1; }\n  @Get('users')\n  users() { return 1; }\n}\n",
      }),
    ).toEqual([
      'GET /auth/google/callback src/app.controller.ts:4',
      'GET /users/{id} src/app.controller.ts:6',
      'GET /health src/app.controller.ts:8',
      'POST /api/health src/app.controller.ts:10',
      'GET /files src/app.controller.ts:12',
      'GET /api/users src/app.controller.ts:14',
    ]);
    expect(
      routes({
        'src/main.ts':
          "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api', { exclude: ['v(\\\\d+)/status'] });\n}\n",
        'src/app.controller.ts':
          "import { Controller, Get } from '@nestjs/common';\n@Controller()\nexport class AppController {\n  @Get('users')\n  users() { return 1; }\n}\n",
      }),
    ).toEqual([
      "GET ? /users (the global prefix's `exclude` entry `v(\\d+)/status` is a regular expression Fleet does not evaluate) src/app.controller.ts:4",
    ]);
  });
});

describe('Next.js basePath', () => {
  test('the basePath of the nearest next.config applies to app and pages routes', () => {
    expect(
      routes({
        'apps/docs/next.config.mjs':
          "const base = '/docs';\nconst nextConfig = { basePath: base, reactStrictMode: true };\nexport default nextConfig;\n",
        'apps/docs/app/api/hello/route.ts': 'export async function GET() { return Response.json({}); }\n',
        'apps/docs/pages/api/ping.ts': 'export default function handler(req, res) { res.end(); }\n',
        'apps/web/next.config.js': 'module.exports = { reactStrictMode: true };\n',
        'apps/web/app/api/hello/route.ts': 'export async function GET() { return Response.json({}); }\n',
      }),
    ).toEqual([
      'GET /docs/api/hello apps/docs/app/api/hello/route.ts:1',
      '* /docs/api/ping apps/docs/pages/api/ping.ts:1',
      'GET /api/hello apps/web/app/api/hello/route.ts:1',
    ]);
  });

  test('a basePath read from the environment leaves the routes unresolved', () => {
    expect(
      routes({
        'next.config.ts': 'export default { basePath: process.env.BASE_PATH };\n',
        'app/api/hello/route.ts': 'export async function GET() { return Response.json({}); }\n',
      }),
    ).toEqual(['GET ? /api/hello (the `basePath` in next.config.ts:1 is not a static string) app/api/hello/route.ts:1']);
  });
});

describe('NestJS bootstrap calls belong to their own package', () => {
  test('another app’s global prefix in the same monorepo does not apply', () => {
    expect(
      routes({
        'apps/api/package.json': '{ "name": "api" }\n',
        'apps/api/src/main.ts':
          "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n}\n",
        'apps/api/src/users.controller.ts':
          "import { Controller, Get } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Get()\n  list() { return []; }\n}\n",
        'apps/admin/package.json': '{ "name": "admin" }\n',
        'apps/admin/src/main.ts':
          "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AdminModule);\n  await app.listen(3001);\n}\n",
        'apps/admin/src/audit.controller.ts':
          "import { Controller, Get } from '@nestjs/common';\n@Controller('audit')\nexport class AuditController {\n  @Get()\n  list() { return []; }\n}\n",
      }),
    ).toEqual(['GET /audit apps/admin/src/audit.controller.ts:4', 'GET /api/users apps/api/src/users.controller.ts:4']);
  });
});

describe('sub-apps imported through a tsconfig paths alias', () => {
  test('a router imported as `@/routes/users` (baseUrl + paths) and `~/admin` gets its mount prefix', () => {
    expect(
      routes({
        'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"], "~/*": ["src/modules/*"] } } }\n',
        'src/routes/users.ts':
          "import { Router } from 'express';\nexport const users = Router();\nusers.get('/:id', (req, res) => { res.end(); });\n",
        'src/modules/admin.ts':
          "import { Router } from 'express';\nconst admin = Router();\nadmin.delete('/cache', (req, res) => { res.end(); });\nexport default admin;\n",
        'src/app.ts':
          "import express from 'express';\nimport { users } from '@/routes/users';\nimport admin from '~/admin';\nconst app = express();\napp.use('/users', users);\napp.use('/admin', admin);\napp.listen(3000);\n",
      }),
    ).toEqual(['DELETE /admin/cache src/modules/admin.ts:3', 'GET /users/{id} src/routes/users.ts:3']);
  });
});

describe('routers kept in class properties', () => {
  test('a field `router = Router()` mounted through `new UsersRoutes().router`, and a local class mounted through `this.admin.router`', () => {
    expect(
      routes({
        'src/users.ts':
          "import { Router } from 'express';\nexport class UsersRoutes {\n  router = Router();\n  constructor() {\n    this.router.get('/users', (req, res) => { res.end(); });\n  }\n}\n",
        'src/app.ts':
          "import express from 'express';\nimport { Router } from 'express';\nimport { UsersRoutes } from './users';\nclass AdminRoutes {\n  router = Router();\n  constructor() {\n    this.router.delete('/cache', (req, res) => { res.end(); });\n  }\n}\nclass Server {\n  app = express();\n  admin = new AdminRoutes();\n  constructor() {\n    this.app.use('/v1', new UsersRoutes().router);\n    this.app.use('/admin', this.admin.router);\n  }\n  start() {\n    this.app.listen(3000);\n  }\n}\n",
      }),
    ).toEqual(['DELETE /admin/cache src/app.ts:7', 'GET /v1/users src/users.ts:5']);
  });

  test('an app kept in a class property that nothing mounts or listens on is unresolved, not the root', () => {
    expect(
      routes({
        'src/api.ts':
          "import express from 'express';\nexport class Api {\n  constructor() {\n    this.router = express();\n    this.router.get('/status', (req, res) => { res.end(); });\n  }\n}\n",
      }),
    ).toEqual([
      'GET ? /status (`Api#router` in src/api.ts is not mounted anywhere Fleet can follow (a computed or package import, or a dynamic registration)) src/api.ts:5',
    ]);
  });
});

describe('registration helpers', () => {
  test('a helper in another module that mounts a router on the app it is given', () => {
    expect(
      routes({
        'src/users.ts':
          "import { Router } from 'express';\nexport const users = Router();\nusers.get('/users', (req, res) => { res.end(); });\n",
        'src/register.ts': "import { users } from './users';\nexport function registerRoutes(app) {\n  app.use('/api', users);\n}\n",
        'src/app.ts':
          "import express from 'express';\nimport { registerRoutes } from './register';\nconst app = express();\nregisterRoutes(app);\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /api/users src/users.ts:3']);
  });

  test('routers handed to a helper through rest arguments are unresolved, never shown without the helper’s prefix', () => {
    expect(
      routes({
        'src/users.ts':
          "import { Router } from 'express';\nexport const users = Router();\nusers.get('/users', (req, res) => { res.end(); });\n",
        'src/app.ts':
          "import express from 'express';\nimport { users } from './users';\nconst app = express();\nfunction mountAll(prefix, ...routers) {\n  app.use(prefix, ...routers);\n}\nmountAll('/api', users);\napp.listen(3000);\n",
      }),
    ).toEqual([
      'GET ? /users (`users` in src/users.ts is not mounted anywhere Fleet can follow (a computed or package import, or a dynamic registration)) src/users.ts:3',
    ]);
  });
});

// Detectors report the object a route is registered on and the route's own path; every prefix,
// the ones of mounts in the route's own module included, comes from the mount graph.
describe('mounts in the route’s own module, through the mount graph', () => {
  /** The raw paths of a project's routes, to see how prefixes were joined. */
  function rawPaths(files: Readonly<Record<string, string>>): string[] {
    const root = mkdtempSync(path.join(tmpdir(), 'fleet-idioms-'));
    roots.push(root);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    return projectRoutes(root).routes.map((r) => `${r.methods.join(',')} ${r.rawPath}`);
  }

  test('Express: routers nested in one module', () => {
    expect(
      routes({
        'src/app.ts':
          "import express, { Router } from 'express';\nconst app = express();\nconst api = Router();\nconst v1 = Router();\nv1.get('/users', (req, res) => { res.end(); });\napi.use('/v1', v1);\napp.use('/api', api);\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /api/v1/users src/app.ts:5']);
  });

  test('Express: a route chain held in a variable (`const r = app.route(path)`)', () => {
    expect(
      routes({
        'src/app.ts':
          "import express from 'express';\nconst app = express();\nconst things = app.route('/things');\nthings.get((req, res) => { res.end(); });\napp.route('/items').post((req, res) => { res.end(); });\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /things src/app.ts:4', 'POST /items src/app.ts:5']);
  });

  test('Express: a router mounted in its own module and by another module has both paths', () => {
    expect(
      routes({
        'src/users.ts':
          "import express from 'express';\nexport const users = express.Router();\nusers.get('/:id', (req, res) => { res.end(); });\nconst admin = express();\nadmin.use('/admin/users', users);\nadmin.listen(4000);\n",
        'src/app.ts':
          "import express from 'express';\nimport { users } from './users';\nconst app = express();\napp.use('/users', users);\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /admin/users/{id} src/users.ts:3', 'GET /users/{id} src/users.ts:3']);
  });

  test('Hono: `basePath()` held in a variable and chained inline', () => {
    expect(
      routes({
        'src/index.ts':
          "import { Hono } from 'hono';\nconst app = new Hono();\nconst api = app.basePath('/api');\napi.get('/x', (c) => c.text('x'));\napp.basePath('/v2').get('/y', (c) => c.text('y'));\nexport default app;\n",
      }),
    ).toEqual(['GET /api/x src/index.ts:4', 'GET /v2/y src/index.ts:5']);
  });

  test('Hono: a sub-app of another module routed under `basePath()`', () => {
    expect(
      routes({
        'src/users.ts': "import { Hono } from 'hono';\nexport const users = new Hono();\nusers.get('/:id', (c) => c.text('u'));\n",
        'src/app.ts':
          "import { Hono } from 'hono';\nimport { users } from './users';\nconst app = new Hono();\napp.basePath('/api').route('/users', users);\nexport default app;\n",
      }),
    ).toEqual(['GET /api/users/{id} src/users.ts:3']);
  });

  test('Fastify: inline plugins registered with a prefix, nested', () => {
    expect(
      routes({
        'src/server.ts':
          "import Fastify from 'fastify';\nconst fastify = Fastify();\nfastify.register(async (f) => {\n  f.get('/x', async () => 'x');\n  f.register(async (g) => {\n    g.post('/y', async () => 'y');\n  }, { prefix: '/inner' });\n}, { prefix: '/api' });\nfastify.listen({ port: 3000 });\n",
      }),
    ).toEqual(['GET /api/x src/server.ts:4', 'POST /api/inner/y src/server.ts:6']);
  });

  test('Koa: a router nested under a prefixed router of the same module', () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst outer = new Router({ prefix: '/outer' });\nconst inner = new Router();\ninner.get('/in', async (ctx) => { ctx.body = 1; });\nouter.use('/nested', inner.routes());\napp.use(outer.routes());\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /outer/nested/in src/app.ts:6']);
  });

  test('Elysia: `group()` and a prefixed instance used by the app', () => {
    expect(
      routes({
        'src/index.ts':
          "import { Elysia } from 'elysia';\nconst app = new Elysia()\n  .group('/g', (app) => app.get('/x', () => 'x'))\n  .listen(3000);\nconst sub = new Elysia({ prefix: '/sub' }).get('/y', () => 'y');\napp.use(sub);\n",
      }),
    ).toEqual(['GET /g/x src/index.ts:3', 'GET /sub/y src/index.ts:5']);
  });

  test('a root path under a prefix is joined the same way whether the mount is in the module or in another one', () => {
    const sameModule = rawPaths({
      'src/app.ts':
        "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst exports = new Router({ prefix: '/exports' });\nexports.post('/', async (ctx) => { ctx.body = 1; });\napp.use(exports.routes());\napp.listen(3000);\n",
    });
    const otherModule = rawPaths({
      'src/exports.ts':
        "import Router from '@koa/router';\nexport const exports = new Router();\nexports.post('/', async (ctx) => { ctx.body = 1; });\n",
      'src/app.ts':
        "import Koa from 'koa';\nimport Router from '@koa/router';\nimport { exports } from './exports';\nconst app = new Koa();\nconst api = new Router({ prefix: '/exports' });\napi.use(exports.routes());\napp.use(api.routes());\napp.listen(3000);\n",
    });
    expect(sameModule).toEqual(['POST /exports']);
    expect(otherModule).toEqual(['POST /exports']);
  });
});

// The detector tests (test/handlers/) check own paths; these are the same modules, listed with the
// full paths the mount graph gives them.
describe('the detector tests’ modules, with full paths from the mount graph', () => {
  test('Express: a router mounted in its module, `route()` chains, a local router factory', () => {
    expect(
      routes({
        'src/server.js':
          "const express = require('express');\nconst router = express.Router();\nfunction list(req, res) { res.send([]); }\nrouter.get('/items', list);\nrouter.route('/items/:id').delete((req, res) => {});\nconst app = express();\napp.use('/api', router);\napp.listen(3000);\n",
        'src/factory.ts':
          "import express, { Router } from 'express';\nfunction createUsersRouter() {\n  const r = Router();\n  r.get('/', (req, res) => {});\n  return r;\n}\nconst app = express();\napp.use('/users', createUsersRouter());\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /users src/factory.ts:4', 'GET /api/items src/server.js:4', 'DELETE /api/items/{id} src/server.js:5']);
  });

  test("Fastify: `require('fastify')()` with plugins registered at prefixes", () => {
    expect(
      routes({
        'src/server.js':
          "const fastify = require('fastify')();\nasync function users(instance, opts) {\n  instance.get('/', async (request, reply) => []);\n}\nfastify.register(users, { prefix: '/users' });\nfastify.register(async (child) => { child.delete('/cache', async () => {}); }, { prefix: '/admin' });\nfastify.get('/direct', async () => 1);\n",
      }),
    ).toEqual(['GET /users src/server.js:3', 'DELETE /admin/cache src/server.js:6', 'GET /direct src/server.js:7']);
  });

  test('Hono: a created `basePath()`, chained routes and a sub-app routed in its module', () => {
    expect(
      routes({
        'src/app.ts':
          "import { Hono } from 'hono';\nconst app = new Hono().basePath('/api');\napp.get('/posts', (c) => c.json([])).post((c) => c.text('created', 201));\napp.on(['PUT', 'DELETE'], '/posts/:id', async (c) => c.body(null));\nconst books = new Hono();\nbooks.get('/', (c) => c.json([]));\napp.route('/books', books);\nexport default app;\n",
      }),
    ).toEqual([
      'GET /api/posts src/app.ts:3',
      'POST /api/posts src/app.ts:3',
      'PUT,DELETE /api/posts/{id} src/app.ts:4',
      'GET /api/books src/app.ts:6',
    ]);
  });

  test('Koa: a prefixed router and a router nested with `use(path, other.routes())`', () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst router = new Router({ prefix: '/api' });\nrouter.post('user-create', '/users', async (ctx) => {});\nconst admin = new Router();\nadmin.del('/cache', async (ctx) => {});\nrouter.use('/admin', admin.routes());\napp.use(router.routes()).use(router.allowedMethods());\napp.listen(3000);\n",
      }),
    ).toEqual(['POST /api/users src/app.ts:5', 'DELETE /api/admin/cache src/app.ts:7']);
  });

  test('Elysia: a plugin function used by a prefixed app', () => {
    expect(
      routes({
        'src/index.ts':
          "import { Elysia } from 'elysia';\nconst app = new Elysia({ prefix: '/v1' }).use((app) => app.post('/import', ({ body }) => body)).listen(3000);\n",
      }),
    ).toEqual(['POST /v1/import src/index.ts:2']);
  });
});

describe('routes registered through a registration helper', () => {
  test("the helper's router argument takes its mounts: a helper in another module, a router mounted at /api", () => {
    expect(
      routes({
        'src/helpers.js':
          'exports.setupApiRoute = function (...args) {\n  const [router, verb, name] = args;\n  const controller = args[args.length - 1];\n  router[verb](name, async (req, res, next) => { try { await controller(req, res); } catch (e) { next(e); } });\n};\n',
        'src/app.js':
          "const express = require('express');\nconst { setupApiRoute } = require('./helpers');\nconst app = express();\nconst api = express.Router();\nsetupApiRoute(api, 'get', '/users/:id', async (req, res) => res.json({}));\nsetupApiRoute(app, 'post', '/login', async (req, res) => res.sendStatus(204));\napp.use('/api', api);\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /api/users/{id} src/app.js:5', 'POST /login src/app.js:6']);
  });
});

describe('koa-router `prefix()` after creation', () => {
  test('a `router.prefix()` statement covers the routes registered before and after it; a trailing `/` is dropped', () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst router = new Router();\nrouter.get('/before', async (ctx) => {});\nrouter.prefix('/v1/');\nrouter.get('/after', async (ctx) => {});\napp.use(router.routes());\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /v1/before src/app.ts:5', 'GET /v1/after src/app.ts:7']);
  });

  test('`new Router().prefix()` on the creation chain, of koa-router, exported and mounted under a parent router', () => {
    expect(
      routes({
        'src/users.js':
          "const Router = require('koa-router');\nconst users = new Router().prefix('/users');\nusers.get('/:id', async (ctx) => {});\nmodule.exports = users;\n",
        'src/app.js':
          "const Koa = require('koa');\nconst Router = require('koa-router');\nconst users = require('./users');\nconst app = new Koa();\nconst api = new Router();\napi.prefix('/api');\napi.use(users.routes());\napp.use(api.routes());\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /api/users/{id} src/users.js:3']);
  });

  test('a `prefix()` under a condition leaves the router’s routes unresolved, with the reason', () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst router = new Router();\nif (process.env.API) router.prefix('/api');\nrouter.get('/x', async (ctx) => {});\napp.use(router.routes());\n",
      }),
    ).toEqual([
      'GET ? /x (`router` (src/app.ts): its prefix is set by `.prefix()` at line 5, not unconditionally where `router` is created) src/app.ts:6',
    ]);
  });

  test('a `prefix()` on top of a `{ prefix }` option is unresolved: routes registered in between would keep both', () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst router = new Router({ prefix: '/a' });\nrouter.get('/x', async (ctx) => {});\nrouter.prefix('/b');\napp.use(router.routes());\n",
      }),
    ).toEqual(["GET ? /x (`router` (src/app.ts): its prefix is set twice (the creation's and `.prefix()` at line 6)) src/app.ts:5"]);
  });

  test('a `prefix()` on a router handed to a function is unresolved: Fleet cannot tell which routes it reaches', () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nfunction mountUsers(router: Router) {\n  router.prefix('/users');\n  router.get('/:id', async (ctx) => {});\n}\nconst router = new Router();\nmountUsers(router);\napp.use(router.routes());\n",
      }),
    ).toEqual([
      'GET ? /:id (`mountUsers@0` (src/app.ts): its prefix is set by `.prefix()` at line 5 on an object Fleet did not see created in the module) src/app.ts:6',
    ]);
  });

  test('the router handed to that function has the unknown prefix too: its own routes are unresolved, not shown without it', () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nfunction version(router: Router) {\n  router.prefix('/v1');\n}\nconst router = new Router();\nrouter.get('/status', async (ctx) => {});\nversion(router);\napp.use(router.routes());\n",
      }),
    ).toEqual([
      'GET ? /status (`router` (src/app.ts): its prefix is set by `.prefix()` at line 5 on an object Fleet did not see created in the module) src/app.ts:8',
    ]);
  });
});

describe('routers returned by factory functions', () => {
  const USERS =
    "import { Router } from 'express';\nexport function createUserRouter(deps: unknown) {\n  const r = Router();\n  r.get('/x', (req, res) => { res.end(); });\n  return r;\n}\n";

  test('Express: an imported factory called in the mount gets the mount path', () => {
    expect(
      routes({
        'src/users.ts': USERS,
        'src/app.ts':
          "import express from 'express';\nimport { createUserRouter } from './users';\nconst app = express();\napp.use('/users', createUserRouter({}));\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /users/x src/users.ts:4']);
  });

  test('Express: a default-exported factory whose result is held in a variable, mounted twice', () => {
    expect(
      routes({
        'src/orders.ts':
          "import express from 'express';\nexport default function makeOrders() {\n  const router = express.Router();\n  router.post('/', (req, res) => { res.end(); });\n  return router;\n}\n",
        'src/app.ts':
          "import express from 'express';\nimport makeOrders from './orders';\nconst app = express();\nconst orders = makeOrders();\napp.use('/orders', orders);\napp.use('/v2/orders', makeOrders());\napp.listen(3000);\n",
      }),
    ).toEqual(['POST /orders src/orders.ts:4', 'POST /v2/orders src/orders.ts:4']);
  });

  test('Express: a factory returning an `express.Router()` chain, required in CommonJS', () => {
    expect(
      routes({
        'src/health.js':
          "const express = require('express');\nmodule.exports = () => express.Router().get('/health', (req, res) => { res.end(); });\n",
        'src/app.js':
          "const express = require('express');\nconst health = require('./health');\nconst app = express();\napp.use('/status', health());\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /status/health src/health.js:2']);
  });

  test('two factories of one module, each with its own `const router`, keep their own mount paths', () => {
    expect(
      routes({
        'src/routers.ts':
          "import { Router } from 'express';\nexport function users() {\n  const router = Router();\n  router.get('/:id', (req, res) => { res.end(); });\n  return router;\n}\nexport function teams() {\n  const router = Router();\n  router.get('/:id', (req, res) => { res.end(); });\n  return router;\n}\n",
        'src/app.ts':
          "import express from 'express';\nimport { users, teams } from './routers';\nconst app = express();\napp.use('/users', users());\napp.use('/teams', teams());\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /users/{id} src/routers.ts:4', 'GET /teams/{id} src/routers.ts:9']);
  });

  test('a factory that may return another router is not followed: its routes stay unresolved', () => {
    expect(
      routes({
        'src/users.ts':
          "import { Router } from 'express';\nimport { legacy } from './legacy';\nexport function createUserRouter(old: boolean) {\n  const r = Router();\n  r.get('/x', (req, res) => { res.end(); });\n  if (old) return legacy;\n  return r;\n}\n",
        'src/app.ts':
          "import express from 'express';\nimport { createUserRouter } from './users';\nconst app = express();\napp.use('/users', createUserRouter(false));\napp.listen(3000);\n",
      }),
    ).toEqual([
      'GET ? /x (`r` in src/users.ts is not mounted anywhere Fleet can follow (a computed or package import, or a dynamic registration)) src/users.ts:5',
    ]);
  });

  test('a factory of the same module called in the mount, next to a router of the same name at the top level', () => {
    expect(
      routes({
        'src/app.ts':
          "import express, { Router } from 'express';\nconst router = Router();\nrouter.get('/top', (req, res) => { res.end(); });\nfunction local() {\n  const router = Router();\n  router.get('/l', (req, res) => { res.end(); });\n  return router;\n}\nconst app = express();\napp.use('/local', local());\napp.use('/root', router);\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /root/top src/app.ts:3', 'GET /local/l src/app.ts:6']);
  });
});

describe('koa-router `prefix()` on a router of another module', () => {
  test('a prefix set by the importing module leaves the router’s routes unresolved, never shown without it', () => {
    expect(
      routes({
        'src/routes.js':
          "const Router = require('koa-router');\nconst router = new Router();\nrouter.get('/users', async (ctx) => {});\nmodule.exports = router;\n",
        'src/app.js':
          "const Koa = require('koa');\nconst router = require('./routes');\nconst app = new Koa();\nrouter.prefix('/api');\napp.use(router.routes());\napp.listen(3000);\n",
      }),
    ).toEqual([
      'GET ? /users (`router` (src/routes.js): its prefix is set by `.prefix()` at src/app.js:4, in a module importing it) src/routes.js:3',
    ]);
  });
});

describe('factories called through a namespace or require()', () => {
  test('`ns.createRouter()` of `import * as ns`, `require(…).createRouter()` and `require(…)()`', () => {
    expect(
      routes({
        'src/users.js':
          "const { Router } = require('express');\nexports.createRouter = () => {\n  const router = Router();\n  router.get('/:id', (req, res) => { res.end(); });\n  return router;\n};\n",
        'src/teams.ts':
          "import { Router } from 'express';\nexport function createRouter() {\n  const router = Router();\n  router.get('/:id', (req, res) => { res.end(); });\n  return router;\n}\n",
        'src/health.js':
          "const express = require('express');\nmodule.exports = function health() {\n  const router = express.Router();\n  router.get('/health', (req, res) => { res.end(); });\n  return router;\n};\n",
        'src/app.ts':
          "import express from 'express';\nimport * as teams from './teams';\nconst app = express();\napp.use('/users', require('./users').createRouter());\napp.use('/teams', teams.createRouter());\napp.use('/', require('./health')());\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /health src/health.js:4', 'GET /teams/{id} src/teams.ts:4', 'GET /users/{id} src/users.js:4']);
  });

  test('routes registered on the variable holding a factory call keep the variable’s own mount', () => {
    expect(
      routes({
        'src/base.ts':
          "import { Router } from 'express';\nexport function createBase() {\n  const router = Router();\n  router.get('/ping', (req, res) => { res.end(); });\n  return router;\n}\n",
        'src/app.ts':
          "import express from 'express';\nimport { createBase } from './base';\nconst app = express();\nconst api = createBase();\napi.get('/extra', (req, res) => { res.end(); });\napp.use('/api', api);\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /api/extra src/app.ts:5', 'GET /api/ping src/base.ts:4']);
  });
});

describe('functions declared inside another function', () => {
  test('nested registration helpers and a nested factory name the same units on the route side and the mount side', () => {
    expect(
      routes({
        'src/app.ts':
          "import express from 'express';\nexport function createApp() {\n  const app = express();\n  function routes(r: express.Router) {\n    r.get('/x', (req, res) => { res.end(); });\n  }\n  const more = (r: express.Router) => {\n    r.get('/y', (req, res) => { res.end(); });\n  };\n  function local() {\n    const router = express.Router();\n    router.get('/z', (req, res) => { res.end(); });\n    return router;\n  }\n  const api = express.Router();\n  routes(api);\n  more(api);\n  app.use('/api', api);\n  app.use('/local', local());\n  app.listen(3000);\n}\n",
      }),
    ).toEqual(['GET /api/x src/app.ts:5', 'GET /api/y src/app.ts:8', 'GET /local/z src/app.ts:12']);
  });
});

describe('fastify-plugin inside a function', () => {
  test('a plugin wrapped in fastify-plugin inside a setup function joins its parent: the register prefix does not apply', () => {
    expect(
      routes({
        'src/server.ts':
          "import Fastify from 'fastify';\nimport fp from 'fastify-plugin';\nexport function build() {\n  const app = Fastify();\n  async function health(f: any) {\n    f.get('/health', async () => 'ok');\n  }\n  app.register(fp(health), { prefix: '/api' });\n  app.register(async (f) => {\n    f.get('/x', async () => 'x');\n  }, { prefix: '/api' });\n  return app;\n}\n",
      }),
    ).toEqual(['GET /health src/server.ts:6', 'GET /api/x src/server.ts:10']);
  });
});

describe('messages name a unit by its variable', () => {
  test('an unmounted helper declared inside an anonymous function is named `helper`, not by its scope', () => {
    expect(
      routes({
        'src/app.js':
          "const express = require('express');\nmodule.exports = function () {\n  const helper = (r) => {\n    r.get('/x', (req, res) => { res.end(); });\n  };\n  return helper;\n};\n",
      }),
    ).toEqual([
      'GET ? /x (`helper` in src/app.js is not mounted anywhere Fleet can follow (a computed or package import, or a dynamic registration)) src/app.js:4',
    ]);
  });
});

describe('creation chains mounted inline, and a prefix set by a helper in another module', () => {
  test('Express: `app.use(path, express.Router().get(...))` and `Router().get(...)` get the mount path', () => {
    expect(
      routes({
        'src/app.ts':
          "import express, { Router } from 'express';\nconst app = express();\napp.use('/x', express.Router().get('/y', (req, res) => res.end()));\napp.use('/z', Router().post('/b', (req, res) => res.end()));\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /x/y src/app.ts:3', 'POST /z/b src/app.ts:4']);
  });

  test('Koa: an inline `new Router({ prefix })` chain mounted by its `routes()` keeps its own prefix; Hono: an inline sub-app under `route()`', () => {
    expect(
      routes({
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst api = new Router({ prefix: '/api' });\napi.use('/v1', new Router({ prefix: '/users' }).get('/:id', async (ctx) => { ctx.body = 1; }).routes());\napp.use(api.routes());\napp.use(new Router().get('/health', async (ctx) => { ctx.body = 1; }).routes());\napp.listen(3000);\n",
        'src/hono.ts':
          "import { Hono } from 'hono';\nconst app = new Hono();\napp.route('/x', new Hono().get('/y', (c) => c.text('y')));\napp.route('/b', new Hono().basePath('/v').get('/y', (c) => c.text('y')));\nexport default app;\n",
      }),
    ).toEqual(['GET /api/v1/users/{id} src/app.ts:5', 'GET /health src/app.ts:7', 'GET /x/y src/hono.ts:3', 'GET /b/v/y src/hono.ts:4']);
  });

  test('a chain on something that is not a creation is no unit of its own: nothing is mounted for it', () => {
    const program = parse(
      "import express from 'express';\nimport { makeRouter } from './make';\nconst app = express();\napp.use('/x', makeRouter().get('/y', h));\napp.use('/z', express.Router().get('/y', h));\n",
      { range: true, loc: true },
    );
    const facts = moduleFacts(program);
    const inline = facts.mounts.filter((edge) => edge.child.kind === 'local' && edge.child.unit.startsWith('#argument:'));
    expect(inline.map((edge) => `${edge.parent} ${edge.prefix} line ${edge.line}`)).toEqual(['app /z line 5']);
    expect(facts.created.get((inline[0]!.child as { unit: string }).unit)).toEqual({ kind: 'router', own: '', framework: 'express' });
  });

  test('koa-router: `prefix()` on a router handed to a helper in another module leaves every route of that router unresolved', () => {
    expect(
      routes({
        'src/users.ts':
          "export function registerUsers(router) {\n  router.prefix('/v1');\n  router.get('/users', async (ctx) => { ctx.body = []; });\n}\n",
        'src/all.ts':
          "import { registerUsers } from './users';\nexport function registerAll(router) {\n  registerUsers(router);\n  router.get('/all', async (ctx) => { ctx.body = []; });\n}\n",
        'src/app.ts':
          "import Koa from 'koa';\nimport Router from '@koa/router';\nimport { registerAll } from './all';\nconst app = new Koa();\nconst router = new Router();\nregisterAll(router);\nrouter.get('/health', async (ctx) => { ctx.body = 1; });\napp.use(router.routes());\nconst other = new Router();\nother.get('/other', async (ctx) => { ctx.body = 1; });\napp.use(other.routes());\napp.listen(3000);\n",
      }),
    ).toEqual([
      'GET ? /all (`registerAll@0` (src/all.ts): its prefix is set by `.prefix()` at line 2 of src/users.ts in `registerUsers`, which it is handed to (Fleet cannot tell which routes that reaches)) src/all.ts:4',
      'GET ? /health (`router` (src/app.ts): its prefix is set by `.prefix()` at line 2 of src/users.ts in `registerUsers`, which it is handed to (Fleet cannot tell which routes that reaches)) src/app.ts:7',
      'GET /other src/app.ts:10',
      'GET ? /users (`registerUsers@0` (src/users.ts): its prefix is set by `.prefix()` at line 2 on an object Fleet did not see created in the module) src/users.ts:3',
    ]);
  });
});

describe('one handler function on several routes', () => {
  test('every route it answers is listed, each with its own mount path, not only the first', () => {
    expect(
      routes({
        'src/app.ts':
          "import express from 'express';\nconst app = express();\nconst list = (req, res) => res.send('x');\nconst r = express.Router();\nr.get('/a', list);\nr.post('/b', list);\napp.use('/x', r);\napp.get('/c', list);\napp.use(list);\napp.listen(3000);\n",
      }),
    ).toEqual(['GET /x/a src/app.ts:5', 'POST /x/b src/app.ts:6', 'GET /c src/app.ts:8']);
  });
});
