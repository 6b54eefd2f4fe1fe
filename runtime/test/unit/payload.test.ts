import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { backoffDelay, DEFAULT_POLICY, resolvePolicy } from '../../src/policy.js';
import { validatePayload } from '../../src/validate-payload.js';

const TaskSpec = defineTasks({
  SendEmail: { schema: z.object({ to: z.email(), tokenRef: z.string() }) },
  Resize: { name: 'images.resize', schema: v.object({ url: v.string(), width: v.number() }), policy: { attempts: 2 } },
  Anything: { schema: z.any() },
  Login: { schema: z.object({ password: z.string() }), allowSecretLikeKeys: true },
});

describe('defineTasks and payload validation', () => {
  it('builds requests named after the key, or the explicit name, with resolved policies', () => {
    const request = TaskSpec.SendEmail({ to: 'a@example.com', tokenRef: 'vault:smtp' });
    expect(request.definition.name).toBe('SendEmail');
    expect(request.payload).toEqual({ to: 'a@example.com', tokenRef: 'vault:smtp' });
    expect(TaskSpec.Resize.definition.name).toBe('images.resize');
    expect(TaskSpec.Resize.definition.policy).toEqual({ ...DEFAULT_POLICY, attempts: 2 });
  });

  it('accepts zod and valibot validators and reports the failing path', async () => {
    expect(await validatePayload(TaskSpec.SendEmail.definition, { to: 'a@example.com', tokenRef: 'r' })).toEqual({
      to: 'a@example.com',
      tokenRef: 'r',
    });
    await expect(validatePayload(TaskSpec.SendEmail.definition, { to: 'nope', tokenRef: 'r' })).rejects.toThrow(
      /^Invalid payload for task SendEmail: payload\.to: /,
    );
    await expect(validatePayload(TaskSpec.Resize.definition, { url: 'u', width: 'wide' })).rejects.toThrow(/payload\.width: /);
  });

  it('rejects values that do not survive JSON, naming where they are', async () => {
    const definition = TaskSpec.Anything.definition;
    await expect(validatePayload(definition, { items: [{ at: new Date(0) }] })).rejects.toThrow(
      'Task Anything: payload.items[0].at is a Date object, which does not survive JSON; send `date.toISOString()`.',
    );
    await expect(validatePayload(definition, { n: Number.NaN })).rejects.toThrow(
      'Task Anything: payload.n is NaN, which JSON cannot represent; send a finite number or null.',
    );
    await expect(validatePayload(definition, { f: () => 1 })).rejects.toThrow(/payload\.f is a function/);
    await expect(validatePayload(definition, { big: 1n })).rejects.toThrow(/payload\.big is a bigint/);
    await expect(validatePayload(definition, { m: new Map() })).rejects.toThrow(/payload\.m is a Map object/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(validatePayload(definition, cyclic)).rejects.toThrow(/payload\.self refers back/);
    await expect(validatePayload(definition, { u: undefined })).rejects.toThrow(
      'Task Anything: payload.u is undefined, which does not survive JSON; send plain data (strings, numbers, booleans, null, arrays, plain objects).',
    );
    const orphan = Object.create(Object.create(null) as object) as object;
    await expect(validatePayload(definition, { o: orphan })).rejects.toThrow(
      'Task Anything: payload.o is an object with a custom prototype, which does not survive JSON; send its fields as a plain object.',
    );
  });

  it('refuses secret-like string keys but accepts references and opt-outs', async () => {
    const definition = TaskSpec.Anything.definition;
    await expect(validatePayload(definition, { smtp: { apiKey: 'sk-123' } })).rejects.toThrow(
      /payload\.smtp\.apiKey looks like a secret.*`apiKeyRef`/,
    );
    await expect(validatePayload(definition, { access_token: 'abc' })).rejects.toThrow(/looks like a secret/);
    expect(await validatePayload(definition, { tokenRef: 'vault:x', secretId: 's1', tokenCount: 3, passwordHash: 'h' })).toEqual({
      tokenRef: 'vault:x',
      secretId: 's1',
      tokenCount: 3,
      passwordHash: 'h',
    });
    expect(await validatePayload(TaskSpec.Login.definition, { password: 'hunter2' })).toEqual({ password: 'hunter2' });
  });

  it('rejects bad declarations with the task named', () => {
    expect(() => defineTasks({ A: { schema: {} as never } })).toThrow('Task A: `schema` is not a Standard Schema validator');
    expect(() => defineTasks({ A: { schema: z.any(), name: 'x' }, B: { schema: z.any(), name: 'x' } })).toThrow(
      'Tasks A and B share the name "x"',
    );
    expect(() => defineTasks({ A: { schema: z.any(), name: 'has space' } })).toThrow(/name "has space" must be/);
    expect(() => resolvePolicy('A', { attempts: 0 })).toThrow('Task A: policy.attempts is 0; it must be an integer ≥ 1.');
    expect(() => resolvePolicy('A', { leaseMs: 10 })).toThrow(/policy\.leaseMs is 10/);
  });
});

describe('backoffDelay', () => {
  const backoff = { baseMs: 1000, maxMs: 60_000 };
  it('draws from 0 up to an exponential ceiling', () => {
    expect(backoffDelay(1, backoff, () => 0.999)).toBe(999);
    expect(backoffDelay(3, backoff, () => 0.5)).toBe(2000);
    expect(backoffDelay(4, backoff, () => 0)).toBe(0);
  });
  it('caps the ceiling at maxMs', () => {
    expect(backoffDelay(30, backoff, () => 0.5)).toBe(30_000);
  });
});
