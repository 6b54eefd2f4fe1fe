// Handlers that another module registers through a framework's hooks, error and not-found
// handlers, route options' hooks, or a file-routed framework's route file (SvelteKit `+server`
// through the `$lib` alias): the modules of test/fixtures/registered-hooks/ (one package per
// framework) are read from disk and modelled with that folder as the project root. The
// registration pre-checks (`mayRegister`, `registrationCandidates`) take their method names and
// framework words from the registry, so none of these is skipped before the importer is read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeringMethods } from '../../src/frameworks/index.js';
import { FRAMEWORKS } from '../../src/frameworks/index.js';
import type { FrameworkDefinition } from '../../src/frameworks/framework.js';
import { mayRegister } from '../../src/handlers/export-registrations.js';
import { getHandlerModel } from '../../src/handlers/model.js';
import { readFleetSettings } from '../../src/settings.js';
import { clearCrossModuleCaches, parse } from './parse.js';

const ROOT = path.resolve(import.meta.dirname, '../fixtures/registered-hooks');

beforeAll(clearCrossModuleCaches);
afterAll(clearCrossModuleCaches);

function handlersOf(file: string) {
  const filename = path.join(ROOT, file);
  const model = getHandlerModel({
    ...parse(readFileSync(filename, 'utf8'), filename),
    filename,
    settings: readFleetSettings({}),
    projectRoot: ROOT,
  });
  return model.handlers.map((handler) => ({ framework: handler.framework, kind: handler.kind, label: handler.label, via: handler.via }));
}

describe('handlers registered by another module through hooks', () => {
  it('Elysia: a route inside guard(), an onBeforeHandle hook and a guard hook, each imported', () => {
    expect(handlersOf('elysia/src/handlers.ts')).toEqual([
      {
        framework: 'elysia',
        kind: 'route',
        label: 'POST /reports',
        via: '`createReport` registered with `.post()` on `.guard()` on `new Elysia()` at src/server.ts:6',
      },
      {
        framework: 'elysia',
        kind: 'middleware',
        label: 'middleware audit',
        via: '`audit` registered with `.onBeforeHandle()` on `new Elysia()` at src/server.ts:5',
      },
      {
        framework: 'elysia',
        kind: 'middleware',
        label: 'middleware authenticate',
        via: '`authenticate` registered with `.guard()` on `new Elysia()` at src/server.ts:6',
      },
    ]);
  });

  it('Hono: an imported onError and notFound handler', () => {
    expect(handlersOf('hono/src/handlers.ts')).toEqual([
      {
        framework: 'hono',
        kind: 'middleware',
        label: 'middleware createReport',
        via: '`createReport` registered with `.notFound()` on `new Hono()` at src/server.ts:6',
      },
      {
        framework: 'hono',
        kind: 'middleware',
        label: 'middleware audit',
        via: '`audit` registered with `.onError()` on `new Hono()` at src/server.ts:5',
      },
    ]);
  });

  it("Hono: imported functions handed to hono/factory's createHandlers and createMiddleware", () => {
    expect(handlersOf('hono/src/factory-handlers.ts')).toEqual([
      {
        framework: 'hono',
        kind: 'middleware',
        label: 'middleware listReports',
        via: '`listReports` registered with `.createHandlers()` on `createFactory()` at src/factory.ts:6',
      },
      {
        framework: 'hono',
        kind: 'middleware',
        label: 'middleware logRequest',
        via: '`logRequest` registered with `createMiddleware()` from hono/factory at src/factory.ts:7',
      },
    ]);
  });

  it("Fastify: addHook('onRequest', h), setErrorHandler(h) and a route's preHandler, each imported", () => {
    expect(handlersOf('fastify/src/handlers.ts')).toEqual([
      {
        framework: 'fastify',
        kind: 'middleware',
        label: 'middleware createReport',
        via: '`createReport` registered with `.setErrorHandler()` on `fastify()` at src/server.ts:6',
      },
      {
        framework: 'fastify',
        kind: 'middleware',
        label: 'middleware audit',
        via: '`audit` registered with `.addHook()` on `fastify()` at src/server.ts:5',
      },
      {
        framework: 'fastify',
        kind: 'middleware',
        label: 'middleware authenticate',
        via: '`authenticate` registered with `.post()` on `fastify()` at src/server.ts:7',
      },
    ]);
  });

  it('Express: imported middleware spread from a module-level const array (`...guards`)', () => {
    expect(handlersOf('express/src/handlers.ts')).toEqual([
      {
        framework: 'express',
        kind: 'route',
        label: 'POST /reports',
        via: '`handlers.createReport` registered with `.post()` on `express()` at src/server.ts:6',
      },
      {
        framework: 'express',
        kind: 'middleware',
        label: 'middleware handlers.audit',
        via: '`handlers.audit` registered with `.post()` on `express()` at src/server.ts:6',
      },
      {
        framework: 'express',
        kind: 'middleware',
        label: 'middleware handlers.authenticate',
        via: '`handlers.authenticate` registered with `.post()` on `express()` at src/server.ts:6',
      },
    ]);
  });

  it('Express: an imported middleware in a list beside a same-module one (`[requireUser, auditLog]`)', () => {
    expect(handlersOf('express/src/audit-log.ts')).toEqual([
      {
        framework: 'express',
        kind: 'middleware',
        label: 'middleware auditLog',
        via: '`auditLog` registered with `.post()` on `express()` at src/mixed.ts:6',
      },
    ]);
  });

  it('SvelteKit: a +server file exporting a function imported through $lib, with no framework word in its text', () => {
    expect(handlersOf('sveltekit/src/lib/reports.ts')).toEqual([
      {
        framework: 'sveltekit',
        kind: 'route',
        label: 'POST /api/reports',
        via: '`createReport` registered with `POST` exported from a SvelteKit `+server` file at src/routes/api/reports/+server.ts:3',
      },
    ]);
  });
});

describe('registration pre-checks derived from the registry', () => {
  it('every method a framework declares for registrations, hooks, mounts, prefixes and dispatch is a registering method', () => {
    const methods = registeringMethods();
    for (const framework of FRAMEWORKS as readonly FrameworkDefinition[]) {
      const calls = framework.registrationCalls;
      const declared = [
        ...(calls?.verbs ?? []),
        ...(calls?.mounts ?? []),
        ...(calls?.routeObjects ?? []),
        ...(calls?.handlerMethods ?? []),
        ...(framework.mountMethods ?? []).map((mount) => mount.method),
        ...(framework.prefixMethods?.deriving ?? []),
        ...(framework.prefixMethods?.setting?.methods ?? []),
        ...(framework.dispatchMethods ?? []),
      ];
      for (const method of declared) expect(methods.has(method), `${framework.name}: ${method}`).toBe(true);
    }
    // The hand-written list the registry replaced: none of it is lost.
    for (const method of ['get', 'del', 'search', 'propfind', 'use', 'param', 'prefix', 'routes', 'on', 'openapi', 'onError', 'notFound'])
      expect(methods.has(method), method).toBe(true);
    for (const method of ['mount', 'basePath', 'createHandlers', 'createMiddleware', 'register', 'addHook', 'setErrorHandler'])
      expect(methods.has(method), method).toBe(true);
    for (const method of ['setNotFoundHandler', 'middleware', 'allowedMethods']) expect(methods.has(method), method).toBe(true);
    // Elysia's, which the list lacked.
    for (const method of ['group', 'guard', 'ws', 'onBeforeHandle', 'derive']) expect(methods.has(method), method).toBe(true);
    // Never a response or client method.
    for (const method of ['json', 'send', 'fetch', 'then']) expect(methods.has(method), method).toBe(false);
  });

  it('mayRegister: a framework word and a registering call, a route file of a file-routed framework, or declared handlers', () => {
    const settings = readFleetSettings({});
    expect(mayRegister('/p/src/server.ts', "import { Elysia } from 'elysia';\nnew Elysia().onBeforeHandle(audit);", settings)).toBe(true);
    expect(mayRegister('/p/src/server.ts', "import { Hono } from 'hono';\napp.notFound(h);", settings)).toBe(true);
    expect(mayRegister('/p/src/client.ts', "import { Hono } from 'hono';\nconst x = 1;", settings)).toBe(false);
    expect(mayRegister('/p/src/client.ts', 'client.get(url);', settings)).toBe(false);
    expect(mayRegister('/p/src/routes/api/x/+server.ts', "import { h } from '$lib/h';\nexport const POST = h;", settings)).toBe(true);
    expect(mayRegister('/p/server/api/users.get.ts', "import h from '../../lib/h';\nexport default h;", settings)).toBe(true);
    expect(mayRegister('/p/src/lib/util.ts', 'export const x = 1;', readFleetSettings({ handlers: [{ callee: 'wrap' }] }))).toBe(true);
  });
});
