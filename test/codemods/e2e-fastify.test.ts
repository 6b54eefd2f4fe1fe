/**
 * End to end on a real Fastify app (valibot schemas, executors declared beside `createFleet`):
 * codemod, tsc, run on SQLite, call over HTTP, tasks reach `done` with their side effects.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { compile, copyApp, removeCopies, settledTasks, start, stop } from './e2e-helpers.js';

afterAll(removeCopies);

describe('spawn-to-taskspec on the Fastify sample app', () => {
  it('rewrites with valibot, type-checks, and runs the tasks to done', async () => {
    const app = copyApp('fastify');
    const run = await runCli(['codemod', 'spawn-to-taskspec', 'src', '--allow-dirty', '--format', 'json'], { cwd: app });
    const report = JSON.parse(run.stdout) as { sites: { line: number; action: string; variant?: string }[] };
    expect(report.sites.map((site) => `${site.line} ${site.action} ${site.variant ?? ''}`)).toEqual([
      '8 rewritten TaskSpec.ChargeOrder',
      '14 rewritten TaskSpec.NotifyWarehouse',
    ]);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(app, 'src/tasks.ts'), 'utf8')).toContain(
      'ChargeOrder: { schema: v.object({ orderId: v.string(), amountCents: v.number() }) },',
    );

    const compiled = compile(app);
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);

    const database = path.join(app, '.fleet/e2e.db');
    // fleet-runtime creates only its default ./.fleet folder; a path in FLEET_DATABASE_URL must exist.
    mkdirSync(path.dirname(database), { recursive: true });
    const outbox = path.join(app, 'outbox.log');
    const { child, port } = await start(app, 'dist/server.js', { FLEET_DATABASE_URL: `sqlite:${database}`, OUTBOX_FILE: outbox });
    try {
      const post = (route: string, body: unknown) =>
        fetch(`http://127.0.0.1:${port}${route}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await post('/orders/o-1/charge', { amountCents: 1250 })).status).toBe(202);
      expect((await post('/orders/o-1/ship', {})).status).toBe(202);
      const tasks = await settledTasks(database, 2);
      expect(tasks.map((task) => `${task.name} ${task.state} ${task.key ?? ''}`).sort()).toEqual([
        'ChargeOrder done o-1',
        'NotifyWarehouse done o-1',
      ]);
      expect(readFileSync(outbox, 'utf8').split('\n').filter(Boolean).sort()).toEqual(['charge o-1 1250', 'warehouse o-1']);
    } finally {
      await stop(child);
    }
  }, 300_000);
});
