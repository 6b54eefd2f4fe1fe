import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import express, { type Response } from 'express';
import { expressRoleGuard } from '../../src/guard/middleware.js';
import type { RoleGuard } from '../../src/guard/role-guard.js';
import { close, describeRoleGuardOverHttp, listen } from './guard-fixture.js';

function app(guard: RoleGuard, workspace: string, calls: { count: number }): Server {
  const fail = (res: Response, error: unknown): void => {
    const { name, code, message } = error as NodeJS.ErrnoException;
    res.status(500).json({ name, code, message });
  };
  const server = express();
  // Body parsers first: their callbacks run outside the request scope (see the middleware's doc).
  server.use(express.json());
  server.use(expressRoleGuard(guard));
  server.get('/api/health', (_req, res) => {
    res.send('ok');
  });
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

describeRoleGuardOverHttp('expressRoleGuard', async (guard, workspace, calls) => {
  const server = app(guard, workspace, calls);
  return { base: await listen(server), stop: () => close(server) };
});
