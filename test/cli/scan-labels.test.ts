import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from './helpers.js';

describe('fleet scan messages name the full route path', () => {
  it('labels a handler of a router mounted in another module with the mount prefix, as `fleet routes` does', async () => {
    const root = makeProject({
      'package.json': '{ "name": "reports-app" }\n',
      'src/reports.ts':
        "import { Router } from 'express';\nimport { render } from './render';\nexport const reports = Router();\nreports.post('/', (req, res) => {\n  void render(req.body);\n  res.status(202).end();\n});\n",
      'src/render.ts': 'export async function render(body: unknown) { return body; }\n',
      'src/app.ts':
        "import express from 'express';\nimport { reports } from './reports';\nconst app = express();\napp.use('/reports', reports);\napp.listen(3000);\n",
    });
    const scan = await runCli(['scan', root]);
    expect(scan.stdout).toContain('in handler `POST /reports`');
    const routes = await runCli(['routes', root]);
    expect(routes.stdout).toMatch(/^POST +\/reports +.*src\/reports.ts:4/m);
  });

  it('labels a controller registered by a router of another module with the full path of that registration', async () => {
    const root = makeProject({
      'package.json': '{ "name": "reports-app" }\n',
      'src/controllers/exports.ts':
        'import { render } from "../render";\nexport const exportsController = {\n  async create(req: { params: { id: string } }, res: { sendStatus(code: number): void }) {\n    render(req.params.id);\n    res.sendStatus(202);\n  },\n};\n',
      'src/render.ts': 'export async function render(id: string) { return id; }\n',
      'src/routes/reports.ts':
        "import { Router } from 'express';\nimport { exportsController } from '../controllers/exports';\nexport const reportsRouter = Router();\nreportsRouter.post('/:id/export', exportsController.create);\n",
      'src/app.ts':
        "import express from 'express';\nimport { reportsRouter } from './routes/reports';\nconst app = express();\napp.use('/reports', reportsRouter);\napp.listen(3000);\n",
    });
    const scan = await runCli(['scan', root, '--no-types']);
    // Not the router-local `POST /:id/export` the registering module writes.
    expect(scan.stdout).toContain('`render()` in handler `POST /reports/{id}/export`');
    const routes = await runCli(['routes', root]);
    expect(routes.stdout).toMatch(/^POST +\/reports\/\{id\}\/export +.*src\/routes\/reports.ts:4/m);
  });

  it('marks the path of a controller whose router nothing mounts as unresolved, as `fleet routes` lists it', async () => {
    const root = makeProject({
      'package.json': '{ "name": "reports-app" }\n',
      'src/controllers/exports.ts':
        'import { render } from "../render";\nexport const exportsController = {\n  async create(req: { params: { id: string } }, res: { sendStatus(code: number): void }) {\n    render(req.params.id);\n    res.sendStatus(202);\n  },\n};\n',
      'src/render.ts': 'export async function render(id: string) { return id; }\n',
      'src/routes/reports.ts':
        "import { Router } from 'express';\nimport { exportsController } from '../controllers/exports';\nexport const reportsRouter = Router();\nreportsRouter.post('/:id/export', exportsController.create);\n",
    });
    const scan = await runCli(['scan', root, '--no-types']);
    expect(scan.stdout).toContain('`render()` in handler `POST /:id/export (prefix unresolved)`');
    const routes = await runCli(['routes', root, '--format', 'json']);
    const [route] = (JSON.parse(routes.stdout) as { routes: unknown[] }).routes;
    expect(route).toMatchObject({ method: 'POST', pattern: null, rawPath: '/:id/export' });
  });

  it('labels a route of an unmounted router with what is known of its path, as `fleet routes` lists it', async () => {
    const root = makeProject({
      'package.json': '{ "name": "users-app" }\n',
      'src/users.ts':
        "import Router from '@koa/router';\nconst router = new Router({ prefix: '/users' });\nrouter.post('/:id', async (ctx) => {\n  fetch('https://example.com');\n  ctx.body = 1;\n});\nexport default router;\n",
    });
    const scan = await runCli(['scan', root, '--no-types']);
    // The router's own prefix is known, what mounts it is not: never shown as a resolved `/users/{id}`.
    expect(scan.stdout).toContain('`fetch()` in handler `POST /users/:id (prefix unresolved)`');
    const routes = await runCli(['routes', root]);
    expect(routes.stdout).toMatch(/^POST +\/users\/:id \(prefix unresolved\) +unresolved +src\/users.ts:3/m);
  });

  it('names the route of a Fastify route hook by its full path', async () => {
    const root = makeProject({
      'package.json': '{ "name": "hooks-app" }\n',
      'src/server.ts':
        "import Fastify from 'fastify';\nconst fastify = Fastify();\nfastify.register(async (f) => {\n  f.put('/:id', {\n    preHandler: async (request) => {\n      fetch('https://example.com');\n    },\n  }, async () => 'x');\n}, { prefix: '/users' });\nfastify.listen({ port: 3000 });\n",
    });
    const scan = await runCli(['scan', root, '--no-types']);
    expect(scan.stdout).toContain('`fetch()` in handler `preHandler hook of PUT /users/{id}`');
    const routes = await runCli(['routes', root]);
    expect(routes.stdout).toMatch(/^PUT +\/users\/\{id\} +.*src\/server.ts:4/m);
  });
});
