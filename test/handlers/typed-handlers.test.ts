import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('typed controller handlers', () => {
  it('takes Express functions typed (Request, Response[, NextFunction]) or RequestHandler', () => {
    expect(
      handlersIn(
        `import type { Request, Response, NextFunction, RequestHandler } from 'express';
import * as express from 'express';
export const list = async (req: Request, res: Response) => { res.json([]); };
export async function requireAuth(req: Request, res: Response, next: NextFunction) { next(); }
export const show: RequestHandler = async (req, res) => { res.json({}); };
export function create(req: express.Request<{ id: string }>, res: express.Response): void {}
export function userId(req: Request): string { return ''; }
export function log(req: Request, message: string): void {}
`,
        'src/controllers/users.ts',
      ),
    ).toEqual([
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'route list', complete: undefined, line: 3 },
      { framework: 'express', kind: 'middleware', confidence: 'certain', label: 'middleware requireAuth', complete: undefined, line: 4 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'route show', complete: undefined, line: 5 },
      { framework: 'express', kind: 'route', confidence: 'certain', label: 'route create', complete: undefined, line: 6 },
    ]);
  });

  it('takes Fastify (FastifyRequest, FastifyReply) and Koa/Hono (Context, Next) middleware, not ctx-only helpers', () => {
    expect(
      handlersIn(`import type { FastifyRequest, FastifyReply } from 'fastify';
export async function getUser(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) { return {}; }
`),
    ).toEqual([{ framework: 'fastify', kind: 'route', confidence: 'certain', label: 'route getUser', complete: undefined, line: 2 }]);
    expect(
      handlersIn(`import type { Context, Next } from 'koa';
export async function timing(ctx: Context, next: Next) { await next(); }
export function currentUser(ctx: Context) { return ctx.state.user; }
`),
    ).toEqual([{ framework: 'koa', kind: 'middleware', confidence: 'certain', label: 'middleware timing', complete: undefined, line: 2 }]);
    expect(
      handlersIn(`import type { Context, Next } from 'hono';
export const auth = async (c: Context, next: Next) => { await next(); };
export const userOf = (c: Context) => c.get('user');
`),
    ).toEqual([{ framework: 'hono', kind: 'middleware', confidence: 'certain', label: 'middleware auth', complete: undefined, line: 2 }]);
  });
});
