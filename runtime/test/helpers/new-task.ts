import { randomUUID } from 'node:crypto';
import type { NewTask } from '../../src/store.js';

/** A row for store-level tests; override what the test is about. */
export function newTask(overrides: Partial<NewTask> = {}): NewTask {
  return {
    id: randomUUID(),
    name: 'noop',
    payload: { n: 1 },
    key: null,
    tenant: null,
    priority: 0,
    runAt: new Date(Date.now() - 1),
    maxAttempts: 3,
    maxLostLeases: 3,
    schedule: null,
    ...overrides,
  };
}

/** Resolve after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
