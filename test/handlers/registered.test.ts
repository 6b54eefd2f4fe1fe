// Handlers registered by another module (`src/handlers/registered-handlers.ts`): the modules of
// test/fixtures/registered/ are read from disk and modelled with that folder as the project root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHandlerModel } from '../../src/handlers/model.js';
import { readFleetSettings } from '../../src/settings.js';
import { clearCrossModuleCaches, parse } from './parse.js';

const ROOT = path.resolve(import.meta.dirname, '../fixtures/registered');

beforeAll(clearCrossModuleCaches);
afterAll(clearCrossModuleCaches);

/**
 * The handlers of a fixture module: framework, kind, confidence, label, via and the function's
 * line. `projectRoot: null` models it without a project root.
 */
function handlersOf(file: string, options: { readonly projectRoot?: string | null; readonly fleet?: Record<string, unknown> } = {}) {
  const projectRoot = options.projectRoot === undefined ? ROOT : options.projectRoot;
  const fleet = options.fleet ?? {};
  const filename = path.join(ROOT, file);
  const text = readFileSync(filename, 'utf8');
  const model = getHandlerModel({
    ...parse(text, filename),
    filename,
    settings: readFleetSettings(fleet),
    projectRoot: projectRoot ?? undefined,
  });
  return model.handlers.map((handler) => ({
    framework: handler.framework,
    kind: handler.kind,
    confidence: handler.confidence,
    label: handler.label,
    via: handler.via,
    routes: handler.routes.length,
    line: handler.node.loc.start.line,
  }));
}

describe('handlers registered by another module', () => {
  it('methods of an exported class instance registered with .bind(this) on a class-property router', () => {
    expect(handlersOf('controllers/library-controller.js')).toEqual([
      {
        framework: 'express',
        kind: 'middleware',
        confidence: 'certain',
        label: 'middleware LibraryController.middleware',
        via: '`LibraryController.middleware` registered with `.get()` on `express()` at routers/api.js:13',
        routes: 0,
        line: 5,
      },
      {
        framework: 'express',
        kind: 'route',
        confidence: 'certain',
        label: 'GET /libraries/:id/cover (prefix unresolved)',
        via: '`LibraryController.getCover` registered with `.get()` on `express()` at routers/api.js:13',
        routes: 0,
        line: 10,
      },
      {
        framework: 'express',
        kind: 'route',
        confidence: 'certain',
        label: 'POST /libraries (prefix unresolved)',
        via: '`LibraryController.create` registered with `.post()` on `express()` at routers/api.js:14',
        routes: 0,
        line: 16,
      },
    ]);
  });

  it('an `exports.x` function; its unregistered sibling is no handler', () => {
    expect(handlersOf('controllers/files.js')).toEqual([
      {
        framework: 'express',
        kind: 'route',
        confidence: 'certain',
        label: 'GET /files/:name (prefix unresolved)',
        via: '`files.download` registered with `.get()` on `express()` at routers/api.js:15',
        routes: 0,
        line: 4,
      },
    ]);
  });

  it('a member assigned to an object that an index module re-exports as a member', () => {
    expect(handlersOf('controllers/authors.js')).toEqual([
      {
        framework: 'express',
        kind: 'route',
        confidence: 'certain',
        label: 'GET /authors/:id (prefix unresolved)',
        via: '`controllers.authors.get` registered with `.get()` on `express()` at routers/api.js:16',
        routes: 0,
        line: 5,
      },
    ]);
  });

  it('the function an Express middleware factory returns (`app.use(rateLimit({ … }))`)', () => {
    expect(handlersOf('middleware/rate-limit.js')).toEqual([
      {
        framework: 'express',
        kind: 'middleware',
        confidence: 'certain',
        label: 'middleware rateLimit()',
        via: '`rateLimit()` registered with `.use()` on `express()` at routers/api.js:11',
        routes: 0,
        line: 3,
      },
    ]);
  });

  it('a curried middleware (`module.exports = currify(fn)`) called once at the registration', () => {
    expect(handlersOf('middleware/user-menu.js')).toEqual([
      {
        framework: 'express',
        kind: 'middleware',
        confidence: 'certain',
        label: 'middleware userMenu()',
        via: '`userMenu()` registered with `.use()` on `express()` at routers/api.js:12',
        routes: 0,
        line: 5,
      },
    ]);
  });

  it('a Koa middleware factory in its own ES module; the factory nobody registers gives nothing', () => {
    expect(handlersOf('middleware/request-log.mjs')).toEqual([
      {
        framework: 'koa',
        kind: 'middleware',
        confidence: 'certain',
        label: 'middleware requestLog()',
        via: '`requestLog()` registered with `.use()` on `new Koa()` at routers/koa.mjs:5',
        routes: 0,
        line: 4,
      },
    ]);
  });

  it('a registration in a test file makes no handler', () => {
    expect(handlersOf('controllers/test-only.js')).toEqual([]);
  });

  it('without a project root only the module itself counts', () => {
    expect(handlersOf('controllers/library-controller.js', { projectRoot: null })).toEqual([]);
  });

  it('a framework switched off in settings registers nothing', () => {
    expect(handlersOf('controllers/files.js', { fleet: { frameworks: ['koa'] } })).toEqual([]);
  });
});
