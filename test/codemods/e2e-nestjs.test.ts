/**
 * End to end on a real NestJS app (Express platform, decorators, DI): the call to an imported
 * function is rewritten, the call through `this.pdf` is refused; tsc, run on SQLite, call over
 * HTTP, the task reaches `done`, and `fleet scan` finds only the refused site.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compile, copyApp, floatingWork, migrate, post, removeCopies, serveAndSettle } from './e2e-helpers.js';

afterAll(removeCopies);

describe('spawn-to-taskspec on the NestJS sample app', () => {
  it('rewrites the controller method, type-checks, runs the task to done, and refuses `this`', async () => {
    const app = copyApp('nestjs');
    const run = await migrate(app, 'src');
    expect(run.sites).toEqual([
      'src/invoices/invoices.controller.ts:13 rewritten TaskSpec.SendInvoice',
      'src/invoices/invoices.controller.ts:20 bailed forbidden-capture',
    ]);
    expect(run.code).toBe(1);

    const compiled = compile(app);
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);

    const served = await serveAndSettle(app, 'dist/server.js', 1, async (base) => {
      expect(await post(`${base}/invoices/i-3/send?copies=2`)).toBe(202);
    });
    expect(served.tasks.map((task) => `${task.name} ${task.state} ${task.key ?? ''}`)).toEqual(['SendInvoice done i-3']);
    expect(served.outbox).toEqual(['invoice i-3 x2']);

    // Line 20 before the codemod; its two added imports and the removed `sendInvoice` import (only the moved call used it) move it to 21.
    expect(await floatingWork(app)).toEqual(['src/invoices/invoices.controller.ts:21']);
  }, 300_000);
});
