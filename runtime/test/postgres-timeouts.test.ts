import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../src/store.js';
import { createPostgresStore } from '../src/stores/postgres/index.js';
import { startSilentServer, startTcpProxy } from './helpers/tcp-proxy.js';
import { newTask, TEST_POSTGRES_URL, dropSchema, freshSchema, requirePostgres } from './pg-helpers.js';

// The chaos run left `enqueue` pending for 130 s with the TCP connection open and nothing
// answering. Every store call must end within its bounds with an error that says why.
describe('PostgreSQL store: bounded waits', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('fails a statement the server stops answering after queryTimeoutMs, naming the option', async () => {
    await requirePostgres();
    const target = new URL(TEST_POSTGRES_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());
    const url = new URL(TEST_POSTGRES_URL);
    url.port = String(proxy.port);
    const schema = freshSchema('timeouts');
    cleanups.push(() => dropSchema(schema));
    const store: Store = await createPostgresStore({
      url: url.toString(),
      schema,
      queryTimeoutMs: 500,
      reconnectTimeoutMs: 1000,
      logger: () => undefined,
    });
    cleanups.push(() => store.close());
    await store.migrate();
    await store.enqueue([newTask()]);
    proxy.freeze();
    const began = Date.now();
    await expect(store.enqueue([newTask()])).rejects.toThrow(
      /^fleet-runtime: PostgreSQL at 127\.0\.0\.1:\d+\/test did not answer fleet_insert_tasks_\w+ within 500 ms \(queryTimeoutMs\); the server may be hung or the network partitioned\./,
    );
    expect(Date.now() - began).toBeLessThan(5000);
  });

  it('gives up on a server that accepts TCP but never answers within reconnectTimeoutMs', async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    const store = await createPostgresStore({
      url: `postgres://postgres@127.0.0.1:${String(silent.port)}/test`,
      connectTimeoutMs: 200,
      reconnectTimeoutMs: 1000,
      logger: () => undefined,
    });
    cleanups.push(() => store.close());
    const began = Date.now();
    await expect(store.enqueue([newTask()])).rejects.toThrow(
      /stayed unreachable for 1000 ms \(.*timeout.*\); check that the server is running/,
    );
    expect(Date.now() - began).toBeLessThan(5000);
  });
});
