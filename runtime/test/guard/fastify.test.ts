import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { fastifyRoleGuard } from '../../src/guard/middleware.js';
import type { RoleGuard } from '../../src/guard/role-guard.js';
import { describeRoleGuardOverHttp } from './guard-fixture.js';

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

describeRoleGuardOverHttp('fastifyRoleGuard', async (guard, workspace, calls) => {
  const server = app(guard, workspace, calls);
  return { base: await server.listen({ port: 0, host: '127.0.0.1' }), stop: () => server.close() };
});
