import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import Koa, { type Context } from 'koa';
import { koaRoleGuard } from '../../src/guard/middleware.js';
import type { RoleGuard } from '../../src/guard/role-guard.js';
import { close, describeRoleGuardOverHttp, listen } from './guard-fixture.js';

async function jsonBody(ctx: Context): Promise<{ name: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { name: string };
}

// Koa has no router of its own; a small dispatch keeps the test free of koa-router.
function app(guard: RoleGuard, workspace: string, calls: { count: number }): Server {
  const server = new Koa();
  server.use(koaRoleGuard(guard));
  server.use(async (ctx) => {
    try {
      if (ctx.method === 'GET' && ctx.path === '/api/health') ctx.body = 'ok';
      else if (ctx.method === 'GET' && ctx.path.startsWith('/api/files/')) {
        calls.count += 1;
        ctx.body = await readFile(join(workspace, ctx.path.slice('/api/files/'.length)), 'utf8');
      } else if (ctx.method === 'GET' && ctx.path.startsWith('/api/docs/')) {
        ctx.body = await readFile(join(workspace, 'docs', `${ctx.path.slice('/api/docs/'.length)}.md`), 'utf8');
      } else if (ctx.method === 'POST' && ctx.path === '/api/docs') {
        const { name } = await jsonBody(ctx);
        ctx.body = readFileSync(join(workspace, 'docs', `${name}.md`), 'utf8');
      }
    } catch (error) {
      const { name, code, message } = error as NodeJS.ErrnoException;
      ctx.status = 500;
      ctx.body = { name, code, message };
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Koa's callback settles its own errors (it answers 500).
  return createServer(server.callback());
}

describeRoleGuardOverHttp('koaRoleGuard', async (guard, workspace, calls) => {
  const server = app(guard, workspace, calls);
  return { base: await listen(server), stop: () => close(server) };
});
