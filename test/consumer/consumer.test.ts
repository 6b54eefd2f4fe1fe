/**
 * Fleet as a user gets it: the three packages are packed (`npm pack`), installed with their real
 * registry dependencies into fresh projects, configured with the ESLint config blocks copied from
 * README.md, and run with `npx eslint .` and `npx fleet scan`. Needs the npm registry (CI has it).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmInstall, packAll, run, runOk, tempDir, writeProject } from './consumer-project.js';
import { findingsOf, readmeConfig, relativeLinks } from './readme-config.js';

const INSTALL_TIMEOUT = 900_000;
// One lint or scan of a small project: seconds normally, minutes on a loaded 2-core machine.
const RUN_TIMEOUT = 300_000;
const FLOAT = 'fleet/no-floating-work-in-handler';
const FS = 'fleet/no-workspace-fs-in-serve-route';
const ROLE = 'fleet/require-route-role';

const work = tempDir('fleet-consumer-');
let tarballs: Map<string, string>;
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});
beforeAll(() => {
  tarballs = packAll(path.join(work, 'packs'));
}, INSTALL_TIMEOUT);

function tarball(name: string): string {
  const file = tarballs.get(name);
  if (!file) throw new Error(`no tarball for ${name}`);
  return file;
}

function eslint(root: string): ReturnType<typeof findingsOf> {
  const result = run('npx', ['eslint', '--format', 'json', '.'], root);
  // 0 = clean, 1 = findings; 2 = ESLint crashed or the config is broken.
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint exited ${String(result.status)}\n${result.stderr}`);
  return findingsOf(result.stdout, root);
}

const EXPRESS_TS = {
  'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: true }, include: ['src/**/*.ts'] }, null, 2)}\n`,
  'fleet.routes.yaml': [
    'version: 1',
    'routes:',
    '  - { method: POST, path: /users, role: fleet-ok }',
    '  - { method: GET, path: "/files/{*path}", role: fleet-ok }',
    '',
  ].join('\n'),
  'src/mail.ts': [
    'export async function sendWelcome(to: string): Promise<void> {',
    '  await fetch(`https://mail.example.com/send?to=${encodeURIComponent(to)}`);',
    '}',
    '',
  ].join('\n'),
  'src/app.ts': [
    "import { readFile } from 'node:fs/promises';",
    "import path from 'node:path';",
    "import express from 'express';",
    "import { sendWelcome } from './mail.js';",
    '',
    "const workspaceRoot = process.env['WORKSPACE_ROOT'] ?? '/srv/workspace';",
    'const app = express();',
    '',
    "app.post('/users', (req, res) => {",
    '  void sendWelcome(String(req.query.email));',
    "  setTimeout(() => console.log('welcome sent'), 1000);",
    '  res.status(201).end();',
    '});',
    '',
    "app.get('/files/*path', async (req, res) => {",
    "  res.send(await readFile(path.join(workspaceRoot, String(req.params.path)), 'utf8'));",
    '});',
    '',
    "app.get('/health', async (_req, res) => {",
    "  await sendWelcome('ops@example.com');",
    '  res.json({ ok: true });',
    '});',
    '',
    'app.listen(3000);',
    '',
  ].join('\n'),
  'src/legacy.js': [
    "import express from 'express';",
    '',
    'export const legacy = express.Router();',
    "legacy.get('/legacy', (req, res) => {",
    "  fetch('https://audit.example.com/hit');",
    '  res.end();',
    '});',
    '',
  ].join('\n'),
  'src/boot.cjs': [
    "const express = require('express');",
    '',
    'const app = express();',
    "app.get('/cjs', (req, res) => {",
    "  fetch('https://audit.example.com/hit').catch(() => undefined);",
    '  res.end();',
    '});',
    'module.exports = app;',
    '',
  ].join('\n'),
  'src/banner.jsx': ['export const Banner = () => <div className="banner">Fleet</div>;', ''].join('\n'),
};

// Same findings with and without type information: the sample has no hazard that needs types.
const EXPRESS_TS_FINDINGS = [
  { file: 'src/app.ts', line: 10, rule: FLOAT },
  { file: 'src/app.ts', line: 11, rule: FLOAT },
  { file: 'src/app.ts', line: 16, rule: FS },
  { file: 'src/app.ts', line: 19, rule: ROLE },
  { file: 'src/boot.cjs', line: 4, rule: ROLE },
  { file: 'src/boot.cjs', line: 5, rule: FLOAT },
  { file: 'src/legacy.js', line: 4, rule: ROLE },
  { file: 'src/legacy.js', line: 5, rule: FLOAT },
];

describe('a TypeScript Express app on ESLint 10 (README configs)', () => {
  let root: string;
  beforeAll(() => {
    root = path.join(work, 'ts-express');
    mkdirSync(root);
    writeProject(root, EXPRESS_TS);
    npmInstall(root, ['express@^5', '@types/express@^5', 'typescript@~6.0', 'eslint@^10', '@types/node@^24'], true);
    npmInstall(root, [tarball('eslint-plugin-fleet'), tarball('fleet-routes'), tarball('fleet-runtime')], true);
  }, INSTALL_TIMEOUT);

  it(
    'lints every JS and TS file with the `recommended` block',
    () => {
      writeFileSync(path.join(root, 'eslint.config.js'), readmeConfig('recommended'));
      expect(eslint(root)).toEqual(EXPRESS_TS_FINDINGS);
    },
    RUN_TIMEOUT,
  );

  it(
    'lints with type information on TS files and without on JS files with the `recommended-type-checked` block',
    () => {
      writeFileSync(path.join(root, 'eslint.config.js'), readmeConfig('recommended-type-checked'));
      expect(eslint(root)).toEqual(EXPRESS_TS_FINDINGS);
    },
    RUN_TIMEOUT,
  );

  it(
    'runs `npx fleet scan` from the installed package',
    () => {
      const result = run('npx', ['fleet', 'scan', '.'], root);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('src/app.ts');
      expect(result.stdout).toMatch(/no-floating-work-in-handler/);
      const json = run('npx', ['fleet', 'scan', '.', '--format', 'json'], root);
      const floating = findingsOf(json.stdout, root).filter((finding) => finding.rule === FLOAT);
      expect(floating).toEqual(EXPRESS_TS_FINDINGS.filter((finding) => finding.rule === FLOAT));
    },
    RUN_TIMEOUT,
  );
});

describe('a plain JavaScript app on ESLint 9 (README `recommended` block)', () => {
  let root: string;
  beforeAll(() => {
    root = path.join(work, 'js-express');
    mkdirSync(root);
    writeProject(root, {
      'index.js': [
        "import express from 'express';",
        '',
        'const app = express();',
        "app.post('/signup', (req, res) => {",
        "  fetch('https://crm.example.com/lead', { method: 'POST' });",
        '  setImmediate(() => console.log(req.path));',
        '  res.sendStatus(202);',
        '});',
        'app.listen(3000);',
        '',
      ].join('\n'),
      'routes.cjs': [
        "const { Router } = require('express');",
        '',
        'const router = Router();',
        "router.get('/ping', async (req, res) => {",
        "  await fetch('https://status.example.com');",
        "  res.send('pong');",
        '});',
        'module.exports = router;',
        '',
      ].join('\n'),
    });
    npmInstall(root, ['express@^4', 'eslint@^9'], true);
    npmInstall(root, [tarball('eslint-plugin-fleet'), tarball('fleet-routes')], true);
    writeFileSync(path.join(root, 'eslint.config.js'), readmeConfig('recommended'));
  }, INSTALL_TIMEOUT);

  it(
    'reports the floating work and the unclassified routes, and nothing fatal',
    () => {
      expect(eslint(root)).toEqual([
        { file: 'index.js', line: 4, rule: ROLE },
        { file: 'index.js', line: 5, rule: FLOAT },
        { file: 'index.js', line: 6, rule: FLOAT },
        { file: 'routes.cjs', line: 4, rule: ROLE },
      ]);
    },
    RUN_TIMEOUT,
  );

  it(
    'runs on ESLint 9',
    () => {
      expect(runOk('npx', ['eslint', '--version'], root).stdout).toMatch(/^v9\./);
    },
    RUN_TIMEOUT,
  );
});

describe('a project already on typescript-eslint 8.40 and ESLint 9 (README typescript-eslint block)', () => {
  let root: string;
  beforeAll(() => {
    root = path.join(work, 'with-tseslint');
    mkdirSync(root);
    writeProject(root, {
      'tsconfig.json': EXPRESS_TS['tsconfig.json'],
      'src/mail.ts': EXPRESS_TS['src/mail.ts'],
      'src/app.ts': [
        "import express from 'express';",
        "import { sendWelcome } from './mail.js';",
        '',
        'export const app = express();',
        "app.post('/users', async (req, res) => {",
        "  sendWelcome(String(req.query['email'])).catch(() => undefined);",
        '  res.status(201).end();',
        '});',
        '',
      ].join('\n'),
    });
    // The user's existing setup first, then Fleet, as `npm i -D eslint-plugin-fleet` would add it.
    npmInstall(
      root,
      ['typescript-eslint@8.40.0', 'eslint@^9', 'typescript@~5.8', 'express@^5', '@types/express@^5', '@types/node@^24'],
      true,
    );
    npmInstall(root, [tarball('eslint-plugin-fleet'), tarball('fleet-routes')], true);
    writeFileSync(path.join(root, 'eslint.config.js'), readmeConfig('typescript-eslint'));
  }, INSTALL_TIMEOUT);

  it(
    'shares the one copy of @typescript-eslint/* the project already has',
    () => {
      const listed = run(
        'npm',
        ['ls', '--all', '--parseable', '--long', '@typescript-eslint/parser', '@typescript-eslint/utils'],
        root,
      ).stdout;
      const versions = new Set(
        listed
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(':')[1]),
      );
      expect(versions).toEqual(new Set(['@typescript-eslint/parser@8.40.0', '@typescript-eslint/utils@8.40.0']));
    },
    RUN_TIMEOUT,
  );

  it(
    'reports Fleet findings beside typescript-eslint’s, with nothing fatal',
    () => {
      const findings = eslint(root);
      expect(findings.filter((finding) => finding.rule?.startsWith('fatal') === true)).toEqual([]);
      expect(findings.filter((finding) => finding.rule?.startsWith('fleet/') === true)).toEqual([
        { file: 'src/app.ts', line: 5, rule: ROLE },
        { file: 'src/app.ts', line: 6, rule: FLOAT },
      ]);
    },
    RUN_TIMEOUT,
  );
});

describe('the published packages', () => {
  it.each([['eslint-plugin-fleet'], ['fleet-routes'], ['fleet-runtime']])(
    '%s: every relative README link resolves inside the tarball',
    (name) => {
      const unpacked = path.join(work, 'unpacked', name);
      mkdirSync(unpacked, { recursive: true });
      runOk('tar', ['xzf', tarball(name), '-C', unpacked], work);
      const packageRoot = path.join(unpacked, 'package');
      expect(readdirSync(packageRoot)).toContain('README.md');
      const readme = readFileSync(path.join(packageRoot, 'README.md'), 'utf8');
      const broken = relativeLinks(readme).filter((target) => {
        const resolved = path.resolve(packageRoot, target);
        return !resolved.startsWith(packageRoot) || run('test', ['-e', resolved], packageRoot).status !== 0;
      });
      expect(broken).toEqual([]);
    },
    RUN_TIMEOUT,
  );
});
