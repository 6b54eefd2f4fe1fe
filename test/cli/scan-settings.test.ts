// Issue 9 §2: `fleet scan` honours settings.fleet from fleet.config.json or package.json#fleet,
// never executes a JavaScript config, and names the file and key of a bad setting.
import { describe, expect, it } from 'vitest';
import { loadScanSettings } from '../../src/cli/scan-settings.js';
import { makeProject, runCli } from './helpers.js';

const READS_TEMPLATES = `import express from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const app = express();
declare const templatesDir: string;
app.get('/a', (req, res) => res.send(readFileSync(path.join(templatesDir, 'a.html'))));
`;

const WRAPPED_HANDLER = `declare function registerPage(path: string, handler: (req: unknown, res: { end(): void }) => void): void;
registerPage('/report', (req, res) => {
  setTimeout(() => console.log('later'), 10_000);
  res.end();
});
`;

const rulesOf = (stdout: string): string[] =>
  (JSON.parse(stdout) as { messages: { ruleId: string; line: number }[] }[]).flatMap((r) => r.messages.map((m) => `${m.ruleId}:${m.line}`));

describe('fleet scan settings', () => {
  it('reads bundleSources from fleet.config.json (the same read is reported without it)', async () => {
    const without = makeProject({ 'src/app.ts': READS_TEMPLATES });
    expect(rulesOf((await runCli(['scan', without, '--format', 'json'])).stdout)).toEqual(['fleet/no-workspace-fs-in-serve-route:6']);
    const withConfig = makeProject({
      'src/app.ts': READS_TEMPLATES,
      'fleet.config.json': '{ "bundleSources": { "identifiers": ["templatesDir"] } }',
    });
    const run = await runCli(['scan', withConfig, '--format', 'json']);
    expect(rulesOf(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('reads handler declarations from package.json#fleet', async () => {
    const files = { 'src/pages.ts': WRAPPED_HANDLER };
    expect(
      rulesOf(
        (await runCli(['scan', makeProject({ ...files, 'package.json': '{ "fleet": { "heuristics": false } }' }), '--format', 'json']))
          .stdout,
      ),
    ).toEqual([]);
    const root = makeProject({
      ...files,
      'package.json': JSON.stringify({
        name: 'x',
        fleet: { heuristics: false, handlers: [{ callee: 'registerPage', handlerArg: 1, pathArg: 0, method: 'GET' }] },
      }),
    });
    expect(rulesOf((await runCli(['scan', root, '--format', 'json'])).stdout)).toEqual(['fleet/no-floating-work-in-handler:3']);
  });

  it('prefers --config, then fleet.config.json, then package.json#fleet', () => {
    const root = makeProject({
      'fleet.config.json': '{ "queues": ["a.enqueue"] }',
      'package.json': '{ "fleet": { "queues": ["b.enqueue"] } }',
      'ci/fleet.json': '{ "queues": ["c.enqueue"] }',
    });
    expect(loadScanSettings(root)).toEqual({ fleet: { queues: ['a.enqueue'] }, source: 'fleet.config.json', notes: [] });
    expect(loadScanSettings(root, 'ci/fleet.json')).toEqual({ fleet: { queues: ['c.enqueue'] }, source: 'ci/fleet.json', notes: [] });
    const onlyPackage = makeProject({ 'package.json': '{ "fleet": { "queues": ["b.enqueue"] } }' });
    expect(loadScanSettings(onlyPackage).source).toBe('package.json#fleet');
  });

  it('exits 2 naming the file and the key of an invalid setting', async () => {
    const root = makeProject({ 'fleet.config.json': '{ "workspaceSources": { "identifiers": "wsRoot" } }', 'a.ts': 'export {};\n' });
    const run = await runCli(['scan', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fleet.config.json: Invalid settings.fleet.workspaceSources.identifiers: found "wsRoot"');
  });

  it('exits 2 on a fleet.config.json that is not JSON', async () => {
    const run = await runCli(['scan', makeProject({ 'fleet.config.json': '{ queues: [] }', 'a.ts': 'export {};\n' })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fleet.config.json is not valid JSON');
  });

  it('never executes a JavaScript config, and says where to put its settings', async () => {
    const root = makeProject({
      'eslint.config.js': "throw new Error('executed');\nexport default [{ settings: { fleet: { queues: ['x'] } } }];\n",
      'fleet.config.ts': "throw new Error('executed');\n",
      'a.ts': 'export {};\n',
    });
    const run = await runCli(['scan', root]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('fleet scan: fleet.config.ts was not read (a scan never executes configuration code)');
    expect(run.stderr).toContain('fleet scan: eslint.config.js was not read');
  });

  it('reads --config only from JSON', async () => {
    const root = makeProject({ 'fleet.config.js': 'module.exports = {};\n', 'a.ts': 'export {};\n' });
    const run = await runCli(['scan', root, '--config', 'fleet.config.js']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--config fleet.config.js: only JSON is read');
  });
});
