/**
 * End to end on Next.js App Router route handlers (`void` and `after()` from next/server):
 * codemod, tsc, then the compiled handlers are served by the app's own node:http server.ts
 * (a route handler is a function of a web `Request`; `next build` + `next start` would cost
 * minutes of CI for the same call), run on SQLite, tasks reach `done` with their side effects.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compile, copyApp, floatingWork, migrate, post, removeCopies, serveAndSettle } from './e2e-helpers.js';

afterAll(removeCopies);

describe('spawn-to-taskspec on the Next.js sample route handlers', () => {
  it('rewrites `void` and `after()`, type-checks, and runs the tasks to done', async () => {
    const app = copyApp('nextjs');
    const run = await migrate(app, 'app');
    expect(run.sites).toEqual([
      'app/api/orders/[id]/ship/route.ts:6 rewritten TaskSpec.ShipOrder',
      'app/api/posts/[id]/view/route.ts:6 rewritten TaskSpec.RecordView',
    ]);
    expect(run.code).toBe(0);

    const compiled = compile(app);
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);

    const served = await serveAndSettle(app, 'dist/server.js', 2, async (base) => {
      expect(await post(`${base}/api/orders/o-8/ship`, { carrier: 'dhl' })).toBe(202);
      expect(await post(`${base}/api/posts/p-2/view`)).toBe(204);
    });
    expect(served.tasks.map((task) => `${task.name} ${task.state} ${task.key ?? ''}`).sort()).toEqual([
      'RecordView done p-2',
      'ShipOrder done o-8',
    ]);
    expect(served.outbox).toEqual(['ship o-8 dhl', 'view p-2']);

    expect(await floatingWork(app)).toEqual([]);
  }, 300_000);
});
