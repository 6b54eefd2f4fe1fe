/**
 * End to end on a real Express app: copy it, run `fleet codemod spawn-to-taskspec`, compile the
 * result with tsc (must pass), start it on fleet-runtime's embedded SQLite store, call the
 * rewritten routes over HTTP, and see each task reach `done` with its side effect applied; then
 * `fleet scan` finds floating work only at the site the codemod refused.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { compile, copyApp, removeCopies, settledTasks, start, stop } from './e2e-helpers.js';

afterAll(removeCopies);

describe('spawn-to-taskspec on the Express sample app', () => {
  it('rewrites, type-checks, runs the tasks to done, and leaves only the refused site', async () => {
    const app = copyApp('express');
    const run = await runCli(['codemod', 'spawn-to-taskspec', 'src', '--allow-dirty', '--format', 'json'], { cwd: app });
    const report = JSON.parse(run.stdout) as {
      sites: { line: number; action: string; reason?: string; variant?: string }[];
      summary: { rewritten: number; bailed: number };
    };
    expect(report.sites.map((site) => `${site.line} ${site.action} ${site.variant ?? site.reason ?? ''}`)).toEqual([
      '13 rewritten TaskSpec.SendWelcomeEmail',
      '19 rewritten TaskSpec.RecordAudit',
      '25 rewritten TaskSpec.SendReminder',
      '32 bailed forbidden-capture',
    ]);
    // One site bailed and --fail-on defaults to bail.
    expect(run.code).toBe(1);
    expect(existsSync(path.join(app, 'src/executors/send-welcome-email.test.ts'))).toBe(true);

    const compiled = compile(app);
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);

    const database = path.join(app, '.fleet/e2e.db');
    // fleet-runtime creates only its default ./.fleet folder; a path in FLEET_DATABASE_URL must exist.
    mkdirSync(path.dirname(database), { recursive: true });
    const outbox = path.join(app, 'outbox.log');
    const { child, port } = await start(app, 'dist/server.js', { FLEET_DATABASE_URL: `sqlite:${database}`, OUTBOX_FILE: outbox });
    try {
      const post = (route: string, body?: unknown) =>
        fetch(`http://127.0.0.1:${port}${route}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body ?? {}),
        });
      const created = await post('/users', { email: 'ada@example.com' });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      expect((await post('/users/u-7/login')).status).toBe(204);
      expect((await post('/users/u-9/remind')).status).toBe(202);

      const tasks = await settledTasks(database, 3);
      expect(tasks.map((task) => `${task.name} ${task.state}`).sort()).toEqual([
        'RecordAudit done',
        'SendReminder done',
        'SendWelcomeEmail done',
      ]);
      expect(tasks.find((task) => task.name === 'SendWelcomeEmail')?.key).toBe(id);
      expect(readFileSync(outbox, 'utf8').split('\n').filter(Boolean).sort()).toEqual([
        'audit login u-7 web',
        'reminder u-9',
        `welcome ada@example.com ${id}`,
      ]);
    } finally {
      await stop(child);
    }

    const scan = await runCli(['scan', app, '--rule', 'no-floating-work-in-handler', '--format', 'json', '--no-types']);
    const findings = (JSON.parse(scan.stdout) as { filePath: string; messages: { line: number }[] }[]).flatMap((result) =>
      result.messages.map((message) => `${path.relative(app, result.filePath)}:${message.line}`),
    );
    // One line up from before the orphaned-import removal: the rewrite's moved callees' import went with them.
    expect(findings).toEqual(['src/routes/users.ts:31']);
  }, 300_000);
});
