import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fastifyRoleGuard } from '../../src/guard/middleware.js';
import { createRoleGuard, type RoleGuard } from '../../src/guard/role-guard.js';
import { expectIdeNode, expectServeReplica, makeProject, type Project } from './guard-fixture.js';

function app(guard: RoleGuard, workspace: string, calls: { count: number }): FastifyInstance {
  const fail = (reply: FastifyReply, error: unknown): FastifyReply => {
    const { name, code, message } = error as NodeJS.ErrnoException;
    return reply.code(500).send({ name, code, message });
  };
  const server = Fastify();
  fastifyRoleGuard(server, guard);
  server.get('/api/health', () => 'ok');
  server.get<{ Params: { '*': string } }>('/api/files/*', async (request) => {
    calls.count += 1;
    return readFile(join(workspace, request.params['*']), 'utf8');
  });
  server.get<{ Params: { name: string } }>('/api/docs/:name', async (request, reply) => {
    try {
      return await readFile(join(workspace, 'docs', `${request.params.name}.md`), 'utf8');
    } catch (error) {
      return fail(reply, error);
    }
  });
  server.post<{ Body: { name: string } }>('/api/docs', (request, reply) => {
    try {
      return readFileSync(join(workspace, 'docs', `${request.body.name}.md`), 'utf8');
    } catch (error) {
      return fail(reply, error);
    }
  });
  return server;
}

describe('fastifyRoleGuard over HTTP', () => {
  let project: Project;
  beforeAll(() => { project = makeProject(); });
  afterAll(() => { project.remove(); });

  it('refuses ide-only routes with 421 and stops workspace reads on a serve replica', async () => {
    const guard = createRoleGuard({ manifest: project.manifest, role: 'serve', workspaceRoot: project.workspace });
    const calls = { count: 0 };
    const server = app(guard, project.workspace, calls);
    try {
      await expectServeReplica(await server.listen({ port: 0, host: '127.0.0.1' }), () => calls.count);
    } finally {
      await server.close();
      guard.close();
    }
  });

  it('serves every route, reads included, on the ide node', async () => {
    const guard = createRoleGuard({ manifest: project.manifest, role: 'ide', workspaceRoot: project.workspace });
    const server = app(guard, project.workspace, { count: 0 });
    try {
      await expectIdeNode(await server.listen({ port: 0, host: '127.0.0.1' }));
    } finally {
      await server.close();
      guard.close();
    }
  });
});
