// The registration pre-check (`src/handlers/registration-candidates.ts`): which project modules'
// imports a module may register. Every handler test also checks it against the full model
// (`checkedModel` in ./parse.ts); these pin what it lets `exportRegistrations` skip.
import { describe, expect, it } from 'vitest';
import { registrationCandidates } from '../../src/handlers/registration-candidates.js';
import { parseModule } from '../../src/modules/parse-module.js';

/** The candidates of `text` as specifiers; relative specifiers are the project's modules, packages resolve to nothing. */
function candidates(text: string, filename = 'src/routes.ts'): string[] {
  const found = registrationCandidates(parseModule(filename, text), (specifier) => (specifier.startsWith('.') ? specifier : undefined));
  return [...found].sort();
}

describe('registrationCandidates', () => {
  it('names a module whose import is a registration argument, not one whose functions are only called in handlers', () => {
    const text = `
      import express from 'express';
      import { auth } from './auth';
      import * as users from './users';
      import { summarize } from './models/user';
      const router = express.Router();
      router.get('/users', auth, async (req, res) => {
        const items = await users.list(req.query.limit);
        res.json({ items: items.map(summarize), total: await users.count() });
      });
      router.post('/users', async (req, res) => {
        await Promise.all([users.notify(req.body.id), users.sync(req.body)]);
        return res.status(201).json(await users.create(req.body));
      });
      export default router;
    `;
    expect(candidates(text)).toEqual(['./auth']);
  });

  it('follows bind, factory calls, arrays, wrappers, aliases and require', () => {
    expect(candidates(`import Ctl from './ctl'; router.post('/x', Ctl.create.bind(Ctl));`)).toEqual(['./ctl']);
    expect(candidates(`import { rateLimit } from './limit'; app.use(rateLimit({ max: 5 }));`)).toEqual(['./limit']);
    expect(candidates(`import { a } from './a'; app.get('/x', [a.check]);`)).toEqual(['./a']);
    expect(candidates(`import h from './h'; import wrap from 'wrap'; app.get('/x', wrap(h.list));`)).toEqual(['./h']);
    expect(candidates(`const { create } = require('./ctl'); router.post('/x', create);`)).toEqual(['./ctl']);
    expect(candidates(`const ctl = require('./ctl'); const { list: all } = ctl; router.get('/x', all);`)).toEqual(['./ctl']);
    expect(candidates(`app.use(require('./auth'));`)).toEqual(['./auth']);
    expect(candidates(`import { list } from './ctl'; const handler = list as Handler; app.get('/x', handler);`)).toEqual(['./ctl']);
  });

  it('names modules whose values are exported, stored at module level or passed as route options', () => {
    expect(candidates(`import { withAuth } from './auth'; export const GET = withAuth(route);`)).toEqual(['./auth']);
    expect(candidates(`import svc from './svc'; const handler = svc.make(); export { handler as GET };`)).toEqual(['./svc']);
    expect(candidates(`import { list } from './users'; fastify.route({ method: 'GET', url: '/', handler: list });`)).toEqual(['./users']);
    expect(candidates(`import { list } from './users'; const opts = { handler: list }; fastify.get('/', opts);`)).toEqual(['./users']);
    expect(candidates(`import * as svc from './svc'; module.exports = svc;`)).toEqual(['./svc']);
  });

  it('skips values that cannot reach a registration', () => {
    const text = `
      import { enqueue } from 'fleet-runtime';
      import { Tasks } from './tasks';
      import * as svc from './svc';
      import type { User } from './models/user';
      export default async function plugin(fastify: Fastify) {
        fastify.get('/', async (request) => {
          const items = await svc.list();
          return { items: items.map((item: User) => svc.summarize(item)) };
        });
        fastify.post('/', async (request, reply) => {
          await enqueue(Tasks.notify({ id: request.body.id }));
          ctx.body = { created: await svc.create(request.body) };
          if (svc.enabled()) reply.code(201);
          svc.count().then((n) => log(n));
        });
      }
    `;
    expect(candidates(text)).toEqual([]);
  });

  it('skips a wrapper called with an inline function: the function is the handler', () => {
    expect(
      candidates(`import { withAuth } from './auth'; export const GET = withAuth(async (req: Request) => Response.json({}));`),
    ).toEqual([]);
    expect(candidates(`import { withAuth } from './auth'; router.get('/x', withAuth(function (req, res) { res.end(); }));`)).toEqual([]);
    expect(candidates(`import { withAuth } from './auth'; import { h } from './h'; export const GET = withAuth(h);`)).toEqual([
      './auth',
      './h',
    ]);
  });

  it('treats a shadowing local of the same name as a use of the import (over-approximation)', () => {
    expect(candidates(`import { h } from './h'; function f(h) { app.get('/x', h); }`)).toEqual(['./h']);
  });

  it('leaves packages out: only modules the resolver finds are named', () => {
    expect(candidates(`import cors from 'cors'; app.use(cors());`)).toEqual([]);
  });
});
