import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store.js';
import { createPostgresStore } from '../src/stores/postgres/index.js';
import { newTask } from './pg-helpers.js';
import { startPrivateServer, type PrivateServer } from './pg-private-server.js';
import { killAllPgProcesses, spawnPgProcess } from './pg-spawn.js';

// A PostgreSQL restart in the middle of a run. The test starts its own server (initdb in a temp
// folder, a free port) so that restarting it cannot break the other test files that share the
// CI server at the same moment.
let server: PrivateServer;
let store: Store;
const schema = 'fleet_restart';

beforeAll(async () => {
  server = await startPrivateServer();
  store = await createPostgresStore({ url: server.url, schema, logger: () => undefined });
  await store.migrate();
}, 120_000);
afterAll(async () => {
  killAllPgProcesses();
  await store.close().catch(() => undefined);
  server.destroy();
});

describe('PostgreSQL restarted during a run', () => {
  it('keeps the worker process alive: it says it is reconnecting, reconnects and completes every task', async () => {
    const tasks = Array.from({ length: 24 }, () =>
      newTask({ name: 'proc.sleep', payload: { ms: 300 }, maxAttempts: 10, maxLostLeases: 10 }),
    );
    await store.enqueue(tasks);
    const worker = spawnPgProcess({
      FLEET_PROC_MODE: 'worker',
      FLEET_PROC_URL: server.url,
      FLEET_PROC_SCHEMA: schema,
      FLEET_PROC_LEASE_MS: '2000',
      FLEET_PROC_CONCURRENCY: '2',
    });
    await worker.waitFor((line) => line.startsWith('started '), 20_000, 'the worker to start work');
    // Precondition: work is still outstanding when the server goes away.
    const before = await Promise.all(tasks.map(async (task) => (await store.get(task.id))?.state));
    expect(before.filter((state) => state === 'done').length).toBeLessThan(tasks.length - 4);

    await server.restart(1_500);

    const deadline = Date.now() + 60_000;
    let states: (string | undefined)[] = [];
    for (;;) {
      states = await Promise.all(tasks.map(async (task) => (await store.get(task.id))?.state));
      if (states.every((state) => state === 'done')) break;
      if (Date.now() > deadline)
        throw new Error(`not all tasks done after the restart: ${states.join(', ')}; worker stderr: ${worker.stderr().slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The worker process survived the outage and said what it was doing.
    expect(worker.child.exitCode).toBeNull();
    expect(worker.stderr()).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+\/postgres is unreachable .*; retrying/);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });
});
