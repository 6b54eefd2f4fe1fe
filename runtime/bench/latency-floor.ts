/**
 * The floor of the PostgreSQL enqueue→start path without fleet-runtime's code (issue 11 §4, p50 ≤
 * 1 ms): the store's one-task insert with its NOTIFY on one connection, LISTEN on a second, and the
 * store's claim statement on a third as soon as the notification arrives; 200 probes 7 ms apart on
 * an idle queue, as the runtime bench. Compare its p50 with `latency-breakdown.ts` in the same
 * minutes: the difference is what fleet-runtime's own code adds. The two statements are copies of
 * `src/stores/postgres/insert-tasks.ts` (`buildOne`) and `src/stores/postgres/claim.ts` (issue 11,
 * seventh round).
 *
 *   node --experimental-transform-types --import ./runtime/bench/ts-loader.mjs runtime/bench/latency-floor.ts [--url …]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPostgresStore } from '../src/stores/postgres/index.js';
import { dropDatabase, freshDatabase } from './database.js';

const { values } = parseArgs({
  options: { url: { type: 'string', default: process.env.FLEET_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' } },
});
const DB = 'fleet_bench_latency_floor';
const url = await freshDatabase(values.url, DB);
const store = await createPostgresStore({ url });
await store.migrate();
await store.close();

const T = 'fleet.fleet_tasks';
const E = 'fleet.fleet_events';
const INSERT = `WITH inserted AS (
    INSERT INTO ${T} (id, name, payload, state, tenant, priority, run_at, max_attempts, max_lost_leases, schedule)
    VALUES ($1, $2, $3::jsonb, 'queued', $4, $5, $6, $7, $8, $9)
    RETURNING run_at
  )
  SELECT pg_notify($10, '') FROM inserted WHERE run_at <= now()`;
const CLAIM = `WITH ready AS (
    SELECT seq FROM ${T}
    WHERE state IN ('queued', 'retrying') AND run_at <= now() AND name = ANY($1::text[])
      AND (SELECT set_config('synchronous_commit', 'off', true)) = 'off'
    ORDER BY priority DESC, run_at, seq
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), claimed AS (
    UPDATE ${T} t
    SET state = 'running', attempts = t.attempts + 1, lease_owner = $3, lease_token = $4,
        lease_until = now() + $5::bigint * interval '1 millisecond', updated_at = now()
    FROM ready WHERE t.seq = ready.seq
    RETURNING t.seq, t.id, t.name, t.payload, t.attempts, t.max_attempts, t.tenant, t.lease_until, t.priority, t.run_at
  ), started AS (
    INSERT INTO ${E} (task_id, task_seq, type, attempt) SELECT id, seq, 'started', attempts FROM claimed
  )
  SELECT id, name, payload, attempts, max_attempts, tenant, lease_until FROM claimed ORDER BY priority DESC, run_at, seq`;
const DONE = `UPDATE ${T} SET state = 'done', lease_owner = NULL, lease_token = NULL, lease_until = NULL, finished_at = now() WHERE state = 'running'`;

const connect = async (): Promise<pg.Client> => {
  const client = new pg.Client({ connectionString: url, options: '-c enable_bitmapscan=off' });
  await client.connect();
  return client;
};
const [enqueuer, listener, claimer] = [await connect(), await connect(), await connect()];
await listener.query('LISTEN fleet_fleet');
let claimedAt: (at: number) => void = () => undefined;
listener.on('notification', () => {
  void claimer.query({ name: 'claim', text: CLAIM, values: [['noop'], 16, 'floor', randomUUID(), 30_000] }).then((result) => {
    if ((result.rowCount ?? 0) > 0) claimedAt(performance.now());
  });
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const latencies: number[] = [];
for (let i = 0; i < 200; i += 1) {
  const claimed = new Promise<number>((resolve) => (claimedAt = resolve));
  const t0 = performance.now();
  await enqueuer.query({
    name: 'insert',
    text: INSERT,
    values: [randomUUID(), 'noop', JSON.stringify({ i }), null, 0, new Date().toISOString(), 3, 3, null, 'fleet_fleet'],
  });
  latencies.push((await claimed) - t0);
  await sleep(2);
  await enqueuer.query(DONE);
  await sleep(5);
}
latencies.sort((a, b) => a - b);
process.stdout.write(`p50 enqueue→claimed with bare clients: ${String(latencies[100]?.toFixed(2))} ms\n`);
await Promise.all([enqueuer.end(), listener.end(), claimer.end()]);
await dropDatabase(values.url, DB);
