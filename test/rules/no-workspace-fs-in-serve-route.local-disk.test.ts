// Issue 9 §1: any per-request read of a path that is not provably the app's own bundle (or scratch
// space) is local disk state, whatever its variable is called. Conventions as in
// no-workspace-fs-in-serve-route.test.ts; `NO_MANIFEST` puts every handler in scope.
import { RuleTester } from '@typescript-eslint/rule-tester';
import noWorkspaceFsInServeRoute from '../../rules/no-workspace-fs-in-serve-route.js';
import type { MessageIds, Options } from '../../rules/no-workspace-fs-in-serve-route.js';
import { NO_MANIFEST, useFreshManifestCaches } from './route-fixtures.js';

const rule = noWorkspaceFsInServeRoute as never;

useFreshManifestCaches();

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-workspace-fs-in-serve-route (local disk)', rule, {
  valid: [
    {
      name: 'static-file middleware over the bundle, or over a directory its builder receives from its caller',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import path from 'node:path';
const app = express();
app.get('/health', (req, res) => res.send('ok'));
app.use('/assets', express.static(path.join(__dirname, 'public')));
export function serveAdmin(router: express.Router, options: { outDir: string }) {
  router.use(express.static(options.outDir));
}
`,
    },
    {
      name: 'an fs read passed to a higher-order helper with a bundled path, or with no path (promisify)',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import { readFile } from 'node:fs';
import { promisify } from 'node:util';
import { tryToCatch } from 'try-to-catch';
const app = express();
app.get('/menu/default', async (req, res) => {
  const read = promisify(readFile);
  const [error, text] = await tryToCatch(readFile, new URL('./static/menu.js', import.meta.url));
  res.send(text ?? (await read(new URL('./static/empty.js', import.meta.url))));
});
`,
    },
    {
      name: "a global the package's entry module sets from __dirname is the app's own bundle (audiobookshelf global.appRoot)",
      filename: 'test/fixtures/routes/no-manifest/src/global-app/server/routes.js',
      code: `
const express = require('express');
const path = require('path');
const app = express();
app.get('/', (req, res) => res.sendFile(path.join(global.appRoot, 'client/dist/index.html')));
app.get('/app', (req, res) => res.sendFile(path.join(globalThis.clientDir, 'index.html')));
`,
    },
    {
      name: 'a relative literal is a bundled asset (resolved against the deploy directory)',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import { readFile } from 'node:fs/promises';
const app = express();
app.get('/terms', async (req, res) => res.send(await readFile('content/terms.html', 'utf8')));
`,
    },
    {
      name: "the request's own upload (a temp file the body parser wrote) is scratch space",
      filename: NO_MANIFEST,
      code: `
import Koa from 'koa';
import fs from 'node:fs';
const app = new Koa();
app.use(async (ctx) => {
  const file = ctx.request.files.file;
  ctx.body = fs.createReadStream(file.path);
});
`,
    },
    {
      name: 'settings.fleet.bundleSources declares a path bundle-owned',
      filename: NO_MANIFEST,
      settings: { fleet: { bundleSources: { identifiers: ['templatesDir'], env: ['TEMPLATE_DIR'] } } },
      code: `
import express from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const app = express();
declare const templatesDir: string;
app.get('/a', (req, res) => res.send(readFileSync(path.join(templatesDir, 'a.html'))));
app.get('/b', (req, res) => res.send(readFileSync(path.join(process.env.TEMPLATE_DIR!, 'b.html'))));
`,
    },
    {
      name: "koa-send and Fastify's sendFile rooted in the bundle",
      filename: NO_MANIFEST,
      code: `
import Koa from 'koa';
import send from 'koa-send';
import path from 'node:path';
import Fastify from 'fastify';
const app = new Koa();
app.use(async (ctx) => {
  await send(ctx, ctx.path, { root: path.resolve(__dirname, '../public') });
});
const fastify = Fastify();
fastify.get('/', async (request, reply) => reply.sendFile('index.html'));
`,
    },
    {
      name: 'a project fs wrapper called with a bundle path',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import path from 'node:path';
import { exists } from './lib/file.js';
const app = express();
app.get('/health', (req, res) => res.json({ ok: exists(path.join(__dirname, 'build')) }));
`,
    },
    {
      name: 'download() on something that is not a response is not a read',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
const app = express();
declare const storage: { download(key: string): Promise<Buffer> };
app.get('/f/:key', async (req, res) => res.send(await storage.download(req.params.key)));
`,
    },
  ],
  invalid: [
    {
      name: 'a path read from the database (reported with what it derives from)',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import fs from 'fs-extra';
const app = express();
declare const db: { coverPath(id: string): Promise<string> };
app.get('/items/:id/cover', async (req, res) => {
  const coverPath = await db.coverPath(req.params.id);
  if (!(await fs.pathExists(coverPath))) return res.sendStatus(404);
  res.sendFile(coverPath);
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'fs.pathExists',
            what: 'a local-disk path',
            source: 'db.coverPath(req.params.id)',
            handler: 'GET /items/:id/cover',
            via: '',
          },
          line: 8,
          column: 15,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: {
            callee: 'res.sendFile',
            what: 'a local-disk path',
            source: 'db.coverPath(req.params.id)',
            handler: 'GET /items/:id/cover',
            via: '',
          },
          line: 9,
          column: 3,
          suggestions: null,
        },
      ],
    },
    {
      name: 'a declared directory of unknown origin joined with a query field',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import { readFile } from 'node:fs/promises';
const app = express();
declare const uploadsDir: string;
app.get('/docs', async (req, res) => {
  res.send(await readFile(uploadsDir + '/' + String(req.query.name)));
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: { callee: 'readFile', what: 'a local-disk path', source: 'uploadsDir', handler: 'GET /docs', via: '' },
          line: 7,
          column: 18,
          suggestions: null,
        },
      ],
    },
    {
      name: 'an environment variable that is not a workspace source, and an absolute literal',
      filename: NO_MANIFEST,
      code: `
import Fastify from 'fastify';
import { readdirSync, statSync } from 'node:fs';
const fastify = Fastify();
fastify.get('/backups', async () => readdirSync(process.env.STORAGE_DIR!));
fastify.get('/db-size', async () => statSync('/var/lib/app/app.db').size);
`,
      errors: [
        {
          messageId: 'noManifest',
          data: { callee: 'readdirSync', what: 'a local-disk path', source: 'process.env.STORAGE_DIR', handler: 'GET /backups', via: '' },
          line: 5,
          column: 37,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: { callee: 'statSync', what: 'a local-disk path', source: "'/var/lib/app/app.db'", handler: 'GET /db-size', via: '' },
          line: 6,
          column: 37,
          suggestions: null,
        },
      ],
    },
    {
      name: "Fastify's sendFile with a root from the app's config, and Express download of a request field",
      filename: NO_MANIFEST,
      code: `
import Fastify from 'fastify';
import express from 'express';
import path from 'node:path';
const fastify = Fastify();
declare const config: { UPLOAD_DIRNAME: string };
fastify.get('/:name/image', async (request, reply) => reply.sendFile(request.params.name, path.join(config.UPLOAD_DIRNAME, 'tasks')));
const app = express();
app.get('/backup', (req, res) => res.download(req.body.path));
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'reply.sendFile',
            what: 'a local-disk path',
            source: 'config.UPLOAD_DIRNAME',
            handler: 'GET /:name/image',
            via: '',
          },
          line: 7,
          column: 55,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: { callee: 'res.download', what: 'a local-disk path', source: 'req.body.path', handler: 'GET /backup', via: '' },
          line: 9,
          column: 34,
          suggestions: null,
        },
      ],
    },
    {
      name: 'koa-send rooted in a configured storage directory',
      filename: NO_MANIFEST,
      code: `
import Koa from 'koa';
import send from 'koa-send';
const app = new Koa();
declare const settings: { storageRoot: string };
app.use(async (ctx) => {
  await send(ctx, ctx.path, { root: settings.storageRoot });
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: { callee: 'send', what: 'a local-disk path', source: 'settings.storageRoot', handler: 'middleware app.ts:6', via: '' },
          line: 7,
          column: 9,
          suggestions: null,
        },
      ],
    },
    {
      name: 'reads through fs wrappers in a project module (function, object method, wrapper of a wrapper)',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import { exists, file, readIndex } from './lib/file.js';
const app = express();
declare const libraryDir: string;
app.get('/a', (req, res) => res.json(exists(libraryDir)));
app.get('/b', async (req, res) => res.send(await file.read(libraryDir, String(req.query.name))));
app.get('/c', (req, res) => res.send(readIndex(libraryDir)));
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'exists → fs.existsSync in ./lib/file.js',
            what: 'a local-disk path',
            source: 'libraryDir',
            handler: 'GET /a',
            via: '',
          },
          line: 6,
          column: 38,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: {
            callee: 'file.read → readFile in ./lib/file.js',
            what: 'a local-disk path',
            source: 'libraryDir',
            handler: 'GET /b',
            via: '',
          },
          line: 7,
          column: 50,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: {
            callee: 'readIndex → readText in ./lib/file.js',
            what: 'a local-disk path',
            source: 'libraryDir',
            handler: 'GET /c',
            via: '',
          },
          line: 8,
          column: 38,
          suggestions: null,
        },
      ],
    },
    {
      name: 'a global the entry module sets from the environment is local disk state',
      filename: 'test/fixtures/routes/no-manifest/src/global-app/server/routes.js',
      code: `
const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
app.get('/data', (req, res) => res.send(fs.readFileSync(path.join(global.dataDir, 'x.json'))));
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'fs.readFileSync',
            what: 'a local-disk path',
            source: 'global.dataDir',
            handler: 'GET /data',
            via: '',
          },
          line: 6,
          column: 41,
          suggestions: null,
        },
      ],
    },
    {
      name: 'methods of an exported storage instance chosen by configuration, whose class reads the disk (outline FileStorage)',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import FileStorage from './storage/index.js';
import type LocalStorage from './storage/local-storage.js';
const app = express();
app.get('/files/:key', async (req, res) => {
  const stats = await (FileStorage as unknown as LocalStorage).stat(req.params.key);
  res.set('Content-Length', String(stats.size));
  res.send(await FileStorage.url(req.params.key));
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: '(FileStorage as unknown as LocalStora... → fs.promises.stat in ./storage/index.js',
            what: 'a local-disk path',
            source: 'req.params.key',
            handler: 'GET /files/:key',
            via: '',
          },
          line: 7,
          column: 23,
          suggestions: null,
        },
      ],
    },
    {
      name: 'an fs read passed to a higher-order helper with the path after it is a read (cloudcmd tryToCatch(readFile, p))',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { tryToCatch } from 'try-to-catch';
const app = express();
declare const menuDir: string;
app.get('/menu', async (req, res) => {
  const [error, text] = await tryToCatch(readFile, path.join(menuDir, 'menu.js'), 'utf8');
  res.send(error ? '' : text);
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: { callee: 'readFile', what: 'a local-disk path', source: 'menuDir', handler: 'GET /menu', via: '' },
          line: 9,
          column: 31,
          suggestions: null,
        },
      ],
    },
    {
      name: 'find-up searches upwards from its cwd option: a static import, a dynamic import, and through tryToCatch (cloudcmd user menu)',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import path from 'node:path';
import { findUp as findMenu } from 'find-up';
import { packageUp } from 'package-up';
import { tryToCatch } from 'try-to-catch';
const app = express();
declare const root: string;
app.get('/menu', async (req, res) => {
  const { findUp } = await import('find-up');
  const cwd = path.join(root, String(req.query.dir));
  const menu = await findUp(['.menu.js'], { cwd });
  const [error, again] = await tryToCatch(findMenu, ['.menu.js'], { cwd });
  const pkg = await packageUp({ cwd });
  const own = await findMenu('package.json');
  res.send({ menu, again, error, pkg, own });
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: { callee: 'findUp', what: 'a local-disk path', source: 'root', handler: 'GET /menu', via: '' },
          line: 12,
          column: 22,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: { callee: 'findMenu', what: 'a local-disk path', source: 'root', handler: 'GET /menu', via: '' },
          line: 13,
          column: 32,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: { callee: 'packageUp', what: 'a local-disk path', source: 'root', handler: 'GET /menu', via: '' },
          line: 14,
          column: 21,
          suggestions: null,
        },
      ],
    },
    {
      name: 'static-file middleware over an uploads directory, and a copy of the SQLite file per request (uptime-kuma)',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import serveStatic from 'serve-static';
import fs from 'node:fs';
import { Database } from './database';
const app = express();
app.use('/upload', express.static(Database.uploadDir));
app.use('/shots', serveStatic(Database.screenshotDir));
app.get('/snapshot', (req, res) => {
  fs.cpSync(Database.sqlitePath, Database.sqlitePath + '.bak');
  res.send('ok');
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'express.static',
            what: 'a local-disk path',
            source: 'Database.uploadDir',
            handler: 'static files middleware express.static()',
            via: '',
          },
          line: 7,
          column: 20,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: {
            callee: 'serveStatic',
            what: 'a local-disk path',
            source: 'Database.screenshotDir',
            handler: 'static files middleware serveStatic()',
            via: '',
          },
          line: 8,
          column: 19,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: { callee: 'fs.cpSync', what: 'a local-disk path', source: 'Database.sqlitePath', handler: 'GET /snapshot', via: '' },
          line: 10,
          column: 3,
          suggestions: null,
        },
      ],
    },
    {
      name: 'a directory archived per request through a project wrapper of (vendored) archiver is a read',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import zip from './lib/zip.cjs';
const app = express();
declare const itemDir: string;
app.get('/download', async (req, res) => {
  zip.zipText('hello', res);
  await zip.zipDirectoryPipe(itemDir, 'item.zip', res);
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'zip.zipDirectoryPipe → archive.directory in ./lib/zip.cjs',
            what: 'a local-disk path',
            source: 'itemDir',
            handler: 'GET /download',
            via: '',
          },
          line: 8,
          column: 9,
          suggestions: null,
        },
      ],
    },
    {
      name: 'a copy of fs-extra vendored into the project is an fs module',
      filename: NO_MANIFEST,
      code: `
const express = require('express');
const fs = require('../libs/fsExtra');
const app = express();
app.get('/hls/:file', async (req, res) => {
  if (!(await fs.pathExists(req.query.dir + req.params.file))) return res.sendStatus(404);
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: { callee: 'fs.pathExists', what: 'a local-disk path', source: 'req.query.dir', handler: 'GET /hls/:file', via: '' },
          line: 6,
          column: 15,
          suggestions: null,
        },
      ],
    },
  ],
});
