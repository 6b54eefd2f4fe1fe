import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ESLint } from 'eslint';
import { makeProject, runCli } from './helpers.js';

const NOTE = 'No fleet.routes.yaml found: route roles were not checked. Create one with `npx fleet routes --init`.\n';

const USERS = `import express from 'express';
const app = express();
app.get('/users', (req, res) => { res.json([]); });
`;
const ORDERS = `import express from 'express';
const app = express();
app.post('/orders', (req, res) => { res.status(201).end(); });
app.listen(3000);
`;

describe('fleet scan without a route manifest', () => {
  it('prints one note on stderr instead of a finding per file with routes', async () => {
    const root = makeProject({ 'src/users.ts': USERS, 'src/orders.ts': ORDERS });
    expect(await runCli(['scan', root])).toEqual({
      code: 0,
      stdout: 'No Fleet findings: 2 files scanned, without type information.\n',
      stderr: NOTE,
    });
  });

  it('keeps --format json pure: the note goes to stderr and no require-route-role message is left', async () => {
    const root = makeProject({ 'src/users.ts': USERS, 'src/orders.ts': ORDERS });
    const run = await runCli(['scan', root, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(NOTE);
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(results.map((result) => [path.relative(root, result.filePath), result.messages.length, result.errorCount])).toEqual([
      [path.join('src', 'orders.ts'), 0, 0],
      [path.join('src', 'users.ts'), 0, 0],
    ]);
  });

  it('says nothing when the project has no routes', async () => {
    const root = makeProject({ 'src/util.ts': 'export const twice = (n: number) => n * 2;\n' });
    expect(await runCli(['scan', root])).toEqual({
      code: 0,
      stdout: 'No Fleet findings: 1 file scanned, without type information.\n',
      stderr: '',
    });
  });

  it('reports every file when --rule require-route-role is given explicitly, without the note', async () => {
    const root = makeProject({ 'src/users.ts': USERS, 'src/orders.ts': ORDERS });
    const run = await runCli(['scan', root, '--rule', 'require-route-role', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(
      results.map((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.messageId}`)),
    ).toEqual([['orders.ts:3 noManifest'], ['users.ts:3 noManifest']]);
  });

  it('checks routes against a manifest found from the scanned directory, with no note', async () => {
    const root = makeProject({
      'fleet.routes.yaml': 'version: 1\nroutes:\n  - { method: GET, path: /users, role: fleet-ok }\n',
      'src/users.ts': USERS,
      'src/orders.ts': ORDERS,
    });
    const run = await runCli(['scan', root, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(
      results.flatMap((result) =>
        result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId} ${message.messageId}`),
      ),
    ).toEqual(['orders.ts:3 fleet/require-route-role undeclared']);
  });

  it('still checks a package that has its own manifest when the scanned root has none', async () => {
    const root = makeProject({
      'packages/api/fleet.routes.yaml': 'version: 1\nroutes:\n  - { method: GET, path: /users, role: fleet-ok }\n',
      'packages/api/src/orders.ts': ORDERS,
      'packages/web/src/users.ts': USERS,
    });
    const run = await runCli(['scan', root, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(NOTE);
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(
      results.flatMap((result) =>
        result.messages.map((message) => `${path.relative(root, result.filePath)}:${message.line} ${message.messageId}`),
      ),
    ).toEqual([`${path.join('packages', 'api', 'src', 'orders.ts')}:3 undeclared`]);
  });
});
