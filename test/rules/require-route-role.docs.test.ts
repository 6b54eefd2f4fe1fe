// Every example in the rule's doc is linted: a ```ts ❌ block must be reported by the rule, a
// ```ts ✅ block must not. The doc's ```yaml manifest is written to a temporary project and every
// example is linted inside it; `filename=<path>` sets the file name, `no-manifest` lints the
// example in a project without a manifest.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import parser from '@typescript-eslint/parser';
import { clearManifestCache } from 'fleet-routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/require-route-role.js';
import { clearManifestLookupCache } from '../../src/route-manifest.js';

interface Example {
  readonly verdict: '❌' | '✅';
  readonly filename: string;
  readonly manifest: boolean;
  readonly code: string;
  readonly line: number;
}

const docPath = join(import.meta.dirname, '../../docs/rules/require-route-role.md');
const doc = readFileSync(docPath, 'utf8');
const FENCE = /^```ts (❌|✅)((?: [\w=./-]+)*)\n([\s\S]*?)^```$/gm;
const manifest = /^```yaml\n([\s\S]*?)^```$/m.exec(doc)?.[1] ?? '';

const examples: Example[] = [...doc.matchAll(FENCE)].map((match) => {
  const attributes = (match[2] ?? '').trim().split(' ');
  const filename = attributes.find((a) => a.startsWith('filename='))?.slice('filename='.length);
  return {
    verdict: match[1] as Example['verdict'],
    filename: filename ?? 'src/app.ts',
    manifest: !attributes.includes('no-manifest'),
    code: match[3] ?? '',
    line: doc.slice(0, match.index).split('\n').length,
  };
});

const plugin = { rules: { 'require-route-role': rule } } as unknown as TSESLint.FlatConfig.Plugin;
let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fleet-doc-'));
  mkdirSync(join(root, 'with'));
  mkdirSync(join(root, 'without'));
  writeFileSync(join(root, 'with', 'fleet.routes.yaml'), manifest);
  clearManifestCache();
  clearManifestLookupCache();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function lint(example: Example): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: join(root, example.manifest ? 'with' : 'without') });
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: parser as unknown as Linter.Parser },
        plugins: { fleet: plugin as never },
        rules: { 'fleet/require-route-role': 'error' },
      },
    ],
    example.filename,
  );
}

describe('docs/rules/require-route-role.md', () => {
  it('has a manifest and both kinds of examples', () => {
    expect(manifest).toContain('role: ide-only');
    expect(examples.filter((e) => e.verdict === '❌').length).toBeGreaterThan(5);
    expect(examples.filter((e) => e.verdict === '✅').length).toBeGreaterThan(1);
  });

  it.each(examples.filter((e) => e.verdict === '❌'))('❌ example at line $line is reported', (example) => {
    const messages = lint(example);
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toContain('fleet/require-route-role');
  });

  it.each(examples.filter((e) => e.verdict === '✅'))('✅ example at line $line is not reported', (example) => {
    expect(lint(example)).toEqual([]);
  });
});
