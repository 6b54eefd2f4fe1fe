import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks, type TaskRequest } from '../../src/define-tasks.js';
import { enqueue, enqueueMany, type EnqueueOptions } from '../../src/enqueue.js';
import { TaskInputError } from '../../src/errors.js';
import type { Store } from '../../src/store.js';
import { storeFactories } from './stores.js';

const TaskSpec = defineTasks({
  Note: { schema: z.looseObject({ text: z.string() }) },
  Small: { schema: z.object({ text: z.string() }), maxPayloadBytes: 100 },
});

// Every store must refuse these with the same TaskInputError and store nothing: PostgreSQL used to
// throw a raw DatabaseError for NUL, SQLite stored them, and `enqueue({})` threw a TypeError.
const refused: { name: string; request: () => TaskRequest; options?: EnqueueOptions; message: RegExp }[] = [
  {
    name: 'NUL in a payload string',
    request: () => TaskSpec.Note({ text: 'a\u0000b' }),
    message: /^Task Note: payload\.text contains a NUL character \(\\u0000\) at index 1, which PostgreSQL cannot store/,
  },
  {
    name: 'lone surrogate in a payload string',
    request: () => TaskSpec.Note({ text: 'x\uD800' }),
    message: /^Task Note: payload\.text contains an unpaired UTF-16 surrogate at index 1/,
  },
  {
    name: 'NUL in a payload key',
    request: () => TaskSpec.Note({ text: 'ok', ['k\u0000']: 1 }),
    message: /^Task Note: payload has a key that contains a NUL character/,
  },
  {
    name: 'NUL in the idempotency key',
    request: () => TaskSpec.Note({ text: 'ok' }),
    options: { key: 'k\u0000' },
    message: /^Task Note: key contains a NUL character/,
  },
  {
    name: 'lone surrogate in the idempotency key',
    request: () => TaskSpec.Note({ text: 'ok' }),
    options: { key: '\uDC00k' },
    message: /^Task Note: key contains an unpaired UTF-16 surrogate at index 0/,
  },
  {
    name: 'NUL in the tenant',
    request: () => TaskSpec.Note({ text: 'ok' }),
    options: { tenant: 't\u0000' },
    message: /^Task Note: tenant contains a NUL character/,
  },
  {
    name: 'fractional priority',
    request: () => TaskSpec.Note({ text: 'ok' }),
    options: { priority: 1.5 },
    message: /^Task Note: priority is 1\.5; it must be an integer/,
  },
  {
    name: 'priority beyond int range',
    request: () => TaskSpec.Note({ text: 'ok' }),
    options: { priority: 2 ** 40 },
    message: /^Task Note: priority is 1099511627776; it must be an integer/,
  },
  {
    name: 'a non-string key',
    request: () => TaskSpec.Note({ text: 'ok' }),
    options: { key: 42 as unknown as string },
    message: /^Task Note: key must be a string, got number\.$/,
  },
  {
    name: 'an empty object instead of a request',
    request: () => ({}) as TaskRequest,
    message:
      /^enqueue expects a task request built by a TaskSpec, e\.g\. `enqueue\(TaskSpec\.SendEmail\(\{ to \}\)\)`; got object without a task definition\.$/,
  },
  {
    name: 'a payload over maxPayloadBytes',
    request: () => TaskSpec.Small({ text: 'x'.repeat(200) }),
    message:
      /^Task Small: payload is 211 bytes of JSON, over the task's limit of 100; store the data elsewhere and pass a reference, or raise `maxPayloadBytes` on the task\.$/,
  },
];

describe.each(storeFactories)('$name store: enqueue input', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
  });
  afterEach(async () => {
    await dispose();
  });

  it.each(refused)('refuses $name with a TaskInputError and stores nothing', async ({ request, options, message }) => {
    const attempt = enqueue(request(), { ...options, store });
    await expect(attempt).rejects.toBeInstanceOf(TaskInputError);
    await expect(attempt).rejects.toThrow(message);
    expect(await store.list()).toEqual([]);
  });

  it('refuses a batch with one bad request and stores none of it', async () => {
    const batch = enqueueMany([TaskSpec.Note({ text: 'fine' }), TaskSpec.Note({ text: '\u0000' })], { store });
    await expect(batch).rejects.toBeInstanceOf(TaskInputError);
    expect(await store.list()).toEqual([]);
  });

  it('stores well-formed text outside the BMP unchanged', async () => {
    const id = await enqueue(TaskSpec.Note({ text: 'emoji 😀 and é' }), { key: 'k😀', tenant: 'tenant-é', store });
    expect(await store.get(id)).toMatchObject({ payload: { text: 'emoji 😀 and é' }, key: 'k😀', tenant: 'tenant-é' });
  });
});
