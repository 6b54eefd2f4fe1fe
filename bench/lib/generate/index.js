import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDomains } from './domain.js';
import { expressFile } from './frameworks/express.js';
import { fastifyFile } from './frameworks/fastify.js';
import { honoFile } from './frameworks/hono.js';
import { koaFile } from './frameworks/koa.js';
import { nestControllerFile, nestServiceFile } from './frameworks/nest.js';
import { nextRouteFile, pagesApiFile, serverActionsFile } from './frameworks/next.js';
import { modelFile } from './model.js';
import { Random } from './random.js';
import { serviceFile, sharedFiles } from './service.js';
import { frameworkStubs, tsconfig } from './stubs.js';
import { utilFile } from './util.js';

/**
 * Share of handler files per framework (of all files). Models + services + utils make up the
 * rest (~55 %): most files in a real backend are not handlers.
 */
const HANDLER_SHARE = {
  express: 0.08,
  fastify: 0.06,
  koa: 0.05,
  hono: 0.05,
  nest: 0.045,
  'next-route': 0.05,
  'pages-api': 0.04,
  'server-action': 0.04,
};

/**
 * Writes a deterministic synthetic backend into `dir` (emptied first).
 * @param {{ dir: string, files?: number, seed?: number }} options `files` defaults to 2,000
 *   (approximate: rounded per category), `seed` to 42
 * @returns {Promise<{ files: number, lines: number, byCategory: Record<string, number>,
 *   hazards: Record<string, { kind: string, line: number }[]> }>} hazards by relative file path
 */
export async function generateBackend({ dir, files = 2000, seed = 42 }) {
  if (!Number.isInteger(files) || files < 100) {
    throw new Error(`generateBackend: files must be an integer ≥ 100, got ${files}.`);
  }
  const rnd = new Random(seed);
  const count = (share) => Math.max(1, Math.round(files * share));
  const utilCount = count(0.15);
  const handlerTotal = Object.values(HANDLER_SHARE).reduce((a, b) => a + b, 0);
  const domainCount = Math.max(1, Math.round((files * (1 - handlerTotal - 0.15)) / 2));
  const domains = makeDomains(rnd, domainCount, utilCount);
  /** @type {Map<string, import('./writer.js').Writer | string[]>} */
  const out = new Map();
  const byCategory = {};
  const add = (category, rel, content) => {
    if (out.has(rel)) throw new Error(`generateBackend: two files at ${rel}; the domain cycle wrapped within one category.`);
    out.set(rel, content);
    byCategory[category] = (byCategory[category] ?? 0) + 1;
  };
  for (const [rel, lines] of Object.entries(sharedFiles())) add('shared', rel, lines);
  for (let n = 0; n < utilCount; n += 1) add('util', `src/utils/util${n}.ts`, utilFile(rnd, n));
  for (const d of domains) {
    add('model', `src/models/${d.id}.model.ts`, modelFile(d));
    add('service', `src/services/${d.id}.service.ts`, serviceFile(rnd, d));
  }
  // Handler files cycle through the domains, so every framework touches many domains.
  let next = 0;
  const domain = () => domains[next++ % domains.length];
  for (let i = 0; i < count(HANDLER_SHARE.express); i += 1) {
    const d = domain();
    add('express', `src/express/${d.id}.router.ts`, expressFile(rnd, d));
  }
  for (let i = 0; i < count(HANDLER_SHARE.fastify); i += 1) {
    const d = domain();
    add('fastify', `src/fastify/${d.id}.plugin.ts`, fastifyFile(rnd, d));
  }
  for (let i = 0; i < count(HANDLER_SHARE.koa); i += 1) {
    const d = domain();
    add('koa', `src/koa/${d.id}.routes.ts`, koaFile(rnd, d));
  }
  for (let i = 0; i < count(HANDLER_SHARE.hono); i += 1) {
    const d = domain();
    add('hono', `src/hono/${d.id}.app.ts`, honoFile(rnd, d));
  }
  for (let i = 0; i < count(HANDLER_SHARE.nest); i += 1) {
    const d = domain();
    add('nest', `src/nest/${d.id}.controller.ts`, nestControllerFile(rnd, d));
    add('nest-service', `src/nest/${d.id}.service.ts`, nestServiceFile(d));
  }
  for (let i = 0; i < count(HANDLER_SHARE['next-route']); i += 1) {
    const d = domain();
    const item = i % 2 === 1;
    add('next-route', `app/api/${d.plural}${item ? '/[id]' : ''}/route.ts`, nextRouteFile(rnd, d, item));
  }
  for (let i = 0; i < count(HANDLER_SHARE['pages-api']); i += 1) {
    const d = domain();
    add('pages-api', `pages/api/${d.plural}.ts`, pagesApiFile(rnd, d));
  }
  for (let i = 0; i < count(HANDLER_SHARE['server-action']); i += 1) {
    const d = domain();
    add('server-action', `app/${d.plural}/actions.ts`, serverActionsFile(rnd, d));
  }

  for (const [rel, lines] of Object.entries(serverFiles(out))) add('server', rel, lines);

  await rm(dir, { recursive: true, force: true });
  const hazards = {};
  let lines = 0;
  for (const [rel, content] of out) {
    const text = Array.isArray(content) ? `${content.join('\n')}\n` : content.toString();
    if (!Array.isArray(content) && content.hazards.length > 0) hazards[rel] = content.hazards;
    lines += text.split('\n').length - 1;
    await mkdir(path.join(dir, path.dirname(rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  await mkdir(path.join(dir, 'types'), { recursive: true });
  await writeFile(path.join(dir, 'types/frameworks.d.ts'), frameworkStubs);
  await writeFile(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  await writeFile(path.join(dir, 'fleet.routes.yaml'), routeManifest(domains));
  await writeFile(path.join(dir, 'package.json'), '{ "name": "synthetic-backend", "private": true, "type": "module" }\n');
  return { files: out.size, lines, byCategory, hazards };
}

/**
 * The route manifest (`fleet.routes.yaml`) declaring every generated route, so the manifest
 * rules do their real matching work instead of reporting a missing manifest: per domain a
 * fleet-ok entry for the collection and its sub-paths (also under Koa's `/api` prefix), and an
 * ide-only carve-out for exports, which real backends build from workspace files.
 * @param {import('./domain.js').Domain[]} domains
 */
function routeManifest(domains) {
  const lines = ['# Generated by bench/lib/generate: every synthetic route, declared.', 'version: 1', 'routes:'];
  for (const d of domains) {
    for (const prefix of ['', '/api']) {
      lines.push(`  - { method: "*", path: "${prefix}/${d.plural}", role: fleet-ok }`);
      lines.push(`  - { method: "*", path: "${prefix}/${d.plural}/{*rest}", role: fleet-ok }`);
    }
    lines.push(`  - { method: POST, path: "/${d.plural}/{id}/export", role: ide-only, reason: exports are built from workspace files }`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One entry file per framework that mounts every generated router, as a real backend's
 * `app.ts` does; without it no route has a resolvable full path.
 * @param {Map<string, unknown>} out the generated files so far, by relative path
 */
function serverFiles(out) {
  const under = (folder) => [...out.keys()].filter((rel) => rel.startsWith(`src/${folder}/`) && !rel.endsWith('.service.ts'));
  const spec = (rel) => `../${rel.slice('src/'.length).replace(/\.ts$/, '.js')}`;
  const express = under('express');
  const fastify = under('fastify');
  const koa = under('koa');
  const hono = under('hono');
  return {
    'src/servers/express.ts': [
      "import express from 'express';",
      ...express.map((rel, i) => `import { router as r${i} } from '${spec(rel)}';`),
      '',
      'const app = express();',
      ...express.map((_, i) => `app.use(r${i});`),
      '',
      'export default app;',
    ],
    'src/servers/fastify.ts': [
      "import Fastify from 'fastify';",
      ...fastify.map((rel, i) => `import p${i} from '${spec(rel)}';`),
      '',
      'const app = Fastify({ logger: true });',
      ...fastify.map((_, i) => `app.register(p${i});`),
      '',
      'export default app;',
    ],
    'src/servers/koa.ts': [
      "import Koa from 'koa';",
      ...koa.map((rel, i) => `import r${i} from '${spec(rel)}';`),
      '',
      'const app = new Koa();',
      ...koa.map((_, i) => `app.use(r${i}.routes());`),
      '',
      'export default app;',
    ],
    'src/servers/hono.ts': [
      "import { Hono } from 'hono';",
      ...hono.map((rel, i) => `import a${i} from '${spec(rel)}';`),
      '',
      'const app = new Hono();',
      ...hono.map((_, i) => `app.route('/', a${i});`),
      '',
      'export default app;',
    ],
  };
}
