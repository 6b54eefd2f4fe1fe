import path from 'node:path';
import type { Rule } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lintProject } from '../../src/cli/lint-project.js';
import { makeProject } from './helpers.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** Reports calls to `spawnWork()`; throws on an identifier named `boom` (a rule bug). */
const spawnRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { spawn: 'Do not call `spawnWork()`.' } },
  create: (context) => ({
    CallExpression(node) {
      if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'spawnWork') context.report({ node, messageId: 'spawn' });
    },
    Identifier(node) {
      if (node.name === 'boom') throw new Error('cannot handle boom');
    },
  }),
};

/** Reports once per file whether the parser gave it a TypeScript program. */
const typesRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { typed: 'typed', untyped: 'untyped' } },
  create: (context) => ({
    Program(node) {
      const program = (context.sourceCode.parserServices as { program?: unknown } | undefined)?.program;
      context.report({ node, messageId: program ? 'typed' : 'untyped' });
    },
  }),
};

const rules = { spawn: spawnRule, types: typesRule };

function summarise(root: string, results: Awaited<ReturnType<typeof lintProject>>['results']) {
  return results.map((result) => ({
    file: path.relative(root, result.filePath),
    messages: result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'parse'}${m.fatal ? ' fatal' : ''} ${m.message}`),
  }));
}

describe('lintProject', () => {
  it('reports a rule crash on its file and keeps the findings of the other files in the batch', async () => {
    const root = makeProject({
      'a.ts': 'spawnWork();\n',
      'b.ts': 'const x = 1;\nconst boom = 2;\n',
      'c.ts': 'export function f() {\n  spawnWork();\n}\n',
    });
    const files = ['a.ts', 'b.ts', 'c.ts'].map((file) => path.join(root, file));
    const outcome = await lintProject({ root, files, ruleIds: ['spawn'], types: false, rules });
    expect(summarise(root, outcome.results)).toEqual([
      { file: 'a.ts', messages: ['1:1 fleet/spawn Do not call `spawnWork()`.'] },
      { file: 'b.ts', messages: ['2:7 fleet/spawn fatal Rule `fleet/spawn` crashed on this file: cannot handle boom'] },
      { file: 'c.ts', messages: ['2:3 fleet/spawn Do not call `spawnWork()`.'] },
    ]);
  });

  it('reports a syntax error as a fatal parse message and scans the rest', async () => {
    const root = makeProject({ 'a.ts': 'const = ;\n', 'b.js': 'spawnWork();\n' });
    const files = [path.join(root, 'a.ts'), path.join(root, 'b.js')];
    const outcome = await lintProject({ root, files, ruleIds: ['spawn'], types: false, rules });
    expect(summarise(root, outcome.results)).toEqual([
      { file: 'a.ts', messages: ['1:6 parse fatal Parsing error: Variable declaration expected.'] },
      { file: 'b.js', messages: ['1:1 fleet/spawn Do not call `spawnWork()`.'] },
    ]);
  });

  it('uses type information for files in the tsconfig and falls back to none for the others', async () => {
    const root = makeProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }),
      'src/in.ts': 'export const a = 1;\n',
      'scripts/out.ts': 'export const b = 2;\n',
      'scripts/plain.js': 'export const c = 3;\n',
    });
    const files = ['scripts/out.ts', 'scripts/plain.js', 'src/in.ts'].map((file) => path.join(root, file));
    const outcome = await lintProject({ root, files, ruleIds: ['types'], types: true, rules });
    expect(summarise(root, outcome.results)).toEqual([
      { file: 'scripts/out.ts', messages: ['1:1 fleet/types untyped'] },
      { file: 'scripts/plain.js', messages: ['1:1 fleet/types untyped'] },
      { file: 'src/in.ts', messages: ['1:1 fleet/types typed'] },
    ]);
    expect(outcome.typedFiles).toBe(1);
  });

  it('takes types from given programs instead of the project service; a file in none is linted without them', async () => {
    // No tsconfig at all: only the program can give `src/in.ts` its types.
    const root = makeProject({ 'src/in.ts': 'export const a = 1;\n', 'src/out.ts': 'export const b = 2;\n' });
    const program = ts.createProgram([path.join(root, 'src/in.ts')], { strict: true, noEmit: true });
    const files = ['src/in.ts', 'src/out.ts'].map((file) => path.join(root, file));
    const outcome = await lintProject({ root, files, ruleIds: ['types'], types: true, rules, programs: [program] });
    expect(summarise(root, outcome.results)).toEqual([
      { file: 'src/in.ts', messages: ['1:1 fleet/types typed'] },
      { file: 'src/out.ts', messages: ['1:1 fleet/types untyped'] },
    ]);
    expect(outcome.typedFiles).toBe(1);
  });

  it('builds given programs lazily: a function is called once, when the typed linting starts', async () => {
    const root = makeProject({ 'src/in.ts': 'export const a = 1;\n', 'src/out.ts': 'export const b = 2;\n' });
    const files = ['src/in.ts', 'src/out.ts'].map((file) => path.join(root, file));
    const events: string[] = [];
    const programs = () => {
      events.push('program');
      return [ts.createProgram([path.join(root, 'src/in.ts')], { strict: true, noEmit: true })];
    };
    const outcome = await lintProject({
      root,
      files,
      ruleIds: ['types'],
      types: true,
      rules,
      programs,
      batchSize: 1,
      onProgress: (done, total) => events.push(`${done}/${total}`),
    });
    expect(summarise(root, outcome.results)).toEqual([
      { file: 'src/in.ts', messages: ['1:1 fleet/types typed'] },
      { file: 'src/out.ts', messages: ['1:1 fleet/types untyped'] },
    ]);
    expect(events).toEqual(['program', '1/2', '2/2']);
  });

  it('reports a syntax error once in type-aware mode (after the untyped retry fails too)', async () => {
    const root = makeProject({ 'tsconfig.json': '{}', 'a.ts': 'export const = 1;\n', 'b.ts': 'export const b = 1;\n' });
    const files = [path.join(root, 'a.ts'), path.join(root, 'b.ts')];
    const outcome = await lintProject({ root, files, ruleIds: ['types'], types: true, rules });
    expect(summarise(root, outcome.results)).toEqual([
      { file: 'a.ts', messages: ['1:13 parse fatal Parsing error: Variable declaration expected.'] },
      { file: 'b.ts', messages: ['1:1 fleet/types typed'] },
    ]);
    expect(outcome.typedFiles).toBe(1);
  });

  it('lints without types when asked, even with a tsconfig', async () => {
    const root = makeProject({ 'tsconfig.json': '{}', 'a.ts': 'export const a = 1;\n' });
    const outcome = await lintProject({ root, files: [path.join(root, 'a.ts')], ruleIds: ['types'], types: false, rules });
    expect(summarise(root, outcome.results)).toEqual([{ file: 'a.ts', messages: ['1:1 fleet/types untyped'] }]);
    expect(outcome.typedFiles).toBe(0);
  });

  it('reports progress after every batch', async () => {
    const root = makeProject({ 'a.ts': '', 'b.ts': '', 'c.ts': '' });
    const files = ['a.ts', 'b.ts', 'c.ts'].map((file) => path.join(root, file));
    const calls: string[] = [];
    await lintProject({
      root,
      files,
      ruleIds: [],
      types: false,
      rules,
      batchSize: 2,
      onProgress: (done, total) => calls.push(`${done}/${total}`),
    });
    expect(calls).toEqual(['2/3', '3/3']);
  });

  it('ignores the user’s inline config for rules a scan does not load', async () => {
    const root = makeProject({
      'a.ts':
        '/* eslint no-console: "error", react/jsx-key: "warn" */\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\nspawnWork();\n',
    });
    const outcome = await lintProject({ root, files: [path.join(root, 'a.ts')], ruleIds: ['spawn'], types: false, rules });
    expect(summarise(root, outcome.results)).toEqual([{ file: 'a.ts', messages: ['3:1 fleet/spawn Do not call `spawnWork()`.'] }]);
  });

  it('keeps type information and reports nothing for a legacy /* eslint-env */ comment', async () => {
    const root = makeProject({ 'tsconfig.json': '{}', 'a.ts': '/* eslint-env jest */\nspawnWork();\n' });
    const outcome = await lintProject({ root, files: [path.join(root, 'a.ts')], ruleIds: ['spawn', 'types'], types: true, rules });
    expect(summarise(root, outcome.results)).toEqual([
      { file: 'a.ts', messages: ['1:1 fleet/types typed', '2:1 fleet/spawn Do not call `spawnWork()`.'] },
    ]);
    expect(outcome.typedFiles).toBe(1);
  });

  it('does not warn about a legacy .eslintignore in the scanned directory', async () => {
    const root = makeProject({ '.eslintignore': 'dist\n', 'a.ts': 'spawnWork();\n' });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      await lintProject({ root, files: [path.join(root, 'a.ts')], ruleIds: ['spawn'], types: false, rules });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('ESLintIgnoreWarning');
  });
});
