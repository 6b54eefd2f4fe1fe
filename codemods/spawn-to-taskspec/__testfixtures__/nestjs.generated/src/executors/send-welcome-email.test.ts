// Created by `fleet codemod spawn-to-taskspec`. Yours to edit: the codemod never overwrites it.
import { createSqliteStore, enqueue } from 'fleet-runtime';
import type { JsonValue, StepResult, TaskContext } from 'fleet-runtime';
import { describe, expect, it, vi } from 'vitest';
import { sendWelcomeEmail } from '../services/mail.js';
import { TaskSpec } from '../tasks.js';
import { sendWelcomeEmailTask } from './send-welcome-email.js';

vi.mock('../services/mail.js');

const payload: Parameters<typeof TaskSpec.SendWelcomeEmail>[0] = { email: 'email-1', id: 'id-1' };
// A step runs inline, as on a first attempt; like the worker, a step that returns nothing gives null.
async function step<T extends JsonValue | undefined | void>(_name: string, fn: () => Promise<T> | T): Promise<StepResult<T>> {
  const value: unknown = await fn();
  return (value ?? null) as StepResult<T>;
}
const ctx: TaskContext = { taskId: 'test-task', attempt: 1, maxAttempts: 3, signal: new AbortController().signal, progress: () => Promise.resolve(), step };

describe('TaskSpec.SendWelcomeEmail', () => {
  it('runs the moved work', async () => {
    await sendWelcomeEmailTask(payload, ctx);
    expect(sendWelcomeEmail).toHaveBeenCalled();
  });

  it('fails the attempt when the work fails, so the worker retries it', async () => {
    vi.mocked(sendWelcomeEmail).mockImplementationOnce(() => { throw new Error('upstream down'); });
    await expect(Promise.resolve().then(() => sendWelcomeEmailTask(payload, ctx))).rejects.toThrow('upstream down');
  });

  it('enqueues once per idempotency key', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    await store.migrate();
    try {
      const first = await enqueue(TaskSpec.SendWelcomeEmail(payload), { key: 'same-work', store });
      const second = await enqueue(TaskSpec.SendWelcomeEmail(payload), { key: 'same-work', store });
      expect(second).toBe(first);
    } finally {
      await store.close();
    }
  });
});
