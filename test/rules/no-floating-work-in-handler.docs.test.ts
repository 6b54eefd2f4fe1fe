// Every example in the rule's doc is linted: a ```ts ❌ block must be reported by the rule, a
// ```ts ✅ block must not. `filename=<path>` in the fence sets the file name (Next.js routes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import parser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-floating-work-in-handler.js';

interface Example {
  readonly verdict: '❌' | '✅';
  readonly filename: string;
  readonly code: string;
  readonly line: number;
}

const docPath = join(import.meta.dirname, '../../docs/rules/no-floating-work-in-handler.md');
const doc = readFileSync(docPath, 'utf8');
const FENCE = /^```ts (❌|✅)(?: filename=(\S+))?\n([\s\S]*?)^```$/gm;

const examples: Example[] = [...doc.matchAll(FENCE)].map((match) => ({
  verdict: match[1] as Example['verdict'],
  filename: match[2] ?? 'src/app.ts',
  code: match[3] ?? '',
  line: doc.slice(0, match.index).split('\n').length,
}));

const plugin = { rules: { 'no-floating-work-in-handler': rule } } as unknown as TSESLint.FlatConfig.Plugin;

function lint(example: Example): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: parser as unknown as Linter.Parser },
        plugins: { fleet: plugin as never },
        rules: { 'fleet/no-floating-work-in-handler': 'error' },
      },
    ],
    example.filename,
  );
}

describe('docs/rules/no-floating-work-in-handler.md', () => {
  it('has both kinds of examples', () => {
    expect(examples.filter((e) => e.verdict === '❌').length).toBeGreaterThan(5);
    expect(examples.filter((e) => e.verdict === '✅').length).toBeGreaterThan(5);
  });

  it.each(examples.filter((e) => e.verdict === '❌'))('❌ example at line $line is reported', (example) => {
    const messages = lint(example);
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toContain('fleet/no-floating-work-in-handler');
  });

  it.each(examples.filter((e) => e.verdict === '✅'))('✅ example at line $line is not reported', (example) => {
    expect(lint(example)).toEqual([]);
  });
});
