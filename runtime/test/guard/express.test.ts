import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import express, { type Response } from 'express';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expressRoleGuard } from '../../src/guard/middleware.js';
import { createRoleGuard, type RoleGuard } from '../../src/guard/role-guard.js';
import { close, expectIdeNode, expectServeReplica, listen, makeProject, type Project } from './guard-fixture.js';

function app(guard: RoleGuard, workspace: string, calls: { count: number }): Server {
  const fail = (res: Response, error: unknown): void => {
    const { name, code, message } = error as NodeJS.ErrnoException;
    res.status(500).json({ name, code, message });
  };
  const server = express();
  // Body parsers first: their callbacks run outside the request scope (see the middleware's doc).
  server.use(express.json());
  server.use(expressRoleGuard(guard));
  server.get('/api/health', (_req, res) => { res.send('ok'); });
  server.get('/api/files/*path', async (req, res) => {
    calls.count += 1;
    res.send(await readFile(join(workspace, ...req.params.path), 'utf8'));
  });
  server.get('/api/docs/:name', async (req, res) => {
    try {
      res.send(await readFile(join(workspace, 'docs', `${req.params.name}.md`), 'utf8'));
    } catch (error) {
      fail(res, error);
    }
  });
  server.post('/api/docs', (req, res) => {
    try {
      res.send(readFileSync(join(workspace, 'docs', `${(req.body as { name: string }).name}.md`), 'utf8'));
    } catch (error) {
      fail(res, error);
    }
  });
  return createServer(server);
}

describe('expressRoleGuard over HTTP', () => {
  let project: Project;
  beforeAll(() => { project = makeProject(); });
  afterAll(() => { project.remove(); });

  it('refuses ide-only routes with 421 and stops workspace reads on a serve replica', async () => {
    const guard = createRoleGuard({ manifest: project.manifest, role: 'serve', workspaceRoot: project.workspace });
    const calls = { count: 0 };
    const server = app(guard, project.workspace, calls);
    try {
      await expectServeReplica(await listen(server), () => calls.count);
    } finally {
      await close(server);
      guard.close();
    }
  });

  it('serves every route, reads included, on the ide node', async () => {
    const guard = createRoleGuard({ manifest: project.manifest, role: 'ide', workspaceRoot: project.workspace });
    const server = app(guard, project.workspace, { count: 0 });
    try {
      await expectIdeNode(await listen(server));
    } finally {
      await close(server);
      guard.close();
    }
  });
});
