// Every import form binds one thing, for the handler model, the route facts and the module
// summaries alike (`src/modules/import-forms.ts`): here through the route facts and `fleet routes`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { localImports } from '../../src/routes/module-facts/imports.js';
import { clearProjectMountsCache } from '../../src/routes/project-mounts.js';
import { projectRoutes } from '../../src/routes/project-routes.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  clearProjectMountsCache();
});

function imports(text: string): Record<string, string> {
  const program = parse(text, { range: true, loc: true });
  return Object.fromEntries([...localImports(program)].map(([local, from]) => [local, `${from.specifier}#${from.name}`]));
}

function routes(files: Readonly<Record<string, string>>): string[] {
  const root = mkdtempSync(path.join(tmpdir(), 'fleet-import-forms-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return projectRoutes(root).routes.map((r) => `${r.methods.join(',')} ${r.pattern ?? `? ${r.rawPath}`} ${r.file}:${r.line}`);
}

const USERS_CJS =
  "const express = require('express');\nconst router = express.Router();\nrouter.get('/:id', (req, res) => res.json({}));\nmodule.exports = router;\n";

describe('one meaning per import form', () => {
  test('the whole module: require, import-equals, await import and a namespace import all bind *', () => {
    expect(
      imports(
        "import * as ns from 'a';\nimport eq = require('b');\nconst r = require('c');\nconst d = await import('d');\nconst t = require(`e`);\n",
      ),
    ).toEqual({ ns: 'a#*', eq: 'b#*', r: 'c#*', d: 'd#*', t: 'e#*' });
  });

  test('a default import binds default; a name, a destructured name or a member binds that export', () => {
    expect(imports("import x from 'a';\nimport { b as y } from 'b';\nconst { c: z } = require('c');\nconst w = require('d').e;\n")).toEqual(
      {
        x: 'a#default',
        y: 'b#b',
        z: 'c#c',
        w: 'd#e',
      },
    );
  });

  test('a CommonJS router mounted through require(), import-equals or a whole-module binding gets the prefix', () => {
    const app = (line: string) => `const express = require('express');\n${line}\nconst app = express();\napp.use('/users', users);\n`;
    expect(routes({ 'src/users.js': USERS_CJS, 'src/app.js': app("const users = require('./users');") })).toEqual([
      'GET /users/{id} src/users.js:3',
    ]);
    expect(routes({ 'src/users.js': USERS_CJS, 'src/app.ts': app("import users = require('./users');") })).toEqual([
      'GET /users/{id} src/users.js:3',
    ]);
    expect(
      routes({
        'src/users.js': USERS_CJS,
        'src/app.js': "const express = require('express');\nconst app = express();\napp.use('/users', require('./users'));\n",
      }),
    ).toEqual(['GET /users/{id} src/users.js:3']);
  });
});
