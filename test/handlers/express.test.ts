import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('express detector', () => {
  it('finds verb routes, all, use middleware and error middleware on express()', () => {
    expect(
      handlersIn(`import express from 'express';
const app = express();
app.use(express.json());
app.use((req, res, next) => next());
app.get('/users/:id', async (req, res) => { res.json({}); });
app.all('/any', function (req, res) {});
app.use((err, req, res, next) => { res.status(500).end(); });
app.get('env');
`),
    ).toEqual([
      { framework: 'express', kind: 'middleware', confidence: 'certain', label: 'middleware app.ts:4', complete: undefined, line: 4 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /users/:id', complete: true, line: 5 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: '* /any', complete: true, line: 6 },
      {
        framework: 'express',
        kind: 'error-middleware',
        confidence: 'certain',
        label: 'error middleware app.ts:7',
        complete: undefined,
        line: 7,
      },
    ]);
  });

  it('follows identifiers, arrays, wrappers and route() chains', () => {
    expect(
      handlersIn(
        `const express = require('express');
const asyncHandler = require('express-async-handler');
const router = express.Router();
function list(req, res) { res.send([]); }
const create = async (req, res) => { res.status(201).end(); };
const auth = (req, res, next) => next();
router.get('/items', [auth], list);
router.post('/items', asyncHandler(create));
router.route('/items/:id').get(catchAsync(async (req, res) => {})).delete((req, res) => {});
const app = express();
app.use('/api', router);
`,
        'src/server.js',
      ),
    ).toEqual([
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /items', complete: false, line: 4 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'POST /items', complete: false, line: 5 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /items', complete: false, line: 6 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /items/:id', complete: false, line: 9 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'DELETE /items/:id', complete: false, line: 9 },
    ]);
  });

  it('follows spread middleware arrays held by a const (`...guards`), at module level and in a function', () => {
    expect(
      handlersIn(
        `import express, { Router } from 'express';
const app = express();
const auth = (req, res, next) => next();
function audit(req, res, next) { next(); }
const guards = [auth, audit];
app.post('/reports', ...guards, (req, res) => res.end());
export function mount(router: Router) {
  const check = (req, res, next) => next();
  const local = [check] as const;
  router.put('/x', ...local, (req, res) => res.end());
}
let mutable = [(req, res, next) => next()];
app.get('/m', ...mutable, (req, res) => res.end());
app.put('/w', ...guards.map((guard) => guard), (req, res) => res.end());
`,
        'src/server.ts',
      ),
    ).toEqual([
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'POST /reports', complete: true, line: 3 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'POST /reports', complete: true, line: 4 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'POST /reports', complete: true, line: 6 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'PUT /x', complete: false, line: 8 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'PUT /x', complete: false, line: 10 },
      // \`let\`: the array may be reassigned, so its elements are not followed.
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /m', complete: true, line: 13 },
      // A computed list: \`map\`'s callback is no handler.
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'PUT /w', complete: true, line: 14 },
    ]);
  });

  it('marks exported routers as path-incomplete and follows typed route-module parameters', () => {
    expect(
      handlersIn(`import { Router } from 'express';
import type { Express } from 'express';
const router = Router();
router.patch('/me', (req, res) => {});
export default router;
export function registerRoutes(app: Express): void {
  app.get('/health', (_req, res) => res.send('ok'));
}
export const mount = (r: Router) => { r.put('/x', (req, res) => {}); };
`),
    ).toEqual([
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'PATCH /me', complete: false, line: 4 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /health', complete: true, line: 7 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'PUT /x', complete: false, line: 9 },
    ]);
  });

  it('tracks instances through local factories, parameters and class members', () => {
    expect(
      handlersIn(`import express, { Router } from 'express';
function createUsersRouter() {
  const r = Router();
  r.get('/', (req, res) => {});
  return r;
}
function addHealth(target) { target.get('/health', (req, res) => {}); }
class Server {
  private app = express();
  constructor() { this.routes(); addHealth(this.app); }
  routes() { this.app.use('/users', createUsersRouter()); this.app.post('/login', this.login); }
  login(req, res) {}
}
`),
    ).toEqual([
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /', complete: false, line: 4 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /health', complete: true, line: 7 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'POST /login', complete: true, line: 12 },
    ]);
  });

  it('resolves class controller methods and bound methods', () => {
    expect(
      handlersIn(`import { Router, type Request, type Response } from 'express';
export class UserController {
  public router = Router();
  constructor() {
    this.router.get('/', this.list.bind(this));
    this.router.post('/', this.create);
  }
  private async list(req: Request, res: Response) { res.json([]); }
  create = async (req: Request, res: Response) => { res.status(201).end(); };
}
`),
    ).toEqual([
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'GET /', complete: false, line: 8 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'POST /', complete: false, line: 9 },
    ]);
  });

  it('ignores lookalikes: settings reads, other modules, shadowed names', () => {
    expect(
      handlersIn(`import express from 'express';
import axios from 'axios';
const app = express();
const port = app.get('port');
const cache = new Map();
cache.get('/x');
axios.get('/users', { timeout: 5 });
function setup(express) { express().get('/not-tracked', (req, res) => {}); }
const other = { get(path, fn) {} };
other.get('/y', (req, res) => {});
`),
    ).toEqual([]);
  });
});
