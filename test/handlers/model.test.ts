import { describe, expect, it } from 'vitest';
import { getHandlerModel, handlerModelFor, mayDetect } from '../../src/handlers/model.js';
import { readFleetSettings } from '../../src/settings.js';
import { parse } from './parse.js';
import { reachesOfProbes } from './probes.js';

const APP = `import express from 'express';
const app = express();
function audit() { probe(); }
const notify = async (id: string) => { audit(); probe(); };
function deep() { notify('x'); }
function unused() { probe(); }
app.post('/orders', async (req, res) => {
  probe();
  setTimeout(() => probe(), 10);
  await notify(req.params.id);
  res.sendStatus(202);
});
app.get('/deep', (req, res) => { deep(); });
`;

describe('getHandlerModel', () => {
  it('reaches nested callbacks and same-module callees with the call chain', () => {
    expect(reachesOfProbes(APP)).toEqual([
      ['POST /orders <- notify <- audit'],
      ['POST /orders <- notify', 'GET /deep <- deep <- notify'],
      [],
      ['POST /orders'],
      ['POST /orders'],
    ]);
  });

  it('bounds reach by settings.fleet.callDepth', () => {
    expect(reachesOfProbes(APP, { callDepth: 1 })).toEqual([[], ['POST /orders <- notify'], [], ['POST /orders'], ['POST /orders']]);
  });

  it('caches the model per AST and answers handlerOf', () => {
    const parsed = parse(`import express from 'express';\nexport const app = express();\napp.get('/a', function a(req, res) {});\n`);
    const settings = readFleetSettings({});
    const model = getHandlerModel({ ...parsed, filename: 'a.ts', settings });
    expect(getHandlerModel({ ...parsed, filename: 'a.ts', settings })).toBe(model);
    const handler = model.handlers[0]!;
    expect(model.handlerOf(handler.node)).toBe(handler);
    expect(handler.via).toBe('`.get()` on `express()`');
    expect(handler.route?.methods).toEqual(['GET']);
    expect(handler.route?.path).toBe('/a');
    expect(handler.route?.registration.type).toBe('CallExpression');
  });

  it('runs the heuristic without source text by walking the tree', () => {
    const { ast, scopeManager } = parse(`router.get('/x', (req, res) => {});`, 'src/r.js');
    const model = getHandlerModel({ ast, scopeManager, filename: 'src/r.js', settings: readFleetSettings(undefined) });
    expect(model.handlers.map((h) => [h.label, h.confidence])).toEqual([['GET /x', 'heuristic']]);
  });

  it('drops frameworks not listed in settings.fleet.frameworks', () => {
    const parsed = parse(`import express from 'express';\nconst app = express();\napp.get('/a', (req, res) => {});\n`);
    const model = getHandlerModel({ ...parsed, filename: 'a.ts', settings: readFleetSettings({ frameworks: ['koa'] }) });
    expect(model.handlers).toEqual([]);
  });

  it('keeps every route of a function registered twice, the first one as route', () => {
    const parsed = parse(
      `import express from 'express';\nconst app = express();\nconst list = (req, res) => {};\napp.get('/a', list);\napp.get('/b', auth, list);\nfunction auth(req, res, next) {}\n`,
    );
    const model = getHandlerModel({ ...parsed, filename: 'a.ts', settings: readFleetSettings({}) });
    const [handler] = model.handlers;
    expect(model.handlers.map((h) => h.label)).toEqual(['GET /a', 'GET /b']);
    expect(handler?.routes.map((route) => route.path)).toEqual(['/a', '/b']);
    expect(handler?.route).toBe(handler?.routes[0]);
    expect(model.handlers[1]?.routes.map((route) => route.path)).toEqual(['/b']);
  });

  it('lists no routes for middleware', () => {
    const parsed = parse(`import express from 'express';\nconst app = express();\napp.use((req, res, next) => next());\n`);
    const model = getHandlerModel({ ...parsed, filename: 'a.ts', settings: readFleetSettings({}) });
    expect(model.handlers.map((h) => [h.kind, h.routes.length])).toEqual([['middleware', 0]]);
  });

  it('makes a function registered as middleware and then on a route a route handler of the route only', () => {
    const parsed = parse(
      `import express from 'express';\nconst app = express();\nconst audit = (req, res, next) => next();\napp.use('/admin', audit);\napp.post('/audit', audit);\n`,
    );
    const model = getHandlerModel({ ...parsed, filename: 'a.ts', settings: readFleetSettings({}) });
    expect(model.handlers.map((h) => [h.kind, h.label, h.via, h.route?.path, h.routes.map((route) => route.path)])).toEqual([
      ['route', 'POST /audit', '`.post()` on `express()`', '/audit', ['/audit']],
    ]);
  });

  it('lets a traced registration replace a heuristic guess, routes included', () => {
    const parsed = parse(
      `import express from 'express';\nconst app = express();\nfunction list(req, res) {}\nother.get('/guess', list);\napp.get('/real', list);\n`,
    );
    const model = getHandlerModel({ ...parsed, filename: 'a.ts', settings: readFleetSettings({}) });
    expect(model.handlers.map((h) => [h.confidence, h.label, h.routes.map((route) => route.path)])).toEqual([
      ['certain', 'GET /real', ['/real']],
    ]);
  });
});

describe('handlerModelFor pre-filter', () => {
  const settings = readFleetSettings({});

  it('gives a module no detector can read an empty model without asking for the scope manager', () => {
    const text = `import { db } from './db';\nexport async function totals(id: string) { return db.query('select 1', [id]); }\n`;
    const parsed = parse(text, 'src/services/totals.ts');
    let scopeRequests = 0;
    const sourceCode = {
      ast: parsed.ast,
      text,
      get scopeManager() {
        scopeRequests += 1;
        return parsed.scopeManager;
      },
    };
    expect(mayDetect('src/services/totals.ts', text, settings)).toBe(false);
    const model = handlerModelFor({ sourceCode, filename: 'src/services/totals.ts', settings: {} } as unknown as Parameters<
      typeof handlerModelFor
    >[0]);
    expect(model.handlers).toEqual([]);
    expect(model.externalRoutes).toEqual([]);
    expect(scopeRequests).toBe(0);
    // The import index is still there for a rule that asks (built on first use).
    expect([...model.imports.modules]).toEqual(['./db']);
    expect(scopeRequests).toBe(1);
  });

  it('keeps modules with a framework word, a route-file path, a registration-shaped call or an escape', () => {
    expect(mayDetect('src/a.ts', `import express from 'express';`, settings)).toBe(true);
    expect(mayDetect('app/api/users/route.ts', `export const x = 1;`, settings)).toBe(true);
    expect(mayDetect('src/a.ts', `server.get('/health', (req, res) => res.end());`, settings)).toBe(true);
    expect(mayDetect('src/a.ts', `const m = require('\\x65xpress');`, settings)).toBe(true);
    expect(mayDetect('src/a.ts', `export default async function (fastify, opts) {}`, settings)).toBe(true);
    expect(mayDetect('src/a.ts', `export const f = async (x: number) => x;`, readFleetSettings({ handlers: [{ callee: 'wrap' }] }))).toBe(
      true,
    );
    expect(mayDetect('src/a.test.ts', `server.get('/health', (req, res) => res.end());`, settings)).toBe(false);
  });
});
