// Shared harness for the docs tests of the manifest-backed rules: every example in a rule's doc
// is linted. A ```ts ❌ block must be reported by the rule, a ```ts ✅ block must not. The doc's
// ```yaml manifest is written to a temporary project and every example is linted inside it;
// `filename=<path>` sets the file name, `no-manifest` lints the example in a project without one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import parser from '@typescript-eslint/parser';
import { clearManifestCache } from 'fleet-routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearManifestLookupCache } from '../../src/route-manifest.js';

interface Example {
  readonly verdict: '❌' | '✅';
  readonly filename: string;
  readonly manifest: boolean;
  readonly code: string;
  readonly line: number;
}

/** What a doc must contain at least, so the test cannot pass on an emptied doc. */
export interface DocExpectations {
  readonly manifestContains: string;
  readonly minReported: number;
  readonly minClean: number;
}

const FENCE = /^```ts (❌|✅)((?: [\w=./-]+)*)\n([\s\S]*?)^```$/gm;

function examplesOf(doc: string): Example[] {
  return [...doc.matchAll(FENCE)].map((match) => {
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
}

/** Declares the docs test of rule `id` (its doc is `docs/rules/<id>.md`). */
export function describeDocExamples(id: string, rule: unknown, expectations: DocExpectations): void {
  const doc = readFileSync(join(import.meta.dirname, `../../docs/rules/${id}.md`), 'utf8');
  const manifest = /^```yaml\n([\s\S]*?)^```$/m.exec(doc)?.[1] ?? '';
  const examples = examplesOf(doc);
  const plugin = { rules: { [id]: rule } } as unknown as TSESLint.FlatConfig.Plugin;
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
          rules: { [`fleet/${id}`]: 'error' },
        },
      ],
      example.filename,
    );
  }

  describe(`docs/rules/${id}.md`, () => {
    it('has a manifest and both kinds of examples', () => {
      expect(manifest).toContain(expectations.manifestContains);
      expect(examples.filter((e) => e.verdict === '❌').length).toBeGreaterThanOrEqual(expectations.minReported);
      expect(examples.filter((e) => e.verdict === '✅').length).toBeGreaterThanOrEqual(expectations.minClean);
    });

    it.each(examples.filter((e) => e.verdict === '❌'))('❌ example at line $line is reported', (example) => {
      const messages = lint(example);
      expect(messages.filter((m) => m.fatal === true)).toEqual([]);
      expect(messages.map((m) => m.ruleId)).toContain(`fleet/${id}`);
    });

    it.each(examples.filter((e) => e.verdict === '✅'))('✅ example at line $line is not reported', (example) => {
      expect(lint(example)).toEqual([]);
    });
  });
}
