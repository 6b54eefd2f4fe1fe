// Every ```ts ❌ example of docs/rules/no-process-local-schedule.md must be reported, every ✅ one not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import parser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-process-local-schedule.js';

const doc = readFileSync(join(import.meta.dirname, '../../docs/rules/no-process-local-schedule.md'), 'utf8');
const examples = [...doc.matchAll(/^```ts (❌|✅)\n([\s\S]*?)^```$/gm)].map((match) => ({
  verdict: match[1]!,
  code: match[2]!,
  line: doc.slice(0, match.index).split('\n').length,
}));
const plugin = { rules: { 'no-process-local-schedule': rule } } as unknown as TSESLint.FlatConfig.Plugin;

function ruleIds(code: string): (string | null)[] {
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: parser as unknown as Linter.Parser },
      plugins: { fleet: plugin as never },
      rules: { 'fleet/no-process-local-schedule': 'error' },
    },
  ];
  return new Linter({ configType: 'flat' }).verify(code, config, 'src/server.ts').map((message) => message.ruleId);
}

describe('docs/rules/no-process-local-schedule.md', () => {
  it('has both kinds of examples', () => {
    expect(examples.filter((example) => example.verdict === '❌')).toHaveLength(4);
    expect(examples.filter((example) => example.verdict === '✅')).toHaveLength(3);
  });

  it.each(examples.filter((example) => example.verdict === '❌'))('❌ example at line $line is reported', ({ code }) => {
    expect(ruleIds(code)).toEqual(['fleet/no-process-local-schedule']);
  });

  it.each(examples.filter((example) => example.verdict === '✅'))('✅ example at line $line is not reported', ({ code }) => {
    expect(ruleIds(code)).toEqual([]);
  });
});
