// Conventions: every case is literal code; invalid cases assert messageId, position and
// `suggestions: null` (the rule has no fix: the data has to move to the database). The file names
// place each case next to a manifest under test/fixtures/routes/ (see its README).
import { RuleTester } from '@typescript-eslint/rule-tester';
import noWorkspaceFsInServeRoute from '../../rules/no-workspace-fs-in-serve-route.js';
import type { MessageIds, Options } from '../../rules/no-workspace-fs-in-serve-route.js';
import { BASIC, NO_MANIFEST, useFreshManifestCaches } from './route-fixtures.js';

// rule-tester 8.72 brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noWorkspaceFsInServeRoute as never;

useFreshManifestCaches();

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-workspace-fs-in-serve-route', rule, {
  valid: [
    {
      name: 'express: a fleet-ok route reading the bundle (__dirname, import.meta.dirname)',
      filename: BASIC,
      code: `
import express from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const app = express();
const templates = path.join(__dirname, 'templates');
app.get('/api/docs', (req, res) => {
  const page = readFileSync(path.join(templates, 'docs.html'), 'utf8');
  const logo = readFileSync(path.join(import.meta.dirname, 'logo.svg'));
  res.send(page + logo);
});
`,
    },
    {
      name: 'express: an ide-only route may read the workspace',
      filename: BASIC,
      code: `
import express from 'express';
import fs from 'node:fs/promises';
import path from 'node:path';
const app = express();
const workspaceRoot = process.env.WORKSPACE_DIR!;
app.get('/api/files/*path', async (req, res) => {
  res.send(await fs.readFile(path.join(workspaceRoot, req.params.path)));
});
`,
    },
    {
      name: 'a one-time read at module top level (startup) is fine',
      filename: BASIC,
      code: `
import express from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const app = express();
const workspaceRoot = process.env.WORKSPACE_DIR!;
const config = readFileSync(path.join(workspaceRoot, 'config.yml'), 'utf8');
app.get('/api/config', (req, res) => res.send(config));
`,
    },
    {
      name: 'a workspace-like name traced to the bundle is not a workspace path',
      filename: BASIC,
      code: `
import express from 'express';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
const app = express();
const repoRoot = resolve(import.meta.dirname, '..');
app.get('/api/config', (req, res) => {
  res.send(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'));
});
`,
    },
    {
      name: 'middleware is not classified by the manifest, so it is out of scope',
      filename: BASIC,
      code: `
import express from 'express';
import { existsSync } from 'node:fs';
const app = express();
const workspaceDir = process.env.WORKSPACE_DIR!;
app.use((req, res, next) => {
  if (!existsSync(workspaceDir)) res.status(503);
  next();
});
`,
    },
    {
      name: 'a route the manifest does not declare is require-route-role territory',
      filename: BASIC,
      code: `
import express from 'express';
import { readdirSync } from 'node:fs';
const app = express();
const workspaceDir = process.env.WORKSPACE_DIR!;
app.get('/api/undeclared', (req, res) => res.json(readdirSync(workspaceDir)));
`,
    },
    {
      name: 'a helper called with a workspace path only at startup',
      filename: BASIC,
      code: `
import express from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const app = express();
const workspaceRoot = process.env.WORKSPACE_DIR!;
function load(dir: string) {
  return readFileSync(path.join(dir, 'index.json'), 'utf8');
}
const index = load(workspaceRoot);
app.get('/api/docs', (req, res) => res.send(load(path.join(__dirname, 'static')) + index));
`,
    },
    {
      name: 'writes are not reads',
      filename: BASIC,
      code: `
import express from 'express';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
const app = express();
const workspaceRoot = process.env.WORKSPACE_DIR!;
app.post('/api/reports', async (req, res) => {
  await writeFile(path.join(workspaceRoot, 'last-report.json'), JSON.stringify(req.body));
  res.end();
});
`,
    },
    {
      name: 'a file that imports no fs module',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
const app = express();
const workspaceRoot = process.env.WORKSPACE_DIR!;
app.get('/x', (req, res) => res.send(workspaceRoot));
`,
    },
  ],
  invalid: [
    {
      name: 'express: fs/promises readFile of path.join(workspaceRoot, ...) in a fleet-ok route',
      filename: BASIC,
      code: `
import express from 'express';
import fs from 'node:fs/promises';
import path from 'node:path';
const app = express();
const workspaceRoot = process.env.WORKSPACE_DIR ?? '/workspace';
app.get('/api/docs', async (req, res) => {
  const file = path.join(workspaceRoot, 'docs', String(req.query.name));
  res.send(await fs.readFile(file, 'utf8'));
});
`,
      errors: [
        {
          messageId: 'fleetOkRoute',
          data: { callee: 'fs.readFile', what: 'a workspace path', source: 'process.env.WORKSPACE_DIR', route: 'GET /api/docs', via: '' },
          line: 9,
          column: 18,
          suggestions: null,
        },
      ],
    },
    {
      name: 'express: a same-module helper receives the workspace path (reported with the chain)',
      filename: BASIC,
      code: `
import express from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const app = express();
declare const config: { workspacePath: string };
function loadDoc(dir: string, name: string) {
  return readFileSync(path.join(dir, name + '.md'), 'utf8');
}
app.get('/api/docs', (req, res) => {
  res.send(loadDoc(config.workspacePath, 'intro'));
});
`,
      errors: [
        {
          messageId: 'fleetOkRoute',
          data: {
            callee: 'readFileSync',
            what: 'a workspace path',
            source: 'config.workspacePath',
            route: 'GET /api/docs',
            via: ' (via `loadDoc`)',
          },
          line: 8,
          column: 10,
          suggestions: null,
        },
      ],
    },
    {
      name: 'express: template literal and existsSync through a let',
      filename: BASIC,
      code: `
import express from 'express';
import { existsSync } from 'fs';
const app = express();
app.get('/api/runs/:id', (req, res) => {
  let marker: string;
  marker = \`\${req.app.locals.workspace.root}/runs/\${req.params.id}.json\`;
  res.json({ exists: existsSync(marker) });
});
`,
      errors: [{ messageId: 'fleetOkRoute', line: 8, column: 22, suggestions: null }],
    },
    {
      name: 'express: require("fs") and destructuring from process.env',
      filename: BASIC,
      code: `
const express = require('express');
const fs = require('node:fs');
const { WORKSPACE_ROOT } = process.env;
const app = express();
app.get('/health', (req, res) => {
  res.json({ ok: fs.statSync(WORKSPACE_ROOT + '/.git').isDirectory() });
});
`,
      errors: [
        {
          messageId: 'fleetOkRoute',
          data: { callee: 'fs.statSync', what: 'a workspace path', source: 'process.env.WORKSPACE_ROOT', route: 'GET /health', via: '' },
          line: 7,
          column: 18,
          suggestions: null,
        },
      ],
    },
    {
      name: 'fastify: readdir of a workspace env var',
      filename: BASIC,
      code: `
import Fastify from 'fastify';
import { promises as fsp } from 'node:fs';
const fastify = Fastify();
fastify.get('/api/runs/:id', async (request) => {
  return fsp.readdir(process.env.WORKSPACE_PATH!);
});
`,
      errors: [{ messageId: 'fleetOkRoute', line: 6, column: 10, suggestions: null }],
    },
    {
      name: 'koa: a member path ctx.state.workspace.root destructured',
      filename: BASIC,
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import { lstat } from 'node:fs/promises';
const app = new Koa();
const router = new Router();
router.get('/users/:id', async (ctx) => {
  const { root } = ctx.state.workspace;
  ctx.body = await lstat(root);
});
app.use(router.routes());
`,
      errors: [
        {
          messageId: 'fleetOkRoute',
          data: { callee: 'lstat', what: 'a workspace path', source: 'ctx.state.workspace.root', route: 'GET /users/{id}', via: '' },
          line: 9,
          column: 20,
          suggestions: null,
        },
      ],
    },
    {
      name: 'hono: getWorkspacePath() joined with node:path',
      filename: BASIC,
      code: `
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
declare function getWorkspacePath(): string;
const app = new Hono();
app.get('/api/config', (c) => c.text(readFileSync(join(getWorkspacePath(), 'config.yml'), 'utf8')));
`,
      errors: [{ messageId: 'fleetOkRoute', line: 7, column: 38, suggestions: null }],
    },
    {
      name: 'nestjs: this.workspacePath in a controller method',
      filename: BASIC,
      code: `
import { Controller, Get, Param } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
@Controller('reports')
export class ReportsController {
  constructor(private readonly workspacePath: string) {}
  @Get(':id')
  get(@Param('id') id: string) {
    return readFile(join(this.workspacePath, 'reports', id + '.json'), 'utf8');
  }
}
`,
      errors: [{ messageId: 'fleetOkRoute', line: 10, column: 12, suggestions: null }],
    },
    {
      name: 'nextjs: fast-glob with cwd set to the workspace in an App Router route',
      filename: 'test/fixtures/routes/basic/app/api/articles/route.ts',
      code: `
import fg from 'fast-glob';
const workspaceDir = process.env.WORKSPACE_DIR!;
export async function GET() {
  const files = await fg('**/*.md', { cwd: workspaceDir });
  return Response.json(files);
}
`,
      errors: [{ messageId: 'fleetOkRoute', line: 5, column: 23, suggestions: null }],
    },
    {
      name: 'globby with an array of workspace patterns',
      filename: BASIC,
      code: `
import express from 'express';
import { globby } from 'globby';
import path from 'node:path';
const app = express();
const repoRoot = process.env.REPO_ROOT!;
app.post('/api/reports', async (req, res) => {
  res.json(await globby([path.posix.join(repoRoot, 'reports/*.json'), '!**/draft-*']));
});
`,
      errors: [{ messageId: 'fleetOkRoute', line: 8, column: 18, suggestions: null }],
    },
    {
      name: 'Bun.file of a workspace path',
      filename: BASIC,
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/api/docs', async (c) => {
  const { workspaceRoot } = c.get('settings');
  return c.text(await Bun.file(workspaceRoot + '/README.md').text());
});
`,
      errors: [{ messageId: 'fleetOkRoute', line: 6, column: 23, suggestions: null }],
    },
    {
      name: 'no manifest: every handler counts, including middleware',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import { readdir } from 'node:fs/promises';
const app = express();
const workspaceDir = process.env.WORKSPACE_DIR!;
app.use(async (req, res, next) => {
  res.locals.files = await readdir(workspaceDir);
  next();
});
`,
      errors: [{ messageId: 'noManifest', line: 7, column: 28, suggestions: null }],
    },
    {
      name: 'no manifest: a route handler, named in the message',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import { createReadStream } from 'node:fs';
import path from 'node:path';
const app = express();
const workspaceRoot = process.env.WORKSPACE_DIR!;
app.get('/download/:name', (req, res) => {
  createReadStream(path.resolve(workspaceRoot, req.params.name)).pipe(res);
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'createReadStream',
            what: 'a workspace path',
            source: 'process.env.WORKSPACE_DIR',
            handler: 'GET /download/:name',
            via: '',
          },
          line: 8,
          column: 3,
          suggestions: null,
        },
      ],
    },
    {
      name: 'serveFiles option: any function of a serve file',
      filename: 'test/fixtures/routes/no-manifest/src/services/docs.ts',
      options: [{ serveFiles: ['test/fixtures/routes/no-manifest/src/services/**'] }],
      code: `
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
export async function readDoc(workspacePath: string, name: string) {
  return readFile(join(workspacePath, 'docs', name), 'utf8');
}
`,
      errors: [{ messageId: 'serveFile', line: 5, column: 10, suggestions: null }],
    },
    {
      name: 'settings.fleet.workspaceSources: a custom identifier and env var',
      filename: NO_MANIFEST,
      settings: { fleet: { workspaceSources: { identifiers: ['wsDir'], env: ['DATA_ROOT'] } } },
      code: `
import express from 'express';
import { readFileSync, existsSync } from 'node:fs';
const app = express();
declare const wsDir: string;
app.get('/a', (req, res) => res.send(readFileSync(wsDir + '/a.txt')));
app.get('/b', (req, res) => res.send(existsSync(process.env.DATA_ROOT + '/b.txt')));
`,
      errors: [
        { messageId: 'noManifest', line: 6, column: 38, suggestions: null },
        { messageId: 'noManifest', line: 7, column: 38, suggestions: null },
      ],
    },
  ],
});
