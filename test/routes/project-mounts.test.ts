import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { NestPrefixCall } from '../../src/frameworks/nestjs/app-calls.js';
import { clearProjectMountsCache, projectMounts } from '../../src/routes/project-mounts.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'fleet-mounts-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) write(root, name, text);
  return root;
}

function write(root: string, name: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), text);
}

/** `file:line prefix` of every mount of `export` of `file`. */
function mounts(root: string, file: string, name: string): string[] {
  return projectMounts(root)
    .mountsOf(path.join(root, file), name, undefined)
    .map((m) => `${path.relative(root, m.file)}:${m.edge.line} ${m.edge.prefix}`);
}

const ROUTER = "import { Router } from 'express';\nexport const router = Router();\nrouter.get('/:id', (req, res) => { res.end(); });\n";

beforeEach(() => {
  clearProjectMountsCache();
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('projectMounts', () => {
  test('finds mounts in importers, through a barrel re-export, in file order', () => {
    const root = project({
      'src/users.ts': ROUTER,
      'src/routes/index.ts': "export { router as users } from '../users.js';\n",
      'src/app.ts':
        "import express from 'express';\nimport { users } from './routes/index.js';\nconst app = express();\napp.use('/api', users);\n",
      'src/admin.ts':
        "import express from 'express';\nimport { router } from './users';\nexport const admin = express();\n\nadmin.use('/admin/users', router);\n",
      'src/other.ts': "export const path = '/users';\n",
    });
    expect(mounts(root, 'src/users.ts', 'router')).toEqual(['src/admin.ts:5 /admin/users', 'src/app.ts:4 /api']);
  });

  test('reads the NestJS global prefix from the bootstrap file only', () => {
    const root = project({
      'src/main.ts':
        "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n}\n",
      'src/util.ts': 'export const twice = (n: number) => n * 2;\n',
    });
    expect(
      projectMounts(root).appCalls.map(
        ({ file, call }) => `${path.relative(root, file)}:${call.line} ${call.method} ${(call as NestPrefixCall).prefix}`,
      ),
    ).toEqual(['src/main.ts:4 setGlobalPrefix api']);
  });

  test('returns the cached index within a second, and sees an edited prefix after it', () => {
    const root = project({
      'src/users.ts': ROUTER,
      'src/app.ts':
        "import express from 'express';\nimport { router } from './users.js';\nconst app = express();\napp.use('/api', router);\n",
    });
    const first = projectMounts(root);
    expect(mounts(root, 'src/users.ts', 'router')).toEqual(['src/app.ts:4 /api']);
    write(
      root,
      'src/app.ts',
      "import express from 'express';\nimport { router } from './users.js';\nconst app = express();\napp.use('/api/v2', router);\n",
    );
    expect(projectMounts(root)).toBe(first);
    vi.setSystemTime(Date.now() + 1500);
    expect(mounts(root, 'src/users.ts', 'router')).toEqual(['src/app.ts:4 /api/v2']);
  });

  test('keeps the same index when nothing changed on disk', () => {
    const root = project({ 'src/users.ts': ROUTER });
    const first = projectMounts(root);
    vi.setSystemTime(Date.now() + 1500);
    expect(projectMounts(root)).toBe(first);
  });

  test('sees a file created in a directory that held no source file when the index was built', () => {
    const root = project({ 'src/users.ts': ROUTER, 'src/server/README.md': 'the server lives here\n' });
    expect(mounts(root, 'src/users.ts', 'router')).toEqual([]);
    write(
      root,
      'src/server/main.ts',
      "import express from 'express';\nimport { router } from '../users.js';\nconst app = express();\napp.use('/people', router);\n",
    );
    vi.setSystemTime(Date.now() + 1500);
    expect(mounts(root, 'src/users.ts', 'router')).toEqual(['src/server/main.ts:4 /people']);
  });

  test('drops a file a .gitignore edit excludes', () => {
    const root = project({
      '.gitignore': 'tmp/\n',
      'src/users.ts': ROUTER,
      'src/app.ts':
        "import express from 'express';\nimport { router } from './users.js';\nconst app = express();\napp.use('/api', router);\n",
    });
    expect(mounts(root, 'src/users.ts', 'router')).toEqual(['src/app.ts:4 /api']);
    write(root, '.gitignore', 'tmp/\nsrc/app.ts\n');
    vi.setSystemTime(Date.now() + 1500);
    expect(mounts(root, 'src/users.ts', 'router')).toEqual([]);
  });

  test('treats a file whose specifier has a backslash escape as a possible importer of every module', () => {
    const root = project({
      'src/users.ts': ROUTER,
      'src/app.ts':
        "import express from 'express';\nimport { router } from '.\\/users.js';\nconst app = express();\napp.use('/api', router);\n",
    });
    expect(mounts(root, 'src/users.ts', 'router')).toEqual(['src/app.ts:4 /api']);
  });
});
