// Regression cases taken from idioms in real backends (see docs/accuracy.md, "Routes and workspace
// reads"): each valid case is a false positive the rule once reported, each invalid case the
// workspace read that must still be caught next to it. Literal code only, as in the main test file.
import { RuleTester } from '@typescript-eslint/rule-tester';
import noWorkspaceFsInServeRoute from '../../rules/no-workspace-fs-in-serve-route.js';
import type { MessageIds, Options } from '../../rules/no-workspace-fs-in-serve-route.js';
import { BASIC, useFreshManifestCaches } from './route-fixtures.js';

const rule = noWorkspaceFsInServeRoute as never;

const NEXT_ROUTE = 'test/fixtures/routes/basic/app/api/articles/route.ts';

useFreshManifestCaches();

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-workspace-fs-in-serve-route (real-world idioms)', rule, {
  valid: [
    {
      name: 'a per-request scratch checkout from mkdtemp(tmpdir()) named workspaceDir is local to the replica',
      filename: BASIC,
      code: `
import express from 'express';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const app = express();
app.post('/api/reports', async (req, res) => {
  const workspaceDir = await mkdtemp(join(tmpdir(), 'render-'));
  const names = await readdir(workspaceDir);
  res.send(await readFile(join(workspaceDir, names[0]!), 'utf8'));
});
`,
    },
    {
      name: 'fs.mkdtempSync and os.tmpdir() through namespace imports are scratch space too',
      filename: BASIC,
      code: `
import express from 'express';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
const app = express();
app.post('/api/reports', (req, res) => {
  const repoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clone-'));
  res.json(fs.readdirSync(repoDir));
});
`,
    },
    {
      name: 'a repo path under a literal /tmp directory is scratch space',
      filename: BASIC,
      code: `
import express from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
const app = express();
app.get('/api/config', (req, res) => {
  const repoPath = path.join('/tmp/clones', String(req.query.name));
  const checkoutDir = \`/tmp/checkouts/\${String(req.query.name)}\`;
  res.json({ cloned: existsSync(repoPath), checkedOut: existsSync(checkoutDir) });
});
`,
    },
    {
      name: 'next.js: const repoRoot = process.cwd() is the deploy directory, where the content ships',
      filename: NEXT_ROUTE,
      code: `
import { readdir } from 'node:fs/promises';
import path from 'node:path';
export async function GET() {
  const repoRoot = process.cwd();
  return Response.json(await readdir(path.join(repoRoot, 'content', 'articles')));
}
`,
    },
    {
      name: 'a bundle root imported from a project module (paths.ts: REPO_ROOT = path.resolve(here, ..)) is not the workspace',
      filename: BASIC,
      code: `
import express from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, repoDir } from './paths.js';
const app = express();
app.get('/api/config', async (req, res) => {
  const config = await readFile(path.join(REPO_ROOT, 'config', 'defaults.json'), 'utf8');
  res.send(config + (await readFile(path.join(repoDir, 'extra.json'), 'utf8')));
});
`,
    },
    {
      name: 'the same constant through a namespace import',
      filename: BASIC,
      code: `
import express from 'express';
import { readdirSync } from 'node:fs';
import * as paths from './paths.js';
const app = express();
app.get('/api/config', (req, res) => {
  res.json(readdirSync(paths.REPO_ROOT));
});
`,
    },
  ],
  invalid: [
    {
      name: 'a workspace root imported from a project module (paths.ts: workspaceRoot = process.env.WORKSPACE_DIR) is still reported',
      filename: BASIC,
      code: `
import express from 'express';
import { readdir } from 'node:fs/promises';
import { workspaceRoot } from './paths.js';
const app = express();
app.get('/api/config', async (req, res) => {
  res.json(await readdir(workspaceRoot));
});
`,
      errors: [
        {
          messageId: 'fleetOkRoute',
          data: { callee: 'readdir', what: 'a workspace path', source: 'workspaceRoot', route: 'GET /api/config', via: '' },
          line: 7,
          column: 18,
          suggestions: null,
        },
      ],
    },
    {
      name: 'path.resolve(process.cwd(), <workspace>) resolves to the workspace, as path.resolve does',
      filename: BASIC,
      code: `
import express from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
const app = express();
app.get('/api/config', async (req, res) => {
  res.send(await readFile(path.resolve(process.cwd(), process.env.WORKSPACE_DIR!, 'fleet.yml'), 'utf8'));
});
`,
      errors: [
        {
          messageId: 'fleetOkRoute',
          data: { callee: 'readFile', what: 'a workspace path', source: 'process.env.WORKSPACE_DIR', route: 'GET /api/config', via: '' },
          line: 7,
          column: 18,
          suggestions: null,
        },
      ],
    },
    {
      name: 'a variable given a scratch dir on one path and the workspace on another is a workspace path',
      filename: BASIC,
      code: `
import express from 'express';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
const app = express();
declare const settings: { workspaceRoot: string };
app.get('/api/config', async (req, res) => {
  const dir = req.query.preview ? tmpdir() : settings.workspaceRoot;
  res.json(await readdir(dir));
});
`,
      errors: [
        {
          messageId: 'fleetOkRoute',
          data: { callee: 'readdir', what: 'a workspace path', source: 'settings.workspaceRoot', route: 'GET /api/config', via: '' },
          line: 9,
          column: 18,
          suggestions: null,
        },
      ],
    },
  ],
});
