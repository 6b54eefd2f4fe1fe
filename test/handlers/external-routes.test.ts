import { describe, expect, it } from 'vitest';
import { readFleetSettings } from '../../src/settings.js';
import { checkedModel, parse } from './parse.js';

/** The external routes of a module as `label | targetName | via | line`, plus the handler labels. */
function routesIn(text: string, filename = 'src/app.ts', fleet: Record<string, unknown> = {}) {
  const model = checkedModel({ ...parse(text, filename), filename, settings: readFleetSettings(fleet) });
  return {
    handlers: model.handlers.map((handler) => handler.label),
    external: model.externalRoutes.map(
      (route) => `${route.label} | ${route.targetName ?? '?'} | ${route.framework} | ${route.route.registration.loc.start.line}`,
    ),
  };
}

describe('external routes', () => {
  it('keeps Express routes whose handler is a bound method of a required controller', () => {
    const code = `const express = require('express');
const Users = require('./controllers/users');
class ApiRouter {
  constructor() {
    this.router = express.Router();
    this.init();
  }
  init() {
    this.router.post('/users', Users.create.bind(this));
    this.router.get('/users/:id', Users.middleware.bind(this), Users.findOne.bind(this));
    this.router.get('/health', require('./health').check);
    this.router.use(Users.auth.bind(this));
  }
}
module.exports = ApiRouter;
`;
    expect(routesIn(code, 'server/ApiRouter.js')).toEqual({
      handlers: [],
      external: [
        'POST /users | Users.create | express | 9',
        'GET /users/:id | Users.findOne | express | 10',
        'GET /health | require().check | express | 11',
      ],
    });
  });

  it('lists a registration once, in handlers, when any of its functions is local', () => {
    const code = `import express from 'express';
import { list } from './users';
const app = express();
const auth = (req, res, next) => next();
app.get('/users', auth, list);
app.get('/raw', list);
`;
    expect(routesIn(code)).toEqual({ handlers: ['GET /users'], external: ['GET /raw | list | express | 6'] });
  });

  it('keeps Koa router routes on imported controllers, koa-swagger-decorator routers included', () => {
    const code = `import { SwaggerRouter } from 'koa-swagger-decorator';
import { user } from './controller';
const router = new SwaggerRouter();
router.get('/users', user.getUsers);
router.swagger({ title: 'api' });
`;
    expect(routesIn(code)).toEqual({ handlers: [], external: ['GET /users | user.getUsers | koa | 4'] });
  });

  it('keeps Fastify shorthand and route() registrations on imported handlers', () => {
    const code = `import Fastify from 'fastify';
import * as users from './users';
const app = Fastify();
app.get('/users', users.list);
app.route({ method: 'POST', url: '/users', handler: users.create });
`;
    expect(routesIn(code)).toEqual({
      handlers: [],
      external: ['GET /users | users.list | fastify | 4', 'POST /users | users.create | fastify | 5'],
    });
  });

  it('keeps Hono routes on imported handlers', () => {
    const code = `import { Hono } from 'hono';
import { listBooks } from './books';
const app = new Hono();
app.get('/books', listBooks);
`;
    expect(routesIn(code)).toEqual({ handlers: [], external: ['GET /books | listBooks | hono | 4'] });
  });

  it('keeps a Pages Router API route whose default export is built by a package', () => {
    const code = `import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth';
export default NextAuth(authOptions);
`;
    expect(routesIn(code, '/repo/pages/api/auth/[...nextauth].ts')).toEqual({
      handlers: [],
      external: ['* /api/auth/[...nextauth] | NextAuth() | nextjs | 3'],
    });
  });

  it('keeps App Router exports built elsewhere, one route per exported value', () => {
    const code = `import NextAuth from 'next-auth';
import { authOptions } from '@/auth';
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
export { PUT } from './other';
export const revalidate = 60;
`;
    expect(routesIn(code, '/repo/app/api/auth/[...nextauth]/route.ts')).toEqual({
      handlers: [],
      external: ['GET, POST /api/auth/[...nextauth] | handler | nextjs | 4', 'PUT /api/auth/[...nextauth] | PUT | nextjs | 5'],
    });
  });

  it('keeps routes of a declared in-house wrapper whose handler is imported', () => {
    const code = `import { setupApiRoute } from './api';\nimport { users } from './users';\nsetupApiRoute(router, 'post', '/users', users.create);\nsetupApiRoute(router, 'get', '/users', async (req, res) => {});\n`;
    expect(routesIn(code, 'src/routes.ts', { handlers: [{ callee: 'setupApiRoute', methodArg: 1, pathArg: 2, handlerArg: 3 }] })).toEqual({
      handlers: ['GET /users'],
      external: ['POST /users | users.create | custom | 3'],
    });
  });

  it('drops external routes of frameworks not listed in settings.fleet.frameworks', () => {
    const code = `import express from 'express';\nimport { list } from './users';\nconst app = express();\napp.get('/users', list);\n`;
    expect(routesIn(code, 'src/app.ts', { frameworks: ['koa'] })).toEqual({ handlers: [], external: [] });
  });
});
