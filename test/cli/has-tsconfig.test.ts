import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTsconfig } from '../../src/cli/has-tsconfig.js';
import { makeProject, runCli } from './helpers.js';

describe('hasTsconfig', () => {
  it('finds a tsconfig.json at the root', () => {
    const root = makeProject({ 'tsconfig.json': '{}', 'src/a.ts': '' });
    expect(hasTsconfig(root, [path.join(root, 'src/a.ts')])).toBe(true);
  });

  it('finds the tsconfig.json of a package in a monorepo whose root has only tsconfig.base.json', () => {
    const root = makeProject({ 'tsconfig.base.json': '{}', 'apps/api/tsconfig.json': '{}', 'apps/api/src/a.ts': '' });
    expect(hasTsconfig(root, [path.join(root, 'apps/api/src/a.ts')])).toBe(true);
  });

  it('answers no when no directory between the root and the files has one', () => {
    const root = makeProject({ 'tsconfig.base.json': '{}', 'apps/api/src/a.ts': '' });
    expect(hasTsconfig(root, [path.join(root, 'apps/api/src/a.ts')])).toBe(false);
  });
});

describe('fleet scan in a monorepo', () => {
  it('uses the packages’ tsconfig.json files when the root has none', async () => {
    const root = makeProject({
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { strict: true } }),
      'apps/api/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }),
      // A handler: a typed scan gives type information to the files that hold handlers.
      'apps/api/src/a.ts': "import express from 'express';\nexpress().get('/', (req, res) => res.end());\n",
    });
    const run = await runCli(['scan', root]);
    expect({ code: run.code, stdout: run.stdout }).toEqual({
      code: 0,
      stdout: 'No Fleet findings: 1 file scanned, 1 with type information.\n',
    });
  });
});
