import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnTs, type Child } from '../helpers/spawn-ts.js';
import { waitFor } from '../helpers/wait-for.js';

const app = fileURLToPath(new URL('../../examples/app.js', import.meta.url));

describe('the example app', () => {
  const children: Child[] = [];
  let dir = '';
  afterEach(() => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 202 with a task id, runs the task, and reports it done', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-example-'));
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const child = spawnTs(app, [], { FLEET_DATABASE_URL: `sqlite:${join(dir, 'fleet.db')}`, PORT: port, FLEET_ROLE: 'all' });
    children.push(child);
    await waitFor('the example to listen', () => child.output().includes('example listening'), 20_000);
    const base = `http://127.0.0.1:${port}`;
    const post = () =>
      fetch(`${base}/reports`, {
        method: 'POST',
        headers: { 'Idempotency-Key': 'r-1' },
        body: JSON.stringify({ reportRef: 'r-1', pages: 2 }),
      });
    const accepted = await post();
    expect(accepted.status).toBe(202);
    const { taskId } = (await accepted.json()) as { taskId: string };
    expect((await (await post()).json()) as { taskId: string }).toMatchObject({ taskId });
    const done = await waitFor(
      'the task to finish',
      async () => {
        const status = (await (await fetch(`${base}/tasks/${taskId}`)).json()) as { state: string };
        return status.state === 'done' ? status : undefined;
      },
      20_000,
    );
    expect(done).toMatchObject({
      state: 'done',
      attempts: 1,
      result: { reportRef: 'r-1', rows: 200, url: '/reports/r-1.pdf' },
      progress: { step: 'render', data: { page: 2, of: 2 } },
    });
    expect((await fetch(`${base}/reports`, { method: 'POST', body: JSON.stringify({ reportRef: 'x', pages: 99 }) })).status).toBe(400);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('fleet_tasks{state="done"} 1');
  });
});
