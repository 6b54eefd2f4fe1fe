import { parseForESLint } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { detectCustom } from '../../src/frameworks/custom/detector.js';
import { calleePath, matchesCalleePattern } from '../../src/handlers/callee-pattern.js';
import { matchesFiles } from '../../src/frameworks/custom/matches-files.js';
import { getHandlerModel } from '../../src/handlers/model.js';
import { readFleetSettings } from '../../src/settings.js';
import type { HandlerFinding } from '../../src/handlers/types.js';
import { parse, runDetector } from './parse.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

const cwd = process.cwd();

function detect(code: string, filename: string, settings: unknown): HandlerFinding[] {
  return runDetector(detectCustom, code, filename, settings);
}

/** What a test cares about: kind, label, route, and the handler's first source line. */
function summary(handlers: HandlerFinding[], code: string) {
  return handlers.map((handler) => ({
    kind: handler.kind,
    label: handler.label,
    route: handler.route && { methods: handler.route.methods, path: handler.route.path, pathComplete: handler.route.pathComplete },
    line: code.slice(handler.node.range[0], handler.node.range[1]).split('\n')[0],
  }));
}

function callee(code: string): string | undefined {
  const { ast } = parseForESLint(code, { range: true, sourceType: 'module', ecmaVersion: 'latest' });
  const statement = ast.body[0];
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) throw new Error('expected an expression statement');
  // `a?.b()` parses as a ChainExpression around the call.
  const call = statement.expression.type === AST_NODE_TYPES.ChainExpression ? statement.expression.expression : statement.expression;
  if (call.type !== AST_NODE_TYPES.CallExpression) throw new Error('expected a call');
  return calleePath(call.callee)?.join('.');
}

describe('calleePath and matchesCalleePattern (the one callee-pattern dialect)', () => {
  it('reads dotted callee names, ignoring optional chaining', () => {
    expect(callee('setupApiRoute(a)')).toBe('setupApiRoute');
    expect(callee('this.router?.get(a)')).toBe('this.router.get');
    expect(callee("api['v1'].route(a)")).toBe('api.v1.route');
    expect(callee('makeRouter().get(a)')).toBeUndefined();
    expect(callee('routes[name](a)')).toBeUndefined();
  });

  it('matches `*` against exactly one segment', () => {
    expect(matchesCalleePattern(['api', 'route'], '*.route')).toBe(true);
    expect(matchesCalleePattern(['v1', 'api', 'route'], '*.route')).toBe(false);
    expect(matchesCalleePattern(['api', 'get'], 'api.*')).toBe(true);
    expect(matchesCalleePattern(['setupApiRoutes'], 'setupApiRoute')).toBe(false);
  });

  it('matches `**` against any number of segments, and takes a leading `this.` as optional', () => {
    expect(matchesCalleePattern(['api', 'v1', 'route'], 'api.**')).toBe(true);
    expect(matchesCalleePattern(['api'], 'api.**')).toBe(true);
    expect(matchesCalleePattern(['this', 'api', 'route'], '*.route')).toBe(true);
    expect(matchesCalleePattern(['this', 'router', 'get'], 'router.get')).toBe(true);
  });
});

describe('matchesFiles', () => {
  it('matches globs against the path relative to the working directory, with dot files and no matchBase', () => {
    expect(matchesFiles('/repo/src/api/users.ts', ['src/api/**/*.ts'], '/repo')).toBe(true);
    expect(matchesFiles('/repo/src/.server/users.ts', ['src/**/*.ts'], '/repo')).toBe(true);
    expect(matchesFiles('/repo/src/api/users.ts', ['*.ts'], '/repo')).toBe(false);
    expect(matchesFiles('/repo/lib/api/users.ts', ['src/api/**/*.ts'], '/repo')).toBe(false);
  });
});

describe('detectCustom: declared wrapper calls', () => {
  const settings = { handlers: [{ callee: 'setupApiRoute', methodArg: 1, pathArg: 2, handlerArg: 3 }] };

  it('takes the handler argument, method and path of each declared call', () => {
    const code = `import { setupApiRoute } from './lib/route';
async function listUsers(req, res) { res.json([]); }
export function register(app) {
  setupApiRoute(app, 'post', '/users', async (req, res) => { res.status(201).end(); });
  setupApiRoute(app, 'get', '/users', listUsers);
  setupApiRoute(app, method, path, listUsers);
  otherCall(app, 'get', '/x', async () => {});
}
`;
    expect(summary(detect(code, `${cwd}/src/routes.ts`, settings), code)).toEqual([
      {
        kind: 'route',
        label: 'GET /users',
        route: { methods: ['GET'], path: '/users', pathComplete: true },
        line: 'async function listUsers(req, res) { res.json([]); }',
      },
      {
        kind: 'route',
        label: 'POST /users',
        route: { methods: ['POST'], path: '/users', pathComplete: true },
        line: 'async (req, res) => { res.status(201).end(); }',
      },
    ]);
  });

  it('keeps the first registration when one function is registered twice', () => {
    const code = `function h() {}\nsetupApiRoute(app, 'get', '/a', h);\nsetupApiRoute(app, 'get', '/b', h);\n`;
    const handlers = detect(code, `${cwd}/src/routes.ts`, settings);
    expect(handlers.map((handler) => handler.label)).toEqual(['GET /a']);
    expect(handlers[0]).toMatchObject({
      framework: 'custom',
      confidence: 'certain',
      via: '`setupApiRoute()` declared in `settings.fleet.handlers`',
    });
  });

  it('marks a non-literal path incomplete and uses the fixed method', () => {
    const code = `import { paths } from './paths';\nthis.http?.postJson(paths.users, async (body) => body);\n`;
    const handlers = detect(code, `${cwd}/src/a.ts`, { handlers: [{ callee: 'this.http.postJson', method: 'post', pathArg: 0 }] });
    expect(summary(handlers, code)).toEqual([
      {
        kind: 'route',
        label: 'POST this.http.postJson()',
        route: { methods: ['POST'], path: undefined, pathComplete: false },
        line: 'async (body) => body',
      },
    ]);
  });

  it('takes every function argument when handlerArg is omitted: the last as route, the rest as middleware', () => {
    const code = `function auth(req, res, next) { next(); }\nrouter.secure('/admin', auth, async (req, res) => res.end());\n`;
    const handlers = detect(code, `${cwd}/src/admin.ts`, { handlers: [{ callee: '*.secure', pathArg: 0 }] });
    expect(summary(handlers, code)).toEqual([
      { kind: 'middleware', label: 'router.secure() middleware', route: undefined, line: 'function auth(req, res, next) { next(); }' },
      {
        kind: 'route',
        label: '* /admin',
        route: { methods: ['*'], path: '/admin', pathComplete: true },
        line: 'async (req, res) => res.end()',
      },
    ]);
  });

  it('applies an entry only to files matching its globs', () => {
    const code = `defineHandler(async (event) => ({ ok: true }));\n`;
    const scoped = { handlers: [{ callee: 'defineHandler', files: ['server/api/**/*.ts'] }] };
    expect(summary(detect(code, `${cwd}/server/api/users/index.ts`, scoped), code)).toEqual([
      { kind: 'route', label: 'defineHandler()', route: undefined, line: 'async (event) => ({ ok: true })' },
    ]);
    expect(detect(code, `${cwd}/src/client/index.ts`, scoped)).toEqual([]);
  });

  it('matches a computed member callee', () => {
    const code = `api['route']('/ping', async () => 'pong');\n`;
    const handlers = detect(code, `${cwd}/src/ping.ts`, { handlers: [{ callee: 'api.route', pathArg: 0, handlerArg: 1 }] });
    expect(summary(handlers, code)).toEqual([
      { kind: 'route', label: '* /ping', route: { methods: ['*'], path: '/ping', pathComplete: true }, line: "async () => 'pong'" },
    ]);
  });

  it('finds nothing without declarations', () => {
    expect(detect(`setupApiRoute(app, 'get', '/a', () => {});\n`, `${cwd}/src/a.ts`, undefined)).toEqual([]);
  });
});

describe('detectCustom: handler files', () => {
  const code = `import { db } from '../db';
function validate(input) { return input; }
export async function handler(event) { return db.get(validate(event)); }
export const list = withTracing(async (event) => db.list());
export default async (event) => ({ statusCode: 200 });
export const TABLE = 'users';
`;

  it('takes every exported function of a matching file', () => {
    const handlers = detect(code, `${cwd}/functions/users.ts`, { handlerFiles: [{ files: ['functions/*.ts'] }] });
    expect(summary(handlers, code)).toEqual([
      { kind: 'route', label: 'handler', route: undefined, line: 'async function handler(event) { return db.get(validate(event)); }' },
      { kind: 'route', label: 'list', route: undefined, line: 'async (event) => db.list()' },
      { kind: 'route', label: 'default', route: undefined, line: 'async (event) => ({ statusCode: 200 })' },
    ]);
    expect(handlers[0]).toMatchObject({ framework: 'custom', confidence: 'certain' });
  });

  it('takes only the named exports when `exports` is given', () => {
    const handlers = detect(code, `${cwd}/functions/users.ts`, { handlerFiles: [{ files: ['functions/*.ts'], exports: ['default'] }] });
    expect(summary(handlers, code).map((handler) => handler.label)).toEqual(['default']);
  });

  it('ignores files outside the globs', () => {
    expect(detect(code, `${cwd}/functions/nested/users.ts`, { handlerFiles: [{ files: ['functions/*.ts'] }] })).toEqual([]);
  });
});

describe('user-declared handlers through getHandlerModel', () => {
  it('reports a declared wrapper call in a file the globs select', () => {
    const text = `import { setupApiRoute } from '../lib/setup';\nsetupApiRoute(router, 'delete', '/items/:id', async (req, res) => res.end());\n`;
    const filename = `${cwd}/src/routes/items.ts`;
    const { ast, scopeManager } = parse(text, filename);
    const settings = readFleetSettings({
      handlers: [{ callee: 'setupApiRoute', methodArg: 1, pathArg: 2, handlerArg: 3, files: ['src/routes/**'] }],
    });
    const model = getHandlerModel({ ast, scopeManager, filename, settings, text });
    expect(model.handlers.map((handler) => `${handler.framework} ${handler.kind} ${handler.label}`)).toEqual([
      'custom route DELETE /items/:id',
    ]);
  });
});
