import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../src/define-tasks.js';
import { createFleet, type Fleet } from '../src/fleet.js';
import { startTcpProxy } from './helpers/tcp-proxy.js';
import { waitFor } from './helpers/wait-for.js';
import { dropSchema, freshSchema, requirePostgres, TEST_POSTGRES_URL } from './pg-helpers.js';

const TaskSpec = defineTasks({ Hello: { schema: z.object({ name: z.string() }) } });

async function tablesIn(schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const result = await client.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    return result.rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('createFleet on PostgreSQL: store settings and logging', () => {
  const cleanups: (() => Promise<void>)[] = [];
  let fleet: Fleet | undefined;
  afterEach(async () => {
    await fleet?.stop({ deadlineMs: 100, abortGraceMs: 100 });
    fleet = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('opens the store from the URL with the `postgres` settings the docs name', async () => {
    await requirePostgres();
    const schema = freshSchema('fleetopts');
    cleanups.push(() => dropSchema(schema));
    fleet = await createFleet({
      tasks: TaskSpec,
      url: TEST_POSTGRES_URL,
      role: 'serve',
      postgres: { schema, durableClaims: true, poolSize: 2, reconnectTimeoutMs: 5000, queryTimeoutMs: 5000 },
      log: () => undefined,
    });
    expect(await tablesIn(schema)).toContain('fleet_tasks');
  });

  it('exports createPostgresStore as fleet-runtime/postgres', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, { default?: string }>;
    };
    expect(manifest.exports['./postgres']?.default).toBe('./dist/stores/postgres/index.js');
  });

  it("sends the store's connection warnings to the `log` given to createFleet", async () => {
    await requirePostgres();
    const target = new URL(TEST_POSTGRES_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(TEST_POSTGRES_URL);
    url.port = String(proxy.port);
    const schema = freshSchema('fleetlog');
    cleanups.push(() => dropSchema(schema));
    const logs: string[] = [];
    fleet = await createFleet({
      tasks: TaskSpec,
      executors: { Hello: () => 'hi' },
      url: url.toString(),
      role: 'worker',
      retention: false,
      // Short, so the stop after the outage does not wait out the default 60 s reconnect window.
      postgres: { schema, reconnectTimeoutMs: 1000 },
      worker: { pollIntervalMs: 50 },
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    // The worker's LISTEN connection is open once the first wake-up hint arrives after connect.
    await new Promise((done) => setTimeout(done, 300));
    await proxy.close();
    await waitFor('a connection warning in the fleet log', () =>
      logs.some((line) =>
        /^warn: fleet-runtime: (LISTEN connection to|an idle PostgreSQL connection to|PostgreSQL at) 127\.0\.0\.1:\d+\/test/.test(line),
      ),
    );
  });
});
