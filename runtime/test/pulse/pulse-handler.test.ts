import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueue } from '../../src/enqueue.js';
import { createPulse, type Pulse } from '../../src/pulse/pulse.js';
import type { Store } from '../../src/store.js';
import { createSqliteStore } from '../../src/stores/sqlite/index.js';

const TaskSpec = defineTasks({ Send: { schema: z.object({ n: z.number() }) } });

describe('pulse.handler over HTTP', () => {
  let dir: string;
  let pulse: Pulse;
  let server: Server;
  let base: string;
  let producer: Store;
  const logged: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-pulse-http-'));
    // The app's serve replicas enqueue through their own store; the pulse opens its own.
    producer = await createSqliteStore({ path: join(dir, 'fleet.db') });
    await producer.migrate();
    pulse = createPulse({
      tasks: TaskSpec,
      executors: { Send: () => 'sent' },
      url: `sqlite:${join(dir, 'fleet.db')}`,
      secret: 's3cret',
      log: (level, message) => {
        logged.push(`${level}: ${message}`);
      },
    });
    base = await new Promise((done) => {
      server = serve({ fetch: pulse.handler, port: 0, hostname: '127.0.0.1' }, (info) => {
        done(`http://127.0.0.1:${String(info.port)}/api/pulse`);
      }) as Server;
    });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await pulse.close();
    await producer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 401 without the bearer secret and runs nothing', async () => {
    const response = await fetch(base, { headers: { authorization: 'Bearer wrong' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'Unauthorized',
      message: 'The pulse needs `Authorization: Bearer <FLEET_PULSE_SECRET>`.',
    });
  });

  it('opens its store on the first call, drains, and answers what it did as JSON', async () => {
    const id = await enqueue(TaskSpec.Send({ n: 1 }), { store: producer });
    const response = await fetch(base, { method: 'POST', headers: { authorization: 'Bearer s3cret' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ claimed: 1, done: 1, schedulesFired: 0, reclaimed: 0, stoppedBecause: 'empty' });
    expect(await producer.get(id)).toMatchObject({ state: 'done', result: 'sent' });
    expect(logged).toEqual([]);
  });
});
