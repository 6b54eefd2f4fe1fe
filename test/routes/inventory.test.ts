import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { clearProjectMountsCache } from '../../src/routes/project-mounts.js';
import { projectRoutes } from '../../src/routes/project-routes.js';

const fixture = (name: string) => path.resolve('fixtures/routes', name);

function summary(name: string) {
  return projectRoutes(fixture(name)).routes.map(
    (r) => `${r.methods.join(',')} ${r.pattern ?? `? ${r.rawPath} (${r.unresolved})`} ${r.file}:${r.line}`,
  );
}

beforeEach(() => {
  clearProjectMountsCache();
});

describe('routesOfFile across files', () => {
  test('Express: imported routers, re-exports, two mounts, namespace imports, computed and missing prefixes', () => {
    expect(summary('mounts')).toEqual([
      'GET /health src/app.ts:14',
      'POST ? /reindex (mounted by src/app.ts:12 with a computed prefix) src/routes/admin.ts:4',
      'GET /legacy/files/{*rest} src/routes/legacy.ts:4',
      'DELETE ? /things/:id (`orphan` in src/routes/orphan.ts is not mounted anywhere Fleet can follow (a computed or package import, or a dynamic registration)) src/routes/orphan.ts:4',
      'GET /api/v1/users/{id} src/routes/users.ts:4',
      'GET /users/{id} src/routes/users.ts:4',
    ]);
  });

  test('Express route() chains: a chain spanning lines is listed at each method, a one-line chain at its start', () => {
    expect(summary('chain')).toEqual([
      'POST /users src/app.ts:8',
      'GET /users src/app.ts:9',
      'GET /users/{id} src/app.ts:11',
      'DELETE /users/{id} src/app.ts:11',
    ]);
  });

  test('NestJS: the bootstrap file’s global prefix, with its exclude list', () => {
    expect(summary('nest')).toEqual([
      'GET /api/runs/{id} src/app.module.ts:5',
      'POST /api/runs/{id}/cancel src/app.module.ts:8',
      'GET /health src/app.module.ts:14',
    ]);
  });

  test('Fastify register prefixes (dynamic import, nested), Koa nested routers, Hono basePath + route', () => {
    expect(summary('plugins')).toEqual([
      'GET /shop/catalog/{sku} src/routes/catalog.ts:4',
      'POST /api/hooks/github src/routes/hooks.ts:4',
      'GET /orders/v2/{id}/items src/routes/orders.ts:4',
      'GET /orders/{id} src/routes/orders.ts:8',
    ]);
  });

  test('workspace packages: a sub-app imported by package name follows its mount; a dynamic prefix is unresolved; test files are no app', () => {
    expect(summary('workspace')).toEqual([
      'GET ? /status (mounted by apps/legacy/server.js:5 with a computed prefix) apps/legacy/server.js:6',
      'GET /health apps/legacy/server.js:7',
      'GET ? /csrf (`app` (apps/web/server/router.ts) has a prefix that is not a static string) packages/auth/server/index.ts:3',
      'GET /billing/plans packages/billing/src/index.ts:4',
    ]);
  });

  test('Express: routers returned by factories of other modules, called in the mount or held in a variable', () => {
    expect(summary('factories')).toEqual([
      'DELETE /admin/cache src/routes/misc.ts:6',
      'GET /health src/routes/misc.ts:13',
      'GET /orders/{orderId}/items src/routes/orders.ts:5',
      'GET /v2/orders/{orderId}/items src/routes/orders.ts:5',
      'GET /users/{id} src/routes/users.ts:5',
      'POST /users src/routes/users.ts:8',
    ]);
  });

  test('Koa: `router.prefix()` after creation and on the creation chain; a conditional one is unresolved', () => {
    expect(summary('koa-prefix')).toEqual([
      'GET /api/status src/app.ts:8',
      'POST ? / (`teams` (src/routes/teams.ts): its prefix is set by `.prefix()` at line 7, not unconditionally where `teams` is created) src/routes/teams.ts:4',
      'GET /api/users/{id} src/routes/users.ts:4',
    ]);
  });

  test('Koa: koa-mount prefixes, and one route per element of an array path', () => {
    expect(summary('koa')).toEqual([
      'POST /api/documents.info src/routes/api.ts:6',
      'GET /.well-known/a src/routes/root.ts:6',
      'GET /.well-known/b src/routes/root.ts:6',
    ]);
  });

  test('Fastify: the plugin `fastify start` loads is the root, chained registers apply, the test that registers it does not count', () => {
    expect(summary('fastify-cli')).toEqual(['POST /api/follow/follow follow/index.js:2', 'GET /api/user/me user/index.js:2']);
  });

  test('NestJS URI versioning: default, method and controller versions, VERSION_NEUTRAL, and an array left unresolved', () => {
    expect(summary('nest-versioning')).toEqual([
      'GET /api/v1/account src/app.module.ts:5',
      'POST /api/v2/account/rename src/app.module.ts:9',
      'GET /api/account/callback src/app.module.ts:13',
      'GET ? /account/both (the route’s `version` is not one static string) src/app.module.ts:17',
      'POST /api/v3/tokens/create src/app.module.ts:23',
    ]);
  });

  test('external handlers: a router of bound controller methods gets its mount prefix; a NextAuth catch-all gets its file path', () => {
    const routes = projectRoutes(fixture('external')).routes;
    expect(
      routes.map((r) => `${r.methods.join(',')} ${r.pattern} ${r.file}:${r.line} ${r.source} ${r.targetName} ${r.handler === undefined}`),
    ).toEqual([
      '* /api/auth/{*nextauth} pages/api/auth/[...nextauth].ts:4 external NextAuth() true',
      'GET /api/libraries src/routes/libraries.ts:6 external LibraryController.findAll true',
      'POST /api/libraries src/routes/libraries.ts:7 external LibraryController.create true',
      'DELETE /api/libraries/{id} src/routes/libraries.ts:8 external LibraryController.delete true',
    ]);
    expect(routes[2]!.label).toBe('POST /libraries');
    expect(routes[2]!.target.type).toBe('CallExpression');
    expect(routes[2]!.registration.type).toBe('CallExpression');
  });

  test('a local handler keeps its function and name beside an external route of the same file', () => {
    const routes = projectRoutes(fixture('mixed')).routes;
    expect(
      routes.map(
        (r) => `${r.methods.join(',')} ${r.pattern} ${r.source} ${r.targetName ?? '<anonymous>'} ${r.handler?.node.type ?? 'none'}`,
      ),
    ).toEqual([
      'GET /runs/{id} handler showRun FunctionDeclaration',
      'POST /runs external runs.create none',
      'GET /health handler <anonymous> ArrowFunctionExpression',
    ]);
  });

  test('class properties: a router in `this.router` gets the prefix of the mount of `this.apiRouter.router`; the listened `this.app` is the root', () => {
    expect(summary('class-properties')).toEqual([
      'POST /api/libraries server/ApiRouter.js:7',
      'GET /api/status server/ApiRouter.js:8',
      'GET /healthcheck server/Server.js:10',
    ]);
  });
});
