/**
 * The executor test for a project that tests with `node:test`: the same three cases as the
 * vitest/jest test (the moved call runs; a failing call fails the attempt; enqueue is idempotent
 * per key), with `mock.module` standing in for the moved call's module. Module mocks are still
 * behind `--experimental-test-module-mocks` in Node 24; the file's first lines say so.
 */
import { sample } from './executor-test-source.js';
import type { ExecutorTestInput } from './executor-test-source.js';

/** The named import the test mocks: `import { imported as local } from '…'`. */
export interface MockedNamedImport {
  readonly imported: string;
  readonly local: string;
}

/** The mocked named import of `line` when the moved call is that binding itself; else undefined. */
export function mockedNamedImport(line: string, callee: string): MockedNamedImport | undefined {
  const match = /^import \{ ([\w$]+)(?: as ([\w$]+))? \} from '[^']+';$/.exec(line);
  if (!match) return undefined;
  const named = { imported: match[1]!, local: match[2] ?? match[1]! };
  return named.local === callee ? named : undefined;
}

/** The test file's text. */
export function executorNodeTestSource(input: ExecutorTestInput, mocked: MockedNamedImport): string {
  const payload = `{ ${input.payload
    .filter((field) => !field.optional)
    .map((field) => `${field.name}: ${sample(field.shape, field.name)}`)
    .join(', ')} }`;
  const fn = mocked.local;
  return [
    '// Created by `fleet codemod spawn-to-taskspec`. Yours to edit: the codemod never overwrites it.',
    '// Run with `node --test --experimental-test-module-mocks` (module mocks are flagged in Node 24).',
    "import assert from 'node:assert/strict';",
    "import { before, describe, it, mock } from 'node:test';",
    "import { createSqliteStore, enqueue } from 'fleet-runtime';",
    "import type { JsonValue, StepResult, TaskContext } from 'fleet-runtime';",
    `import { ${input.tasksBinding} } from '${input.tasksSpecifier}';`,
    `import type { ${input.binding} as Executor } from '${input.executorSpecifier}';`,
    '',
    `const ${fn} = mock.fn(async (..._args: unknown[]): Promise<unknown> => undefined);`,
    `mock.module('${input.mockedSpecifier}', { namedExports: { ${mocked.imported === fn ? fn : `${mocked.imported}: ${fn}`} } });`,
    'let executor: typeof Executor;',
    'before(async () => {',
    `  ({ ${input.binding}: executor } = await import('${input.executorSpecifier}'));`,
    '});',
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
    `    ${fn}.mock.resetCalls();`,
    '    await executor(payload, ctx);',
    `    assert.equal(${fn}.mock.callCount(), 1);`,
    '  });',
    '',
    "  it('fails the attempt when the work fails, so the worker retries it', async () => {",
    `    ${fn}.mock.mockImplementationOnce(async () => { throw new Error('upstream down'); });`,
    '    await assert.rejects(Promise.resolve().then(() => executor(payload, ctx)), /upstream down/);',
    '  });',
    '',
    "  it('enqueues once per idempotency key', async () => {",
    "    const store = await createSqliteStore({ path: ':memory:' });",
    '    await store.migrate();',
    '    try {',
    `      const first = await enqueue(${input.tasksBinding}.${input.variant}(payload), { key: 'same-work', store });`,
    `      const second = await enqueue(${input.tasksBinding}.${input.variant}(payload), { key: 'same-work', store });`,
    '      assert.equal(second, first);',
    '    } finally {',
    '      await store.close();',
    '    }',
    '  });',
    '});',
    '',
  ].join('\n');
}
