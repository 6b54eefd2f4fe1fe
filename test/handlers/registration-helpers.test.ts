// Registration helpers inferred from their bodies (`src/handlers/detectors/registration-helpers.ts`)
// and controllers reached through two folder index modules, on the NodeBB-shaped app of
// test/fixtures/registration-helpers/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHandlerModel } from '../../src/handlers/model.js';
import { readFleetSettings } from '../../src/settings.js';
import { clearCrossModuleCaches, parse } from './parse.js';

const ROOT = path.resolve(import.meta.dirname, '../fixtures/registration-helpers');

beforeAll(clearCrossModuleCaches);
afterAll(clearCrossModuleCaches);

function modelOf(file: string, fleet: Record<string, unknown> = {}) {
  const filename = path.join(ROOT, file);
  const text = readFileSync(filename, 'utf8');
  return getHandlerModel({ ...parse(text, filename), filename, settings: readFleetSettings(fleet), projectRoot: ROOT });
}

function handlersOf(file: string, fleet: Record<string, unknown> = {}) {
  return modelOf(file, fleet).handlers.map((handler) => ({
    kind: handler.kind,
    confidence: handler.confidence,
    label: handler.label,
    via: handler.via,
    line: handler.node.loc.start.line,
  }));
}

describe('registration helpers', () => {
  it('a call of a same-module helper registers its function argument at the path argument', () => {
    expect(handlersOf('routes/index.js')).toEqual([
      {
        kind: 'route',
        confidence: 'heuristic',
        label: 'POST /ping',
        via: 'the registration helper `route()` (index.js:9, `.post()` at line 10)',
        line: 16,
      },
    ]);
  });

  it('an imported helper with rest arguments registers the last argument, once per path it builds', () => {
    // (The helper `route()`'s own `router.post(path, handler)` is an external route of unknown path as before.)
    const routes = modelOf('routes/index.js')
      .externalRoutes.filter((external) => external.via.includes('registration helper'))
      .map((external) => ({
        methods: external.route.methods,
        path: external.route.path,
        line: external.route.registration.loc.start.line,
        via: external.via,
      }));
    expect(routes).toEqual([
      { methods: ['GET'], path: '/login', line: 15, via: 'the registration helper `setupPageRoute()` (helpers.js:6, `.get()` at line 10)' },
    ]);
  });

  it('the controller of a helper call, reached through two folder index modules and `const X = module.exports`', () => {
    expect(handlersOf('controllers/write/users.js')).toEqual([
      {
        kind: 'route',
        confidence: 'heuristic',
        label: 'POST / (prefix unresolved)',
        via: '`controllers.write.users.create` registered with the registration helper `setupApiRoute()` (../helpers.js:15, `.post()` at line 18) at routes/write/users.js:8',
        line: 5,
      },
      {
        kind: 'route',
        confidence: 'heuristic',
        label: 'DELETE /:uid (prefix unresolved)',
        via: '`controllers.write.users.delete` registered with the registration helper `setupApiRoute()` (../helpers.js:15, `.delete()` at line 18) at routes/write/users.js:9',
        line: 9,
      },
    ]);
  });

  it('a controller defined in the index module itself', () => {
    expect(handlersOf('controllers/index.js')).toEqual([
      {
        kind: 'route',
        confidence: 'heuristic',
        label: 'GET /login (prefix unresolved)',
        via: '`controllers.login` registered with the registration helper `setupPageRoute()` (helpers.js:6, `.get()` at line 10) at routes/index.js:15',
        line: 7,
      },
    ]);
  });

  it('a function that registers a fixed handler of its own is not a helper (its handler is one); heuristics off turns helpers off', () => {
    expect(handlersOf('routes/helpers.js').map((handler) => `${handler.label} ${handler.via}`)).toEqual([
      "GET /health the `.get('/…', (req, res) => …)` registration shape",
    ]);
    expect(handlersOf('routes/index.js', { heuristics: false })).toEqual([]);
  });
});
