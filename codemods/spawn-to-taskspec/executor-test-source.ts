/**
 * The text of a generated executor test for the project's runner (vitest or jest; `node:test` in
 * executor-node-test-source.ts): the happy
 * path (the moved call runs), one failure mode (a failing call fails the attempt, so the worker
 * retries it), and enqueue idempotency on the project's real `TaskSpec` and an in-memory store.
 */
import type { Shape } from './payload-shape.js';

/** Test runners the codemod writes tests for. */
export type Runner = 'vitest' | 'jest' | 'node:test';

/** Inputs of {@link executorTestSource}. */
export interface ExecutorTestInput {
  readonly runner: Runner;
  readonly variant: string;
  readonly binding: string;
  /** Specifiers from the test file. */
  readonly executorSpecifier: string;
  readonly tasksSpecifier: string;
  readonly tasksBinding: string;
  /** The import of the moved call's module (re-pointed to the test), and the call's callee text. */
  readonly mockedImport: string;
  readonly mockedSpecifier: string;
  readonly callee: string;
  readonly payload: readonly { name: string; shape: Shape; optional: boolean }[];
}

/** A sample value of `shape`, as source text. */
export function sample(shape: Shape, name: string): string {
  switch (shape.kind) {
    case 'string':
    case 'any':
      return `'${name}-1'`;
    case 'number':
      return '1';
    case 'boolean':
      return 'true';
    case 'null':
      return 'null';
    case 'literal':
      return typeof shape.value === 'string' ? `'${shape.value}'` : String(shape.value);
    case 'array':
      return `[${sample(shape.of, name)}]`;
    case 'record':
      return `{ key: ${sample(shape.of, name)} }`;
    case 'union':
      return sample(shape.of[0]!, name);
    case 'object':
      return `{ ${shape.fields
        .filter((field) => !field.optional)
        .map(
          (field) =>
            `${/^[A-Za-z_$][\w$]*$/.test(field.name) ? field.name : JSON.stringify(field.name)}: ${sample(field.shape, field.name)}`,
        )
        .join(', ')} }`;
  }
}

/** The test file's text. */
export function executorTestSource(input: ExecutorTestInput): string {
  const mock = input.runner === 'vitest' ? 'vi' : 'jest';
  const globals =
    input.runner === 'vitest'
      ? "import { describe, expect, it, vi } from 'vitest';"
      : "import { describe, expect, it, jest } from '@jest/globals';";
  const payload = `{ ${input.payload
    .filter((field) => !field.optional)
    .map((field) => `${field.name}: ${sample(field.shape, field.name)}`)
    .join(', ')} }`;
  return [
    `// Created by \`fleet codemod spawn-to-taskspec\`. Yours to edit: the codemod never overwrites it.`,
    "import { createSqliteStore, enqueue } from 'fleet-runtime';",
    "import type { JsonValue, StepResult, TaskContext } from 'fleet-runtime';",
    globals,
    input.mockedImport,
    `import { ${input.tasksBinding} } from '${input.tasksSpecifier}';`,
    `import { ${input.binding} } from '${input.executorSpecifier}';`,
    '',
    `${mock}.mock('${input.mockedSpecifier}');`,
    '',
    `const payload: Parameters<typeof ${input.tasksBinding}.${input.variant}>[0] = ${payload};`,
    '// A step runs inline, as on a first attempt; like the worker, a step that returns nothing gives null.',
    'async function step<T extends JsonValue | undefined | void>(_name: string, fn: () => Promise<T> | T): Promise<StepResult<T>> {',
    '  const value: unknown = await fn();',
    '  return (value ?? null) as StepResult<T>;',
    '}',
    "const ctx: TaskContext = { taskId: 'test-task', attempt: 1, maxAttempts: 3, signal: new AbortController().signal, progress: () => Promise.resolve(), step };",
    '',
    `describe('${input.tasksBinding}.${input.variant}', () => {`,
    "  it('runs the moved work', async () => {",
    `    await ${input.binding}(payload, ctx);`,
    `    expect(${input.callee}).toHaveBeenCalled();`,
    '  });',
    '',
    "  it('fails the attempt when the work fails, so the worker retries it', async () => {",
    `    ${mock}.mocked(${input.callee}).mockImplementationOnce(() => { throw new Error('upstream down'); });`,
    `    await expect(Promise.resolve().then(() => ${input.binding}(payload, ctx))).rejects.toThrow('upstream down');`,
    '  });',
    '',
    "  it('enqueues once per idempotency key', async () => {",
    "    const store = await createSqliteStore({ path: ':memory:' });",
    '    await store.migrate();',
    '    try {',
    `      const first = await enqueue(${input.tasksBinding}.${input.variant}(payload), { key: 'same-work', store });`,
    `      const second = await enqueue(${input.tasksBinding}.${input.variant}(payload), { key: 'same-work', store });`,
    '      expect(second).toBe(first);',
    '    } finally {',
    '      await store.close();',
    '    }',
    '  });',
    '});',
    '',
  ].join('\n');
}
