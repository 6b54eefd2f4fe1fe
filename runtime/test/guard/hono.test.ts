import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { honoRoleGuard } from '../../src/guard/middleware.js';
import type { RoleGuard } from '../../src/guard/role-guard.js';
import { close, describeRoleGuardOverHttp } from './guard-fixture.js';

function app(guard: RoleGuard, workspace: string, calls: { count: number }): Hono {
  const fail = (c: Context, error: unknown): Response => {
    const { name, code, message } = error as NodeJS.ErrnoException;
    return c.json({ name, code, message }, 500);
  };
  const server = new Hono();
  server.use(honoRoleGuard(guard));
  server.get('/api/health', (c) => c.text('ok'));
  server.get('/api/files/*', async (c) => {
    calls.count += 1;
    return c.text(await readFile(join(workspace, c.req.path.slice('/api/files/'.length)), 'utf8'));
  });
  server.get('/api/docs/:name', async (c) => {
    try {
      return c.text(await readFile(join(workspace, 'docs', `${c.req.param('name')}.md`), 'utf8'));
    } catch (error) {
      return fail(c, error);
    }
  });
  server.post('/api/docs', async (c) => {
    const { name } = await c.req.json<{ name: string }>();
    try {
      return c.text(readFileSync(join(workspace, 'docs', `${name}.md`), 'utf8'));
    } catch (error) {
      return fail(c, error);
    }
  });
  return server;
}

async function start(server: Hono): Promise<{ base: string; node: Server }> {
  return new Promise((done) => {
    const node = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      done({ base: `http://127.0.0.1:${String(info.port)}`, node: node as Server });
    });
  });
}

describeRoleGuardOverHttp('honoRoleGuard', async (guard, workspace, calls) => {
  const { base, node } = await start(app(guard, workspace, calls));
  return { base, stop: () => close(node) };
});
