/**
 * End to end on a real Koa app with @koa/router: codemod (a `.catch` mapped to the failure path,
 * a `process.nextTick`, one refused `ctx` capture), tsc, run on SQLite, call over HTTP, tasks
 * reach `done` with their side effects, and `fleet scan` finds only the refused site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, copyApp, floatingWork, migrate, post, removeCopies, serveAndSettle } from './e2e-helpers.js';

afterAll(removeCopies);

describe('spawn-to-taskspec on the Koa sample app', () => {
  it('rewrites, type-checks, runs the tasks to done, and leaves only the refused site', async () => {
    const app = copyApp('koa');
    const run = await migrate(app, 'src');
    expect(run.sites).toEqual([
      'src/routes/orders.ts:9 rewritten TaskSpec.RefundOrder',
      'src/routes/orders.ts:16 rewritten TaskSpec.NotifyCustomer',
      'src/routes/orders.ts:23 bailed forbidden-capture',
    ]);
    expect(run.code).toBe(1);
    expect(readFileSync(path.join(app, 'src/executors/refund-order.ts'), 'utf8')).toContain(
      "await ((error: unknown) => console.error('refund failed', error))(error);",
    );

    const compiled = compile(app);
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);

    const served = await serveAndSettle(app, 'dist/server.js', 2, async (base) => {
      expect(await post(`${base}/orders/o-4/refund`, {}, { 'x-reason': 'damaged' })).toBe(202);
      expect(await post(`${base}/orders/o-5/notify`)).toBe(202);
    });
    expect(served.tasks.map((task) => `${task.name} ${task.state} ${task.key ?? ''}`).sort()).toEqual([
      'NotifyCustomer done o-5',
      'RefundOrder done o-4',
    ]);
    expect(served.outbox).toEqual(['notify o-5', 'refund o-4 damaged']);

    // Line 23 before and after: two added imports, and the three-line `process.nextTick` became one.
    expect(await floatingWork(app)).toEqual(['src/routes/orders.ts:23']);
  }, 300_000);
});
