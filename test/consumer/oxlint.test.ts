/**
 * Fleet's rules under oxlint's ESLint-compatible JS plugin host, as a user installs them: the
 * packed plugin and oxlint from the registry in a fresh project, configured with README.md's
 * `.oxlintrc.json` block, over every sample app in `fixtures/apps`. Its findings must equal
 * ESLint's with README's `recommended` block on the same files. Needs the npm registry.
 */
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmInstall, packAll, repoRoot, run, tempDir, writeProject } from './consumer-project.js';
import { byPosition, findingsOf, readmeConfig } from './readme-config.js';
import type { Finding } from './readme-config.js';

const INSTALL_TIMEOUT = 900_000;
const RUN_TIMEOUT = 300_000;
const apps = readdirSync(path.join(repoRoot, 'fixtures/apps')).sort();

interface OxlintJson {
  readonly diagnostics: readonly {
    readonly code: string;
    readonly filename: string;
    readonly labels: readonly { readonly span: { readonly line: number } }[];
  }[];
}

/** oxlint's JSON diagnostics as findings; only Fleet's (oxlint adds its own default rules). */
function oxlintFindings(json: string): Finding[] {
  const { diagnostics } = JSON.parse(json) as OxlintJson;
  return diagnostics
    .filter((diagnostic) => diagnostic.code.startsWith('fleet('))
    .map((diagnostic) => ({
      file: diagnostic.filename.split(path.sep).join('/'),
      line: diagnostic.labels[0]?.span.line ?? 0,
      rule: diagnostic.code.replace(/^fleet\((.*)\)$/, 'fleet/$1'),
    }))
    .sort(byPosition);
}

describe('oxlint with the README `.oxlintrc.json` agrees with ESLint `recommended` on every sample app', () => {
  const work = tempDir('fleet-oxlint-');
  const root = path.join(work, 'project');
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });
  beforeAll(() => {
    const tarballs = packAll(path.join(work, 'packs'));
    cpSync(path.join(repoRoot, 'fixtures/apps'), path.join(root, 'apps'), { recursive: true });
    writeProject(root, {
      'eslint.config.js': readmeConfig('recommended'),
      '.oxlintrc.json': readmeConfig('oxlintrc', 'json'),
    });
    npmInstall(root, ['oxlint@^1.95', 'eslint@^10', 'typescript@~6.0'], true);
    npmInstall(root, [tarballs.get('eslint-plugin-fleet')!, tarballs.get('fleet-routes')!], true);
  }, INSTALL_TIMEOUT);

  it.each(apps.map((app) => [app]))(
    '%s',
    (app) => {
      const dir = `apps/${app}`;
      const eslint = run('npx', ['eslint', '--format', 'json', dir], root);
      expect(eslint.status, eslint.stderr).toBe(1);
      const oxlint = run('npx', ['oxlint', '--format', 'json', dir], root);
      expect(oxlint.stderr).not.toMatch(/error|exception/i);
      const expected = findingsOf(eslint.stdout, root);
      expect(expected.length).toBeGreaterThan(0);
      expect(oxlintFindings(oxlint.stdout)).toEqual(expected);
    },
    RUN_TIMEOUT,
  );
});
