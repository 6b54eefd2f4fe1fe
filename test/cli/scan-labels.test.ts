import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from './helpers.js';

describe('fleet scan messages name the full route path', () => {
  it('labels a handler of a router mounted in another module with the mount prefix, as `fleet routes` does', async () => {
    const root = makeProject({
      'package.json': '{ "name": "reports-app" }\n',
      'src/reports.ts':
        "import { Router } from 'express';\nimport { render } from './render';\nexport const reports = Router();\nreports.post('/', (req, res) => {\n  void render(req.body);\n  res.status(202).end();\n});\n",
      'src/render.ts': 'export async function render(body: unknown) { return body; }\n',
      'src/app.ts':
        "import express from 'express';\nimport { reports } from './reports';\nconst app = express();\napp.use('/reports', reports);\napp.listen(3000);\n",
    });
    const scan = await runCli(['scan', root]);
    expect(scan.stdout).toContain('in handler `POST /reports`');
    const routes = await runCli(['routes', root]);
    expect(routes.stdout).toMatch(/^POST +\/reports +.*src\/reports.ts:4/m);
  });
});
