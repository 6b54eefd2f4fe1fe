// Every ```ts ❌ example of docs/rules/no-codemod-bailout.md must be reported, every ✅ one not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import parser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-codemod-bailout.js';

const doc = readFileSync(join(import.meta.dirname, '../../docs/rules/no-codemod-bailout.md'), 'utf8');
const examples = [...doc.matchAll(/^```ts (❌|✅)\n([\s\S]*?)^```$/gm)].map((match) => ({
  verdict: match[1]!,
  code: match[2]!,
  line: doc.slice(0, match.index).split('\n').length,
}));
const plugin = { rules: { 'no-codemod-bailout': rule } } as unknown as TSESLint.FlatConfig.Plugin;

function ruleIds(code: string): (string | null)[] {
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: parser as unknown as Linter.Parser },
      plugins: { fleet: plugin as never },
      rules: { 'fleet/no-codemod-bailout': 'error' },
    },
  ];
  return new Linter({ configType: 'flat' }).verify(code, config, 'src/app.ts').map((message) => message.ruleId);
}

describe('docs/rules/no-codemod-bailout.md', () => {
  it('has both kinds of examples', () => {
    expect(examples.filter((example) => example.verdict === '❌')).toHaveLength(2);
    expect(examples.filter((example) => example.verdict === '✅')).toHaveLength(2);
  });

  it.each(examples.filter((example) => example.verdict === '❌'))('❌ example at line $line is reported', ({ code }) => {
    expect(ruleIds(code)).toEqual(['fleet/no-codemod-bailout']);
  });

  it.each(examples.filter((example) => example.verdict === '✅'))('✅ example at line $line is not reported', ({ code }) => {
    expect(ruleIds(code)).toEqual([]);
  });
});
