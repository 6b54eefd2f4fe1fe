/**
 * The editor case: one ESLint instance (as an editor's language server keeps) lints the same file
 * again and again while the user edits the route manifest beside it. Each lint must see the
 * manifest as it is on disk now — declared, undeclared, broken — without restarting ESLint.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'fleet-editor-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const file = path.join(root, 'server.ts');
const manifest = path.join(root, 'fleet.routes.yaml');
writeFileSync(
  file,
  [
    "import express from 'express';",
    'const app = express();',
    "app.get('/health', (req, res) => { res.end(); });",
    "app.post('/reports', (req, res) => { res.end(); });",
    '',
  ].join('\n'),
);

const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as Linter.Config] });

async function roleMessages(): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return result!.messages
    .filter((message) => message.ruleId === 'fleet/require-route-role')
    .map((message) => `${String(message.line)}: ${message.message}`);
}

function writeManifest(lines: readonly string[]): void {
  writeFileSync(manifest, `${lines.join('\n')}\n`);
}

describe('one long-lived ESLint instance follows manifest edits', () => {
  it('reports both routes while only /health is declared', async () => {
    writeManifest(['version: 1', 'routes:', '  - { method: GET, path: /health, role: fleet-ok }']);
    expect(await roleMessages()).toEqual([
      '4: Route `POST /reports` has no role in `fleet.routes.yaml`; declare it `ide-only` or `fleet-ok` there, e.g. with `npx fleet routes --init` (which adds it as `ide-only`, reason `unreviewed`, for you to review).',
    ]);
  });

  it('reports nothing once the manifest declares /reports too', async () => {
    writeManifest([
      'version: 1',
      'routes:',
      '  - { method: GET, path: /health, role: fleet-ok }',
      '  - { method: POST, path: /reports, role: ide-only, reason: builds reports on the workspace disk }',
    ]);
    expect(await roleMessages()).toEqual([]);
  });

  it('reports the broken manifest with its line as soon as it is saved broken', async () => {
    writeManifest(['version: 1', 'routes:', '  - { method: GET, path: /health, role: maybe }']);
    const messages = await roleMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^3: The route manifest is invalid, so the routes of this file cannot be classified: .*fleet\.routes\.yaml:3:/,
    );
  });
});
