import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { clearManifestCache } from 'fleet-routes';
import { clearProjectMountsCache } from '../../src/routes/project-mounts.js';
import { makeProject, runCli } from './helpers.js';

beforeEach(() => {
  clearProjectMountsCache();
  clearManifestCache();
});

const app = `import express from 'express';
const app = express();
app.get('/health', (req, res) => res.send('ok'));
app.get('/runs/:id', (req, res) => res.json({}));
app.post('/runs/:id/cancel', (req, res) => res.sendStatus(202));
app.listen(3000);
`;

describe('fleet routes --check on the sample apps', () => {
  test.each(['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs', 'elysia', 'sveltekit', 'nuxt'])(
    '%s passes with its manifest',
    async (name) => {
      const run = await runCli(['routes', '--check', path.resolve('fixtures/apps', name)]);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('Check passed.');
      expect(run.stdout).not.toContain('unclassified');
      expect(run.code).toBe(0);
    },
  );
});

describe('fleet routes --check findings', () => {
  test('an unclassified route and a stale declaration fail with exit 1', async () => {
    const root = makeProject({
      'src/app.ts': app,
      'fleet.routes.yaml':
        'version: 1\nroutes:\n  - { method: GET, path: /health, role: fleet-ok }\n  - { method: GET, path: "/runs/{id}", role: fleet-ok }\n  - { method: GET, path: /old, role: fleet-ok }\n',
    });
    const run = await runCli(['routes', '--check', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'unclassified: POST /runs/{id}/cancel (src/app.ts:5) matches no declaration; add one to fleet.routes.yaml or run `fleet routes --init`.',
    );
    expect(run.stdout).toContain('stale: fleet.routes.yaml:5:5 GET /old matches no route; remove it or fix its path.');
    expect(run.stdout).toContain('Check failed: 2 problems.');
  });

  test('a tie fails the check with the manifest position', async () => {
    const root = makeProject({
      'src/app.ts': app,
      'fleet.routes.yaml':
        'version: 1\nroutes:\n  - { method: "*", path: "/{*all}", role: fleet-ok }\n  - { method: POST, path: "/runs/{id}/{x}", role: fleet-ok }\n  - { method: POST, path: "/{y}/{z}/cancel", role: ide-only, reason: kills a local process }\n',
    });
    const run = await runCli(['routes', '--check', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^tie: fleet\.routes\.yaml:\d+:\d+ /m);
  });

  test('a shadowed ide-only declaration fails the check', async () => {
    const root = makeProject({
      'src/app.ts': app,
      'fleet.routes.yaml':
        'version: 1\nroutes:\n  - { method: GET, path: "/{*all}", role: ide-only, reason: old catch-all }\n  - { method: GET, path: "/health", role: fleet-ok }\n  - { method: GET, path: "/runs/{id}", role: fleet-ok }\n  - { method: POST, path: "/runs/{id}/cancel", role: fleet-ok }\n',
    });
    const run = await runCli(['routes', '--check', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('shadowed: fleet.routes.yaml:3:5 ide-only GET /{*all} never applies');
  });

  test('unresolved prefixes are warnings and do not fail the check', async () => {
    const root = makeProject({
      'src/app.ts':
        "import express from 'express';\nimport { admin } from './admin.js';\nconst app = express();\napp.use(process.env.PREFIX ?? '/admin', admin);\n",
      'src/admin.ts':
        "import { Router } from 'express';\nexport const admin = Router();\nadmin.post('/reindex', (req, res) => res.sendStatus(202));\n",
      'fleet.routes.yaml': 'version: 1\nroutes: []\n',
    });
    const run = await runCli(['routes', '--check', root]);
    expect(run.stdout).toContain('POST    /reindex (prefix unresolved)  unresolved  src/admin.ts:3');
    expect(run.stdout).toContain(
      'warning: POST /reindex (src/admin.ts:3) cannot be checked: mounted by src/app.ts:4 with a computed prefix; declare its full path by hand.',
    );
    expect(run.stdout).toContain('Check passed with 1 unresolved route.');
    expect(run.code).toBe(0);
  });

  test('a broken manifest exits 2 with file:line:column', async () => {
    const root = makeProject({
      'src/app.ts': app,
      'fleet.routes.yaml': 'version: 1\nroutes:\n  - { method: GET, path: /health, role: fleet_ok }\n',
    });
    const run = await runCli(['routes', '--check', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/fleet\.routes\.yaml:3:\d+ Unknown role `fleet_ok`/);
  });
});

describe('fleet routes --init', () => {
  test('declares unclassified routes ide-only, keeps comments, and is idempotent', async () => {
    const manifest =
      '# Reviewed by the platform team.\nversion: 1\nroutes:\n  - { method: GET, path: /health, role: fleet-ok } # liveness\n';
    const root = makeProject({ 'src/app.ts': app, 'fleet.routes.yaml': manifest });
    const first = await runCli(['routes', '--init', root]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('--init: added 2 declarations (ide-only, reason "unreviewed") to fleet.routes.yaml');
    const written = readFileSync(path.join(root, 'fleet.routes.yaml'), 'utf8');
    expect(written).toBe(
      `${manifest}  - { method: GET, path: "/runs/{id}", role: ide-only, reason: unreviewed }\n  - { method: POST, path: "/runs/{id}/cancel", role: ide-only, reason: unreviewed }\n`,
    );
    const second = await runCli(['routes', '--init', root]);
    expect(second.stdout).toContain('--init: every route is declared; fleet.routes.yaml unchanged.');
    expect(readFileSync(path.join(root, 'fleet.routes.yaml'), 'utf8')).toBe(written);
    expect((await runCli(['routes', '--check', root])).code).toBe(0);
  });

  test('creates the manifest when there is none', async () => {
    const root = makeProject({ 'src/app.ts': app });
    await runCli(['routes', '--init', root]);
    expect(readFileSync(path.join(root, 'fleet.routes.yaml'), 'utf8')).toBe(
      'version: 1\nroutes:\n  - { method: GET, path: /health, role: ide-only, reason: unreviewed }\n  - { method: GET, path: "/runs/{id}", role: ide-only, reason: unreviewed }\n  - { method: POST, path: "/runs/{id}/cancel", role: ide-only, reason: unreviewed }\n',
    );
  });
});

describe('fleet routes on the Elysia sample app', () => {
  test('lists every route with the prefixes of { prefix }, group() and use() across files', async () => {
    const run = await runCli(['routes', path.resolve('fixtures/apps/elysia')]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'METHOD  PATH            ROLE      FILE                     FRAMEWORK  HANDLER',
      'GET     /health         fleet-ok  src/index.ts:15          elysia     <anonymous>',
      'POST    /admin/reindex  ide-only  src/routes/admin.ts:20   elysia     <anonymous>',
      'GET     /admin/stats    fleet-ok  src/routes/admin.ts:24   elysia     <anonymous>',
      'POST    /orders         fleet-ok  src/routes/orders.ts:15  elysia     <anonymous>',
      'GET     /orders/{id}    fleet-ok  src/routes/orders.ts:27  elysia     <anonymous>',
      'DELETE  /orders/{id}    fleet-ok  src/routes/orders.ts:28  elysia     <anonymous>',
      '',
      '6 routes; manifest: fleet.routes.yaml.',
      '',
    ]);
  });
});

describe('fleet routes --format json', () => {
  test('one object with routes, roles and declarations', async () => {
    const run = await runCli(['routes', '--format', 'json', path.resolve('fixtures/apps/hono')]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { manifest: string; routes: Record<string, unknown>[]; check: unknown };
    expect(report.manifest).toBe('fleet.routes.yaml');
    expect(report.check).toBeNull();
    expect(report.routes[1]).toEqual({
      method: 'POST',
      pattern: '/api/videos',
      rawPath: '/api/videos',
      complete: true,
      unresolved: null,
      role: 'ide-only',
      declaration: { method: 'POST', path: '/api/videos', role: 'ide-only', line: 6, column: 5 },
      file: 'src/routes/videos.ts',
      line: 16,
      column: 1,
      framework: 'hono',
      source: 'handler',
      handler: null,
    });
  });
});

// A router that holds only bound methods of an imported controller, mounted by another file.
const libraryRouter = `import { Router } from 'express';
import LibraryController from '../controllers/library-controller.js';
export const libraries = Router();
libraries.get('/libraries', LibraryController.findAll.bind(this));
libraries.post('/libraries', LibraryController.create.bind(this));
`;
const libraryApp =
  "import express from 'express';\nimport { libraries } from './routes/libraries.js';\nconst app = express();\napp.use('/api', libraries);\n";

describe('fleet routes with handlers from other modules', () => {
  test('lists a router of bound controller methods under the prefix another file mounts it at', async () => {
    const root = makeProject({ 'src/app.ts': libraryApp, 'src/routes/libraries.ts': libraryRouter });
    const run = await runCli(['routes', root]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      'METHOD  PATH            ROLE          FILE                       FRAMEWORK  HANDLER',
      'GET     /api/libraries  unclassified  src/routes/libraries.ts:4  express    LibraryController.findAll',
      'POST    /api/libraries  unclassified  src/routes/libraries.ts:5  express    LibraryController.create',
    ]);
  });

  test('--check flags the undeclared ones', async () => {
    const root = makeProject({
      'src/app.ts': libraryApp,
      'src/routes/libraries.ts': libraryRouter,
      'fleet.routes.yaml': 'version: 1\nroutes:\n  - { method: GET, path: /api/libraries, role: fleet-ok }\n',
    });
    const run = await runCli(['routes', '--check', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'unclassified: POST /api/libraries (src/routes/libraries.ts:5) matches no declaration; add one to fleet.routes.yaml or run `fleet routes --init`.',
    );
    expect(run.stdout).not.toContain('unclassified: GET');
    expect(run.stdout).toContain('Check failed: 1 problem.');
  });

  test('--format json marks them external and names the handler', async () => {
    const root = makeProject({ 'src/app.ts': libraryApp, 'src/routes/libraries.ts': libraryRouter });
    const run = await runCli(['routes', '--format', 'json', root]);
    const report = JSON.parse(run.stdout) as { routes: Record<string, unknown>[] };
    expect(report.routes.map((route) => [route.method, route.pattern, route.source, route.handler])).toEqual([
      ['GET', '/api/libraries', 'external', 'LibraryController.findAll'],
      ['POST', '/api/libraries', 'external', 'LibraryController.create'],
    ]);
  });

  test('a Next.js NextAuth catch-all is one all-methods route', async () => {
    const root = makeProject({
      'package.json': '{ "dependencies": { "next": "*", "next-auth": "*" } }',
      'pages/api/auth/[...nextauth].ts':
        "import NextAuth from 'next-auth';\nimport { authOptions } from '../../../lib/auth';\nexport default NextAuth(authOptions);\n",
      'fleet.routes.yaml': 'version: 1\nroutes:\n  - { method: "*", path: "/api/auth/{*nextauth}", role: fleet-ok }\n',
    });
    const run = await runCli(['routes', '--check', root]);
    expect(run.stdout).toContain('*       /api/auth/{*nextauth}  fleet-ok  pages/api/auth/[...nextauth].ts:3  nextjs     NextAuth()');
    expect(run.stdout).toContain('Check passed.');
    expect(run.code).toBe(0);
  });
});
